// validatePaymentBody must never throw and must only ever answer with well-formed problems.
import assert from 'node:assert/strict';
import { PAYMENT_BODY_TEMPLATES, PAYMENT_PRODUCTS } from '../../../src/client/catalogue/catalogue';
import { validatePaymentBody, type PaymentBodyProblem } from '../../../src/client/payments/paymentValidation';

const TODAY = '2026-11-25';

function check(product: string, body: unknown): PaymentBodyProblem[] {
  let found: PaymentBodyProblem[] = [];
  assert.doesNotThrow(() => {
    found = validatePaymentBody(product, body, { today: TODAY });
  });
  assert.ok(Array.isArray(found));
  for (const problem of found) {
    assert.equal(typeof problem.path, 'string');
    assert.match(problem.message, /^[A-Za-z].*\.$/s, 'a sentence');
    assert.ok(problem.message.length < 400, `a short message: ${problem.message.slice(0, 80)}`);
    if (problem.path && problem.path !== 'payment-product') {
      assert.ok(problem.message.includes(problem.path), `the message names ${problem.path}: ${problem.message}`);
    }
  }
  return found;
}

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: readonly unknown[] = [
  null, undefined, true, 0, -1, 1e308, Number.NaN, Infinity, '', ' ', '10.50', 'SEK', '2030-01-01', '-0', '\u0000',
  '__proto__', [], [1, 'a'], {}, { amount: '1' }, { iban: 'SE4930000000000000000001' }, { giroNumber: 1, giroType: {} },
];

function randomValue(next: () => number, depth: number): unknown {
  const roll = next();
  if (depth > 3 || roll < 0.6) return ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
  if (roll < 0.7) return [randomValue(next, depth + 1), randomValue(next, depth + 1)];
  return mutate(next, {}, depth + 1);
}

const KEYS = [
  'instructedAmount', 'amount', 'currency', 'debtorAccount', 'creditorAccount', 'iban', 'bban', 'bankgiroNumber',
  'clearingNumber', 'creditorName', 'creditorAddress', 'country', 'creditorGiro', 'giroNumber', 'giroType', 'ocrRef',
  'invoiceRef', 'requestedExecutionDate', 'remittanceInformationUnstructured', '__proto__', 'constructor',
];

/** Sets, deletes or replaces a few fields at any depth of a copy of `body`. */
function mutate(next: () => number, body: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...body };
  const edits = 1 + Math.floor(next() * 3);
  for (let n = 0; n < edits; n += 1) {
    const key = KEYS[Math.floor(next() * KEYS.length)]!;
    const current = Object.getOwnPropertyDescriptor(copy, key)?.value;
    const value =
      current && typeof current === 'object' && !Array.isArray(current) && next() < 0.5
        ? mutate(next, current as Record<string, unknown>, depth + 1)
        : next() < 0.2
          ? undefined
          : randomValue(next, depth);
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

describe('validatePaymentBody on hostile input', () => {
  it('answers null, arrays, primitives and functions with one problem at the root', () => {
    for (const body of [null, undefined, [], [[]], 0, 1.5, 'x', Symbol('s'), () => ({}), BigInt(1)]) {
      for (const product of PAYMENT_PRODUCTS) assert.deepEqual(check(product, body).map((p) => p.path), [''], String(typeof body));
    }
  });

  it('takes JSON numbers, nulls and nested objects where strings belong without throwing', () => {
    const body = {
      instructedAmount: { amount: 10.5, currency: null },
      debtorAccount: { iban: 123, currency: ['SEK'] },
      creditorAccount: { bban: { nested: true } },
      creditorName: { first: 'John' },
      remittanceInformationUnstructured: 42,
      requestedExecutionDate: 20301224,
      creditorAddress: { country: 46 },
    };
    const found = check('domestic', body);
    assert.deepEqual(found.map((p) => p.path), [
      'instructedAmount.amount',
      'instructedAmount.currency',
      'debtorAccount.iban',
      'debtorAccount.currency',
      'creditorName',
      'creditorAccount.bban',
      'creditorAddress.country',
      'remittanceInformationUnstructured',
      'requestedExecutionDate',
    ]);
  });

  it('reads only own data properties: __proto__ keys, inherited fields and getters count as absent', () => {
    const parsed: unknown = JSON.parse(`{"__proto__": ${JSON.stringify(PAYMENT_BODY_TEMPLATES.domestic)}}`);
    assert.deepEqual(check('domestic', parsed).map((p) => p.path), ['instructedAmount', 'creditorName', 'creditorAccount']);

    const inherited: unknown = Object.create(PAYMENT_BODY_TEMPLATES.domestic as object);
    assert.equal(check('domestic', inherited).length, 3);

    const withGetter = { ...(PAYMENT_BODY_TEMPLATES.domestic as object) };
    Object.defineProperty(withGetter, 'creditorName', {
      get() {
        throw new Error('a getter ran');
      },
    });
    assert.deepEqual(check('domestic', withGetter).map((p) => p.path), ['creditorName']);

    const nullProto = Object.assign(Object.create(null) as object, PAYMENT_BODY_TEMPLATES.domestic);
    assert.deepEqual(check('domestic', nullProto), []);
    assert.equal(({} as Record<string, unknown>)['instructedAmount'], undefined, 'no prototype was polluted');
  });

  it('survives a Proxy whose traps throw', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, { get: trap, getOwnPropertyDescriptor: trap, ownKeys: trap, has: trap, getPrototypeOf: trap });
    const found = check('domestic', hostile);
    assert.deepEqual(found.map((p) => p.path), ['']);
    assert.match(found[0]!.message, /could not be read/);
  });

  it('handles huge strings (the test timeout guards against a scan gone quadratic) and never echoes them', () => {
    const huge = '9'.repeat(5_000_000);
    const found = check('swedish-giro', {
      instructedAmount: { amount: huge, currency: huge },
      debtorAccount: { iban: huge, bban: huge },
      creditorName: huge,
      creditorGiro: { giroNumber: huge, giroType: huge },
      ocrRef: huge,
      invoiceRef: huge,
      requestedExecutionDate: huge,
      remittanceInformationUnstructured: huge,
    });
    assert.ok(found.length >= 10);
    for (const p of found) assert.ok(!p.message.includes('99999999999'), p.message);
  });

  it('handles deeply nested values', () => {
    let deep: unknown = {};
    for (let n = 0; n < 100_000; n += 1) deep = { instructedAmount: deep, creditorAccount: [deep] };
    assert.ok(check('domestic', deep).length > 0);
  });

  it('never throws on 3000 random mutations of every template', () => {
    const next = random(20261125);
    for (let n = 0; n < 3000; n += 1) {
      const product = PAYMENT_PRODUCTS[n % PAYMENT_PRODUCTS.length]!;
      const body = mutate(next, JSON.parse(JSON.stringify(PAYMENT_BODY_TEMPLATES[product])) as Record<string, unknown>);
      check(product, body);
      check(product, JSON.parse(JSON.stringify(body)));
    }
  });
});

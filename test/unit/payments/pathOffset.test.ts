import assert from 'node:assert/strict';
import { PAYMENT_BODY_TEMPLATES, PAYMENT_PRODUCTS } from '../../../src/client/catalogue/catalogue';
import { nearestPathOffset, pathOffset, validatePaymentBody } from '../../../src/client/payments/paymentValidation';

/** Every dotted path of every property in `value`. */
function allPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...allPaths(child, path)];
  });
}

/** The text at `offset` begins the property `path` names: its quoted key. */
function assertAtKey(text: string, path: string, label = path): number {
  const offset = pathOffset(text, path);
  assert.notEqual(offset, undefined, label);
  const key = path.split('.').pop()!;
  assert.ok(text.startsWith(JSON.stringify(key), offset), `${label} at ${offset}: ${text.slice(offset, offset! + 30)}`);
  return offset!;
}

describe('pathOffset', () => {
  it('finds the key of every property of every template, pretty-printed and compact', () => {
    for (const product of PAYMENT_PRODUCTS) {
      const body = PAYMENT_BODY_TEMPLATES[product];
      for (const text of [JSON.stringify(body, null, 2), JSON.stringify(body), JSON.stringify(body, null, '\t')]) {
        for (const path of allPaths(body)) assertAtKey(text, path);
      }
    }
  });

  it('tells same-named keys apart by their parent', () => {
    const text = JSON.stringify(PAYMENT_BODY_TEMPLATES.domestic, null, 2);
    const offsets = ['instructedAmount.currency', 'debtorAccount.currency', 'creditorAccount.currency'].map((p) => assertAtKey(text, p));
    assert.equal(new Set(offsets).size, 3);
    assert.ok(offsets[0]! > text.indexOf('"instructedAmount"') && offsets[0]! < text.indexOf('"debtorAccount"'));
    assert.ok(offsets[2]! > text.indexOf('"creditorAccount"'));
    assert.equal(pathOffset('{"a": {"currency": 1}, "currency": 2}', 'currency'), 23);
  });

  it('points the empty path at the document value and array index segments at the element', () => {
    assert.equal(pathOffset('  \n {"a": 1}', ''), 4);
    const text = '{"items": [ {"x": 1}, "two", 3 ]}';
    assert.equal(pathOffset(text, 'items.0'), text.indexOf('{"x"'));
    assert.equal(pathOffset(text, 'items.1'), text.indexOf('"two"'));
    assert.equal(pathOffset(text, 'items.2'), text.indexOf('3 ]'));
    assert.equal(pathOffset(text, 'items.0.x'), text.indexOf('"x"'));
    assert.equal(pathOffset(text, 'items.3'), undefined);
  });

  it('returns undefined for properties that are not there', () => {
    const text = JSON.stringify(PAYMENT_BODY_TEMPLATES.domestic);
    for (const path of ['nope', 'instructedAmount.nope', 'creditorName.x', 'amount', 'instructedAmount.amount.x', '.', 'a..b']) {
      assert.equal(pathOffset(text, path), undefined, path);
    }
    assert.equal(pathOffset('', ''), undefined);
    assert.equal(pathOffset('   ', 'a'), undefined);
  });

  it('is not fooled by brackets, quotes and key-like text inside strings', () => {
    const text = '{"note": "x\\"}{\\"creditorName\\": [1", "creditorName": "y", "b": "\\\\"}';
    assert.deepEqual(JSON.parse(text), { note: 'x"}{"creditorName": [1', creditorName: 'y', b: '\\' });
    assert.equal(pathOffset(text, 'creditorName'), text.indexOf('"creditorName": "y"'));
    assert.equal(pathOffset(text, 'b'), text.indexOf('"b"'));
    assert.equal(pathOffset('{"a": "creditorName"}', 'creditorName'), undefined, 'a value is not a key');
  });

  it('decodes escapes in keys and takes the last of duplicate keys, as JSON.parse does', () => {
    assert.equal(pathOffset('{"cr\\u0065ditorName": "x"}', 'creditorName'), 1);
    assert.equal(pathOffset('{"a\\tb": 1}', 'a\tb'), 1);
    const dup = '{"creditorName": "a", "creditorName": "b"}';
    assert.equal(pathOffset(dup, 'creditorName'), dup.lastIndexOf('"creditorName"'));
    assert.equal(pathOffset('{"__proto__": {"x": 1}}', '__proto__.x'), 15);
    assert.equal(pathOffset('{"a": 1}', 'constructor'), undefined);
    assert.equal(pathOffset('{"a": 1}', 'toString'), undefined);
  });

  it('tolerates documents being typed', () => {
    const cases: [string, string, string][] = [
      ['missing comma', '{"a": 1\n "creditorName": "x"}', 'creditorName'],
      ['trailing comma', '{"a": 1, "creditorName": "x",}', 'creditorName'],
      ['no closing brace', '{"instructedAmount": {"amount": "1"', 'instructedAmount.amount'],
      ['unterminated string', '{"a": "oops\n, "creditorName": "x"}', 'creditorName'],
      ['comments', '{ // the payee\n "a": 1, /* "creditorName": 0 */ "creditorName": "x"}', 'creditorName'],
      ['missing colon', '{"instructedAmount" {"amount": "1"}}', 'instructedAmount.amount'],
      ['stray closers', '{"a": [1]]}, "creditorName": 1', 'a'],
      ['bare words', '{"a": tru, "creditorName": nul}', 'creditorName'],
      ['mismatched bracket', '{"a": [1}, "creditorName": 2}', 'a'],
    ];
    for (const [what, text, path] of cases) assertAtKey(text, path, what);
    assert.equal(pathOffset('{"a": "unterminated', 'a'), 1);
    assert.equal(pathOffset('{"unterminated', 'unterminated'), 1);
  });

  // A scan that went quadratic on these inputs would run for minutes: the test's timeout is the guard, not a clock.
  it('never throws, and finishes, on hostile text', () => {
    assert.equal(pathOffset(null as unknown as string, 'a'), undefined);
    assert.equal(pathOffset('{"a": 1}', undefined as unknown as string), undefined);
    assert.equal(pathOffset('['.repeat(200_000), 'a'), undefined);
    assert.equal(pathOffset('{"a":'.repeat(100_000), 'a.a.a'), 11);
    const big = `{"big": "${'x'.repeat(2_000_000)}", "creditorName": 1}`;
    assert.equal(pathOffset(big, 'creditorName'), big.indexOf('"creditorName"'));
    assert.equal(pathOffset('"\\', ''), 0);
    for (const text of ['}', ']', ':', ',', '"', '\\', '/', '/*', '{"a', '{"a":', '[,,]', '{,}', '{"a": [}]']) {
      assert.doesNotThrow(() => pathOffset(text, 'a'), text);
    }
  });
});

describe('nearestPathOffset', () => {
  it('falls back to the closest ancestor that is in the text, then the document', () => {
    const text = '{"instructedAmount": {"amount": "1"}}';
    assert.equal(nearestPathOffset(text, 'instructedAmount.amount'), text.indexOf('"amount"'));
    assert.equal(nearestPathOffset(text, 'instructedAmount.currency'), 1);
    assert.equal(nearestPathOffset(text, 'creditorName'), 0);
    assert.equal(nearestPathOffset(text, 'payment-product'), 0);
    assert.equal(nearestPathOffset('', 'a'), undefined);
  });

  it('places every problem of a broken body on its field or the field that holds it', () => {
    const text = `{
  "instructedAmount": { "amount": 10.5 },
  "debtorAccount": { "iban": "SE12 3000", "bban": "1" },
  "creditorName": "",
  "creditorAddress": { "city": "Frankfurt" },
  "requestedExecutionDate": "2020-01-01"
}`;
    const found = validatePaymentBody('domestic', JSON.parse(text), { today: '2026-11-25' });
    const located = found.map((p) => [p.path, text.slice(nearestPathOffset(text, p.path)).split(/[:\n]/)[0]]);
    assert.deepEqual(located, [
      ['instructedAmount.amount', '"amount"'],
      ['instructedAmount.currency', '"instructedAmount"'],
      ['debtorAccount', '"debtorAccount"'],
      ['debtorAccount.iban', '"iban"'],
      ['creditorName', '"creditorName"'],
      ['creditorAccount', '{'],
      ['creditorAddress.country', '"creditorAddress"'],
      ['requestedExecutionDate', '"requestedExecutionDate"'],
    ]);
  });
});

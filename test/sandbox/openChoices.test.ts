// Where the reference is silent but a bank would refuse or must decide (sandbox/README.md, "choices made where the
// reference is open"): IBAN check digits, ISO 4217 currencies, and a POST repeated with the same X-Request-ID.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CONSENT_BODY_TEMPLATE } from '../../src/client/catalogue/catalogue';
import { ibanIsValid } from '../../src/client/text/iban';
import { DOCUMENTED_SAMPLE_IBANS } from '../../sandbox/data/documentedIbans';
import { type Response, useSandbox } from './helpers/client';
import { PSU_HEADERS } from './helpers/flows';
import { API_REFERENCE_FILE, hasReference, referenceDir, SANDBOX_ENV_FILE } from './helpers/reference';

function expectFormatError(res: Response, path: string): void {
  assert.equal(res.status, 400, res.text);
  const message = res.json['tppMessages']?.[0];
  assert.equal(message?.code, 'FORMAT_ERROR', res.text);
  assert.equal(message?.path, path, res.text);
}

const SEK_PAYMENT = {
  instructedAmount: { currency: 'SEK', amount: '10.50' },
  debtorAccount: { iban: 'SE3750000000054400047881', currency: 'SEK' },
  creditorName: 'John Doe',
  creditorAccount: { iban: 'SE2550000000054400047903', currency: 'SEK' },
  remittanceInformationUnstructured: 'Ref 1',
};

/** The same IBAN with its last digit changed, so the mod-97 check digits no longer hold. */
const typo = (iban: string) => `${iban.slice(0, -1)}${(Number(iban.at(-1)) + 1) % 10}`;

describe('sandbox choices where the reference is open', () => {
  const c = useSandbox();

  const pay = (body: unknown, headers: Record<string, string> = {}) =>
    c.call('initiatePayment', { bic: 'ESSESESS', params: { 'payment-product': 'domestic' }, body, headers: { ...PSU_HEADERS, ...headers } });

  describe('IBAN check digits (ISO 13616 mod 97)', () => {
    it('a creditor or debtor IBAN with a typo is 400 FORMAT_ERROR with the field as path', async () => {
      expectFormatError(await pay({ ...SEK_PAYMENT, creditorAccount: { iban: typo('SE2550000000054400047903') } }), 'creditorAccount.iban');
      expectFormatError(await pay({ ...SEK_PAYMENT, debtorAccount: { iban: typo('SE3750000000054400047881') } }), 'debtorAccount.iban');
      const consent = { ...CONSENT_BODY_TEMPLATE, access: { accounts: [{ iban: typo('SE3750000000054400047881') }] } };
      expectFormatError(await c.call('createConsent', { bic: 'ESSESESS', body: consent, headers: PSU_HEADERS }), 'access.accounts[0].iban');
      const refused = await pay({ ...SEK_PAYMENT, creditorAccount: { iban: 'DE89370400440532013001' } });
      assert.match(refused.json['tppMessages'][0].text, /check digits/);
    });

    it('IBANs whose check digits hold are accepted, also foreign ones', async () => {
      assert.equal((await pay(SEK_PAYMENT)).status, 201);
      const international = { ...SEK_PAYMENT, instructedAmount: { currency: 'EUR', amount: '1.00' }, creditorAccount: { iban: 'DE89370400440532013000' } };
      const res = await c.call('initiatePayment', { bic: 'SWEDSESS', params: { 'payment-product': 'international' }, body: { ...international, creditorAgent: 'COBADEFFXXX', creditorAddress: { street: 'Kaiserstrasse', buildingNumber: '16', city: 'Frankfurt', postalCode: '60311', country: 'DE' } }, headers: PSU_HEADERS });
      assert.equal(res.status, 201, res.text);
    });

    it('the platform\'s documented sample IBANs stay accepted although their check digits are wrong', async () => {
      assert.ok(DOCUMENTED_SAMPLE_IBANS.size > 0);
      for (const iban of DOCUMENTED_SAMPLE_IBANS) assert.equal(ibanIsValid(iban), false, `${iban} needs no exception`);
      const res = await pay({ ...SEK_PAYMENT, debtorAccount: { iban: 'SE1230000000000000000001' }, creditorAccount: { iban: 'SE1230000000000000000002' } });
      assert.equal(res.status, 201, res.text);
    });

    it('the exceptions are exactly the reference\'s sample IBANs with wrong check digits (Postman environment, §7.2)', function () {
      if (!hasReference(SANDBOX_ENV_FILE, API_REFERENCE_FILE)) this.skip();
      const text = [SANDBOX_ENV_FILE, API_REFERENCE_FILE].map((f) => fs.readFileSync(path.join(referenceDir, f), 'utf8')).join('\n');
      const documented = new Set([...text.matchAll(/\b[A-Z]{2}\d{2}[0-9]{10,30}\b/g)].map((m) => m[0]).filter((iban) => !ibanIsValid(iban)));
      assert.deepEqual([...DOCUMENTED_SAMPLE_IBANS].sort(), [...documented].sort());
    });
  });

  describe('ISO 4217 currencies', () => {
    it('an unknown currency code is 400 FORMAT_ERROR with the field as path', async () => {
      expectFormatError(await pay({ ...SEK_PAYMENT, instructedAmount: { currency: 'ABC', amount: '1.00' } }), 'instructedAmount.currency');
      expectFormatError(await pay({ ...SEK_PAYMENT, creditorAccount: { iban: 'SE2550000000054400047903', currency: 'SEX' } }), 'creditorAccount.currency');
      const consent = { ...CONSENT_BODY_TEMPLATE, access: { accounts: [{ iban: 'SE3750000000054400047881', currency: 'XYZ' }] } };
      expectFormatError(await c.call('createConsent', { bic: 'ESSESESS', body: consent, headers: PSU_HEADERS }), 'access.accounts[0].currency');
    });

    it('a withdrawn code (HRK, replaced by EUR in 2023) is refused too; active ones pass the check', async () => {
      expectFormatError(await pay({ ...SEK_PAYMENT, instructedAmount: { currency: 'HRK', amount: '1.00' } }), 'instructedAmount.currency');
      // ESSESESS pays SEK accounts, but the currency check itself accepts NOK: whatever comes back, it is not about the code.
      const nok = await pay({ ...SEK_PAYMENT, instructedAmount: { currency: 'NOK', amount: '1.00' } });
      assert.notEqual(nok.json['tppMessages']?.[0]?.path, 'instructedAmount.currency', nok.text);
    });
  });

  describe('a POST repeated with the same X-Request-ID', () => {
    it('with the same body replays the first answer: one payment, not two', async () => {
      const requestId = crypto.randomUUID();
      const first = await pay(SEK_PAYMENT, { 'x-request-id': requestId });
      const again = await pay(SEK_PAYMENT, { 'x-request-id': requestId });
      assert.equal(first.status, 201, first.text);
      assert.equal(again.status, 201, again.text);
      assert.equal(again.json['paymentId'], first.json['paymentId']);
      assert.equal(again.headers.get('location'), first.headers.get('location'));
      const fresh = await pay(SEK_PAYMENT);
      assert.notEqual(fresh.json['paymentId'], first.json['paymentId'], 'a new X-Request-ID is a new payment');
    });

    it('with another body or operation is 400 FORMAT_ERROR on X-Request-ID', async () => {
      const requestId = crypto.randomUUID();
      assert.equal((await pay(SEK_PAYMENT, { 'x-request-id': requestId })).status, 201);
      const changed = await pay({ ...SEK_PAYMENT, instructedAmount: { currency: 'SEK', amount: '99.00' } }, { 'x-request-id': requestId });
      expectFormatError(changed, 'X-Request-ID');
      const otherOperation = await c.call('createConsent', { bic: 'ESSESESS', body: CONSENT_BODY_TEMPLATE, headers: { ...PSU_HEADERS, 'x-request-id': requestId } });
      expectFormatError(otherOperation, 'X-Request-ID');
    });

    it('a refused POST is not remembered: corrected and resent with the same X-Request-ID, it succeeds', async () => {
      const requestId = crypto.randomUUID();
      expectFormatError(await pay({ ...SEK_PAYMENT, instructedAmount: { currency: 'ABC', amount: '1.00' } }, { 'x-request-id': requestId }), 'instructedAmount.currency');
      assert.equal((await pay(SEK_PAYMENT, { 'x-request-id': requestId })).status, 201);
    });
  });
});

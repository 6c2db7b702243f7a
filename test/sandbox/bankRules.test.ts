// Each bank's own rules of reference §7.2 (sandbox/data/bankRules.ts): what each refuses, with which status,
// code, path and text, and the neighbouring requests it still accepts, so a rule is as narrow as documented.
import assert from 'node:assert/strict';
import { makeIban } from '../../sandbox/data/accounts';
import { paymentBodyTemplate, type PaymentProduct } from '../../src/client/catalogue/catalogue';
import { type Response, useSandbox } from './helpers/client';
import { PSU_HEADERS, validConsent } from './helpers/flows';

// A fixed "today": the statement window is counted in days from it.
const TODAY = new Date('2025-03-14T10:00:00Z');
const daysBefore = (days: number) => new Date(TODAY.getTime() - days * 86_400_000).toISOString().slice(0, 10);

type Body = Record<string, unknown>;

function refused(res: Response, path: string, text: RegExp): void {
  assert.equal(res.status, 400, res.text);
  const messages = res.json['tppMessages'] as { category: string; code: string; path?: string; text: string }[];
  assert.equal(messages.length, 1, res.text);
  assert.deepEqual({ ...messages[0], text: undefined }, { category: 'ERROR', code: 'FORMAT_ERROR', path, text: undefined });
  assert.match(messages[0]!.text, text);
}

describe('sandbox per-bank rules (reference §7.2)', () => {
  const c = useSandbox({ today: TODAY });

  const pay = (bic: string, product: PaymentProduct, body: Body, scope?: string) =>
    c.call('initiatePayment', { bic, params: { 'payment-product': product }, body, headers: PSU_HEADERS, ...(scope ? { scope } : {}) });
  const template = (product: PaymentProduct, bic: string) => paymentBodyTemplate(product, bic) as Body;
  const accepted = (res: Response) => assert.equal(res.status, 201, res.text);

  describe('Swedbank remittance: 35 to a Swedbank creditor, else 10 domestic, 140 international', () => {
    const domestic = template('domestic', 'SWEDSESS');
    const text = (n: number) => 'x'.repeat(n);
    const withRemittance = (n: number, creditorAccount?: Body): Body => ({ ...domestic, ...(creditorAccount ? { creditorAccount } : {}), remittanceInformationUnstructured: text(n) });

    it('to another bank (the template creditor, IBAN bank code 300): 10 pass, 11 are refused saying the limit', async () => {
      accepted(await pay('SWEDSESS', 'domestic', withRemittance(10)));
      refused(await pay('SWEDSESS', 'domestic', withRemittance(11)), 'remittanceInformationUnstructured', /at most 10 characters .* another bank \(35 to a SWEDSESS account\); 11 were sent/);
    });

    it('to a Swedbank account by IBAN (bank code 800, the sandbox accounts), BBAN (clearing 7000–8999) or clearingNumber: 35 pass, 36 are refused', async () => {
      const swedbank: Body[] = [
        { iban: 'SE9280000123451234567890', currency: 'SEK' },
        { bban: '83279123456789', currency: 'SEK' },
        { bban: '71234567890', currency: 'SEK' },
        { bban: '123456789', clearingNumber: '8327-9', currency: 'SEK' },
      ];
      for (const creditor of swedbank) {
        accepted(await pay('SWEDSESS', 'domestic', withRemittance(35, creditor)));
        refused(await pay('SWEDSESS', 'domestic', withRemittance(36, creditor)), 'remittanceInformationUnstructured', /at most 35 characters .* to a SWEDSESS account; 36 were sent/);
      }
    });

    it('a clearing number of another bank beside a BBAN keeps the 10-character limit', async () => {
      const handelsbanken = { bban: '401975231', clearingNumber: '6000', currency: 'SEK' };
      refused(await pay('SWEDSESS', 'domestic', withRemittance(11, handelsbanken)), 'remittanceInformationUnstructured', /at most 10 characters/);
      refused(await pay('SWEDSESS', 'domestic', withRemittance(11, { iban: makeIban('SE', '60000000000401975231') })), 'remittanceInformationUnstructured', /at most 10/);
    });

    it('international: 140 pass, 141 are refused', async () => {
      const international = template('international', 'SWEDSESS');
      accepted(await pay('SWEDSESS', 'international', { ...international, remittanceInformationUnstructured: text(140) }));
      const over = await pay('SWEDSESS', 'international', { ...international, remittanceInformationUnstructured: text(141) });
      assert.equal(over.status, 400, over.text);
      assert.equal(over.json['tppMessages'][0].path, 'remittanceInformationUnstructured');
    });

    it('other banks keep the platform-wide 140', async () => {
      accepted(await pay('ESSESESS', 'domestic', { ...template('domestic', 'ESSESESS'), remittanceInformationUnstructured: text(140) }));
      const over = await pay('ESSESESS', 'domestic', { ...template('domestic', 'ESSESESS'), remittanceInformationUnstructured: text(141) });
      assert.equal(over.status, 400, over.text);
      assert.equal(over.json['tppMessages'][0].path, 'remittanceInformationUnstructured');
      assert.doesNotMatch(over.json['tppMessages'][0].text, /ESSESESS allows/, 'the platform-wide check, not a bank rule');
    });
  });

  describe('Swedbank statements: a repeated query reaching back more than 90 days needs SCA (401)', () => {
    async function swedbankAccounts() {
      const consentId = await validConsent(c, 'SWEDSESS');
      const headers = { ...PSU_HEADERS, 'consent-id': consentId };
      const list = await c.call('getAccountList', { bic: 'SWEDSESS', headers });
      const ids = (list.json['accounts'] as { resourceId: string }[]).map((a) => a.resourceId);
      const read = (accountId: string, query: Record<string, string>) => c.call('getTransactionList', { bic: 'SWEDSESS', headers, params: { 'account-id': accountId }, query });
      return { ids, read };
    }

    it('answers the first query from 91 days back, refuses the same again with the documented text', async () => {
      const { ids, read } = await swedbankAccounts();
      const query = { bookingStatus: 'both', dateFrom: daysBefore(91) };
      const first = await read(ids[0]!, query);
      assert.equal(first.status, 200, first.text);
      const again = await read(ids[0]!, query);
      assert.equal(again.status, 401, again.text);
      assert.deepEqual(again.json['tppMessages'], [
        { category: 'ERROR', code: 'CONSENT_INVALID', path: 'dateFrom', text: 'Unauthorized, request not successful. Statement requires SCA' },
      ]);
      const further = await read(ids[0]!, { bookingStatus: 'booked', dateFrom: daysBefore(400), dateTo: daysBefore(1) });
      assert.equal(further.status, 401, 'any later query reaching past 90 days is a repeat');
    });

    it('the pages of the answered query continue it; 90 days back is no more than 90; each account and each consent has its own first query', async () => {
      const { ids, read } = await swedbankAccounts();
      const first = await read(ids[0]!, { bookingStatus: 'both', dateFrom: daysBefore(120) });
      const next = new URL(first.json['transactions']['_links']['next']['href'], 'http://link.invalid');
      assert.equal(next.searchParams.get('dateFrom'), daysBefore(120), 'the next link keeps dateFrom');
      assert.equal((await read(ids[0]!, Object.fromEntries(next.searchParams))).status, 200, 'the second page');
      for (let i = 0; i < 3; i++) assert.equal((await read(ids[0]!, { bookingStatus: 'both', dateFrom: daysBefore(90) })).status, 200, '90 days back');
      assert.equal((await read(ids[0]!, { bookingStatus: 'both' })).status, 200, 'no dateFrom reaches back nowhere');
      assert.equal((await read(ids[1]!, { bookingStatus: 'both', dateFrom: daysBefore(120) })).status, 200, 'another account');
      const fresh = await swedbankAccounts();
      assert.equal((await fresh.read(fresh.ids[0]!, { bookingStatus: 'both', dateFrom: daysBefore(120) })).status, 200, 'a new consent (new SCA)');
    });

    it('other banks answer repeated long queries', async () => {
      const consentId = await validConsent(c, 'ESSESESS');
      const headers = { ...PSU_HEADERS, 'consent-id': consentId };
      const accountId = String((await c.call('getAccountList', { bic: 'ESSESESS', headers })).json['accounts'][0].resourceId);
      for (let i = 0; i < 2; i++) {
        const res = await c.call('getTransactionList', { bic: 'ESSESESS', headers, params: { 'account-id': accountId }, query: { bookingStatus: 'both', dateFrom: daysBefore(365) } });
        assert.equal(res.status, 200, res.text);
      }
    });
  });

  describe('Handelsbanken domestic: a creditor BBAN needs creditorAccount.clearingNumber', () => {
    const sample = { ...template('domestic', 'HANDSESS'), debtorAccount: { bban: '403333911', currency: 'SEK' } };

    it('refuses a creditor BBAN without clearingNumber and takes the documented form (the official sample pair)', async () => {
      refused(
        await pay('HANDSESS', 'domestic', { ...sample, creditorAccount: { bban: '401975231', currency: 'SEK' } }),
        'creditorAccount.clearingNumber',
        /HANDSESS needs creditorAccount.clearingNumber beside a creditor bban/,
      );
      accepted(await pay('HANDSESS', 'domestic', { ...sample, creditorAccount: { bban: '401975231', clearingNumber: '1000', currency: 'SEK' } }));
    });

    it('still takes IBANs without a clearing number, as the official Postman collection sends them', async () => {
      accepted(await pay('HANDSESS', 'domestic', template('domestic', 'HANDSESS')));
    });
  });

  describe('OP: a SEPA payment to a creditor outside Finland needs creditorAddress', () => {
    const sepa = template('sepa-credit-transfers', 'OKOYFIHH');
    const german = { ...sepa, creditorAccount: { iban: 'DE89370400440532013000', currency: 'EUR' } };

    it('refuses a German creditor IBAN without creditorAddress, takes it with one', async () => {
      refused(await pay('OKOYFIHH', 'sepa-credit-transfers', german), 'creditorAddress', /OKOYFIHH needs creditorAddress .* outside FI \(creditor IBAN country DE\)/);
      accepted(await pay('OKOYFIHH', 'sepa-credit-transfers', { ...german, creditorAddress: { street: 'Kaiserstrasse', city: 'Frankfurt', country: 'DE' } }));
    });

    it('takes a Finnish creditor without address; Nordea Finland does not ask for it', async () => {
      accepted(await pay('OKOYFIHH', 'sepa-credit-transfers', sepa));
      accepted(await pay('NDEAFIHH', 'sepa-credit-transfers', german));
    });
  });

  describe('Nordea private domestic: debtor BBAN, creditor IBAN, all in SEK', () => {
    const nordea = template('domestic', 'NDEASESS');

    it('takes the documented form (the extension\'s template)', async () => {
      accepted(await pay('NDEASESS', 'domestic', nordea));
    });

    it('refuses a debtor IBAN, a creditor BBAN and any currency but SEK, naming the field', async () => {
      const rule = /NDEASESS needs .* private domestic payment .*\(debtor as bban, creditor as iban, all in SEK\)/;
      refused(await pay('NDEASESS', 'domestic', { ...nordea, debtorAccount: { iban: makeIban('SE', '41351300039'), currency: 'SEK' } }), 'debtorAccount.bban', rule);
      refused(await pay('NDEASESS', 'domestic', { ...nordea, creditorAccount: { bban: '32704620016', currency: 'SEK' } }), 'creditorAccount.iban', rule);
      refused(await pay('NDEASESS', 'domestic', { ...nordea, instructedAmount: { currency: 'EUR', amount: '10.50' } }), 'instructedAmount.currency', rule);
      refused(await pay('NDEASESS', 'domestic', { ...nordea, creditorAccount: { iban: 'SE2230000000000000000002', currency: 'EUR' } }), 'creditorAccount.currency', rule);
    });

    it('leaves corporate payments and giro payments alone', async () => {
      const ibanDebtor = { ...nordea, debtorAccount: { iban: 'SE4930000000000000000001', currency: 'SEK' } };
      accepted(await pay('NDEASESS', 'domestic', ibanDebtor, 'paymentinitiation corporate'));
      accepted(await pay('NDEASESS', 'swedish-giro', template('swedish-giro', 'NDEASESS')));
    });
  });
});

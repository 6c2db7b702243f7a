// Rules the reference states outright and the sandbox follows: Get Consent returns the consent as created
// (§4.3.1, §4.3.2), an Accept it cannot serve is 406 (OAS), and Swedbank ignores the transaction filters (§7.2).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { useSandbox } from './helpers/client';
import { createConsent, PSU_HEADERS, redirectSca, validConsent } from './helpers/flows';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('sandbox rules from the reference', () => {
  const c = useSandbox();

  describe('Get Consent returns the body as sent, plus its status (§4.3.2)', () => {
    for (const frequencyPerDay of [0, 3]) {
      it(`frequencyPerDay ${frequencyPerDay} comes back as ${frequencyPerDay}`, async () => {
        const body = {
          access: { accounts: [{ iban: 'SE3750000000054400047881', currency: 'SEK' }], balances: [{ iban: 'SE3750000000054400047881' }] },
          recurringIndicator: false,
          validUntil: inDays(30),
          frequencyPerDay,
          combinedServiceIndicator: false,
        };
        const consentId = await createConsent(c, 'ESSESESS', {}, body);
        const got = await c.call('getConsentInformation', { bic: 'ESSESESS', params: { consentId }, headers: PSU_HEADERS });
        assert.equal(got.status, 200, got.text);
        for (const field of ['access', 'recurringIndicator', 'validUntil', 'frequencyPerDay'] as const) assert.deepEqual(got.json[field], body[field], field);
        assert.equal(got.json['consentStatus'], 'received');
      });
    }

    it('validUntil comes back exactly as sent, also 400 days ahead (no lifetime cap in the reference)', async () => {
      const validUntil = inDays(400);
      const body = { access: {}, recurringIndicator: true, validUntil, frequencyPerDay: 4, combinedServiceIndicator: false };
      const consentId = await createConsent(c, 'ESSESESS', {}, body);
      const got = await c.call('getConsentInformation', { bic: 'ESSESESS', params: { consentId }, headers: PSU_HEADERS });
      assert.equal(got.json['validUntil'], validUntil);
    });

    it('a consent with frequencyPerDay 0 still allows one unattended read a day (the OAS minimum; 0 is undocumented)', async () => {
      const body = { access: {}, recurringIndicator: true, validUntil: inDays(30), frequencyPerDay: 0, combinedServiceIndicator: false };
      const consentId = await createConsent(c, 'ESSESESS', {}, body);
      await redirectSca(c, 'consent', 'ESSESESS', { consentId });
      const unattended = { bic: 'ESSESESS', headers: { 'consent-id': consentId } };
      assert.equal((await c.call('getAccountList', unattended)).status, 200);
      assert.equal((await c.call('getAccountList', unattended)).status, 429);
    });
  });

  describe('an Accept the platform cannot serve gets 406 (OAS NOT_ACCEPTABLE_406_*)', () => {
    it('ASPSP information and AIS: 406 REQUESTED_FORMATS_INVALID naming Accept; PIS: 406 without a body', async () => {
      const countries = await c.call('getCountriesList', { headers: { accept: 'application/xml' } });
      assert.equal(countries.status, 406, countries.text);
      assert.equal(countries.json['tppMessages'][0].code, 'REQUESTED_FORMATS_INVALID');
      assert.equal(countries.json['tppMessages'][0].path, 'Accept');
      const consent = await c.call('getConsentStatus', { bic: 'ESSESESS', params: { consentId: 'x' }, headers: { ...PSU_HEADERS, accept: 'text/html' } });
      assert.equal(consent.status, 406, consent.text);
      assert.equal(consent.json['tppMessages'][0].code, 'REQUESTED_FORMATS_INVALID');
      const payment = await c.call('getPaymentInitiationStatus', {
        bic: 'ESSESESS',
        params: { 'payment-product': 'domestic', paymentId: 'x' },
        headers: { ...PSU_HEADERS, accept: 'application/xml' },
      });
      assert.equal(payment.status, 406, payment.text);
      assert.equal(payment.text, '');
    });

    it('JSON, wildcards, parameters and q-values are served; no Accept at all too', async () => {
      for (const accept of ['application/json', 'application/json; charset=utf-8', '*/*', 'application/*', 'text/html, application/json;q=0.5']) {
        const res = await c.call('getCountriesList', { headers: { accept } });
        assert.equal(res.status, 200, `${accept}: ${res.text}`);
      }
      const refused = await c.call('getCountriesList', { headers: { accept: 'application/json;q=0, text/plain' } });
      assert.equal(refused.status, 406, 'q=0 means "not this one"');
      const token = await c.token('aspspinformation private');
      const none = await fetch(`${c.sandbox.apiHost}/psd2/aspspinformation/v1/countries`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': crypto.randomUUID() } });
      assert.equal(none.status, 200);
    });
  });

  describe('Swedbank ignores dateFrom, dateTo and bookingStatus (§7.2); others apply them', () => {
    const firstAccount = async (bic: string) => {
      const consentId = await validConsent(c, bic);
      const headers = { ...PSU_HEADERS, 'consent-id': consentId };
      const list = await c.call('getAccountList', { bic, headers });
      const accountId = String(list.json['accounts'][0].resourceId);
      return (query: Record<string, string>) => c.call('getTransactionList', { bic, headers, params: { 'account-id': accountId }, query });
    };

    it('SWEDSESS answers booked and pending entries for bookingStatus=booked, whatever the period', async () => {
      const transactions = await firstAccount('SWEDSESS');
      const booked = await transactions({ bookingStatus: 'booked' });
      assert.ok(booked.json['transactions']['pending'].length > 0, 'pending entries despite bookingStatus=booked');
      assert.ok(booked.json['transactions']['booked'].length > 0);
      const pendingOnly = await transactions({ bookingStatus: 'pending', dateFrom: inDays(-3), dateTo: inDays(-2) });
      assert.ok(pendingOnly.json['transactions']['booked'].length > 0, 'booked entries despite bookingStatus=pending and a 1-day period');
    });

    it('ESSESESS applies bookingStatus', async () => {
      const transactions = await firstAccount('ESSESESS');
      const booked = await transactions({ bookingStatus: 'booked' });
      assert.equal(booked.json['transactions']['pending'], undefined);
      const pending = await transactions({ bookingStatus: 'pending' });
      assert.equal(pending.json['transactions']['booked'], undefined);
      assert.ok(pending.json['transactions']['pending'].length > 0);
    });
  });
});

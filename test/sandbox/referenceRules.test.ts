// Rules the reference states outright and the sandbox follows: Get Consent returns the consent as created
// (§4.3.1, §4.3.2), and Swedbank ignores the transaction filters (§7.2).
import assert from 'node:assert/strict';
import type { Sandbox } from '../../sandbox/index';
import { SandboxClient, startSandbox } from './helpers/client';
import { createConsent, PSU_HEADERS, redirectSca, validConsent } from './helpers/flows';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('sandbox rules from the reference', () => {
  let sandbox: Sandbox;
  let c: SandboxClient;

  before(async () => {
    sandbox = await startSandbox();
    c = new SandboxClient(sandbox);
  });
  after(() => sandbox.close());

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

    it('a consent with frequencyPerDay 0 still allows one unattended read a day (the OAS minimum; 0 is undocumented)', async () => {
      const body = { access: {}, recurringIndicator: true, validUntil: inDays(30), frequencyPerDay: 0, combinedServiceIndicator: false };
      const consentId = await createConsent(c, 'ESSESESS', {}, body);
      await redirectSca(c, 'consent', 'ESSESESS', { consentId });
      const unattended = { bic: 'ESSESESS', headers: { 'consent-id': consentId } };
      assert.equal((await c.call('getAccountList', unattended)).status, 200);
      assert.equal((await c.call('getAccountList', unattended)).status, 429);
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

import assert from 'node:assert/strict';
import { parseAccounts, parseTransactions } from '../../../src/client/models/accountModels';
import type { Exchange } from '../../../src/client/http/exchange';
import { consentEventOf } from '../../../src/client/consents/consentEvents';
import { renewalBody } from '../../../src/client/consents/consentDraft';
import { ConsentStore } from '../../../src/client/consents/consentStore';

function exchange(status: number, json: unknown, tppCodes: string[] = []): Exchange {
  return {
    operationId: 'x', method: 'GET', url: 'http://h/p', status, startedAt: '', durationMs: 1, requestId: 'r', attempts: [],
    requestHeaders: {}, responseHeaders: {}, bodyText: JSON.stringify(json), json,
    tppMessages: tppCodes.map((code) => ({ category: 'ERROR', code })),
  };
}

class MemoryState {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

describe('consents', () => {
  it('learn of a consent from Create Consent, its status reads and Delete Consent', () => {
    assert.deepEqual(consentEventOf('createConsent', { 'X-BicFi': 'NDEASESS' }, { validUntil: '2030-01-01' }, exchange(201, { consentId: 'c1', consentStatus: 'received' })), {
      kind: 'created', consentId: 'c1', bicFi: 'NDEASESS', status: 'received', validUntil: '2030-01-01',
    });
    assert.deepEqual(consentEventOf('getConsentStatus', { consentId: 'c1' }, undefined, exchange(200, { consentStatus: 'valid' })), { kind: 'status', consentId: 'c1', status: 'valid' });
    assert.deepEqual(consentEventOf('deleteConsent', { consentId: 'c1' }, undefined, exchange(204, undefined)), { kind: 'deleted', consentId: 'c1' });
    assert.deepEqual(consentEventOf('getAccountList', { 'Consent-ID': 'c1' }, undefined, exchange(401, {}, ['CONSENT_EXPIRED'])), { kind: 'status', consentId: 'c1', status: 'expired' });
  });

  it('ask for the status when an account read says CONSENT_INVALID, which may mean revoked or an ungranted account', () => {
    const params = { 'Consent-ID': 'c1', 'X-BicFi': 'NDEASESS', 'account-id': 'a1' };
    assert.deepEqual(consentEventOf('getBalances', params, undefined, exchange(401, {}, ['CONSENT_INVALID'])), { kind: 'invalid', consentId: 'c1', bicFi: 'NDEASESS' });
    assert.equal(consentEventOf('getBalances', params, undefined, exchange(403, {}, ['CONSENT_INVALID'])), undefined);
    assert.equal(consentEventOf('getBalances', { 'Consent-ID': 'c1' }, undefined, exchange(401, {}, ['CONSENT_INVALID'])), undefined);
    assert.equal(consentEventOf('getBalances', params, undefined, exchange(401, {}, ['TOKEN_INVALID'])), undefined);
    assert.deepEqual(consentEventOf('getConsentStatus', { consentId: 'c1' }, undefined, exchange(200, { consentStatus: 'revokedByPsu' })), { kind: 'status', consentId: 'c1', status: 'revokedByPsu' });
  });

  it('tell listeners only about updates that change something', async () => {
    const store = new ConsentStore(new MemoryState());
    let changes = 0;
    store.onDidChange(() => changes++);
    await store.add({ consentId: 'a', environmentId: 'e', bicFi: 'B', status: 'valid', createdAt: 't', context: 'private' });
    await store.update('e', 'a', { status: 'valid' });
    await store.update('e', 'unknown-consent', { status: 'expired' });
    assert.equal(changes, 1);
    await Promise.all([store.update('e', 'a', { status: 'revokedByPsu' }), store.update('e', 'a', { status: 'valid' })]);
    assert.equal(changes, 3, 'each update compares with the state the one before it left');
    assert.equal(store.get('e', 'a')?.status, 'valid');
  });

  it('renew an ended consent with its access, recurrence, frequency and a validUntil still ahead', () => {
    const today = new Date('2025-03-10T00:00:00Z');
    const access = { accounts: [{ iban: 'SE1' }] };
    assert.deepEqual(renewalBody({ access, recurringIndicator: false, frequencyPerDay: 1, validUntil: '2025-05-01' }, today), {
      access, recurringIndicator: false, frequencyPerDay: 1, validUntil: '2025-05-01', combinedServiceIndicator: false,
    });
    const expired = renewalBody({ access: {}, validUntil: '2025-03-01', frequencyPerDay: 'x' }, today);
    assert.equal(expired?.validUntil, '2025-06-07');
    assert.equal(expired?.frequencyPerDay, 4);
    assert.equal(expired?.recurringIndicator, true);
    assert.equal(renewalBody({ consentStatus: 'expired' }, today), undefined);
    assert.equal(renewalBody({ access: [] }, today), undefined);
    assert.equal(renewalBody('nope', today), undefined);
  });

  it('ignore failures and foreign operations, and distrust unknown statuses', () => {
    assert.equal(consentEventOf('createConsent', { 'X-BicFi': 'X' }, {}, exchange(400, { consentId: 'c' })), undefined);
    assert.equal(consentEventOf('getAccountList', { 'Consent-ID': 'c' }, undefined, exchange(200, {})), undefined);
    assert.deepEqual(consentEventOf('getConsentStatus', { consentId: 'c' }, undefined, exchange(200, { consentStatus: '<script>' })), { kind: 'status', consentId: 'c', status: 'unknown' });
  });

  it('keep consents per environment, newest first, and survive a reload', async () => {
    const state = new MemoryState();
    const store = new ConsentStore(state);
    const base = { bicFi: 'B', status: 'received' as const, createdAt: 't', context: 'private' as const };
    await store.add({ ...base, consentId: 'a', environmentId: 'sandbox' });
    await store.add({ ...base, consentId: 'b', environmentId: 'sandbox' });
    await store.add({ ...base, consentId: 'c', environmentId: 'local' });
    await Promise.all([store.update('sandbox', 'a', { status: 'valid' }), store.update('sandbox', 'b', { status: 'expired' })]);
    const reloaded = new ConsentStore(state);
    assert.deepEqual(reloaded.list('sandbox').map((c) => [c.consentId, c.status]), [['b', 'expired'], ['a', 'valid']]);
    assert.deepEqual(reloaded.list('local').map((c) => c.consentId), ['c']);
    assert.ok(!JSON.stringify([...state.values]).match(/token|secret/i));
  });

  it('read accounts and a transactions page with its next link, in both link shapes', () => {
    const accounts = parseAccounts({ accounts: [{ resourceId: 'a1', iban: 'SE1', currency: 'SEK', balances: [{ balanceAmount: { amount: '10.5', currency: 'SEK' }, balanceType: 'interimAvailable' }] }, { iban: 'no id' }] });
    assert.deepEqual(accounts, [{ resourceId: 'a1', label: 'SE1', iban: 'SE1', currency: 'SEK', balances: [{ type: 'interimAvailable', amount: { amount: '10.5', currency: 'SEK' } }] }]);
    const page = parseTransactions({ transactions: { booked: [{ transactionId: 't1', transactionAmount: { amount: '-5', currency: 'SEK' }, bookingDate: '2024-01-02' }], pending: [], _links: { next: { href: '/x?page=2' } } } });
    assert.equal(page?.next, '/x?page=2');
    assert.equal(page?.booked[0]?.id, 't1');
    assert.equal(parseTransactions({ transactions: { booked: [], _links: { next: '/y?p=3' } } })?.next, '/y?p=3');
    assert.equal(parseTransactions({}), undefined);
  });
});

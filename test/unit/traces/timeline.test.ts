import assert from 'node:assert/strict';
import { HistoryStore } from '../../../src/client/history/historyStore';
import { Redactor } from '../../../src/client/redaction/redaction';
import { buildTimeline, type StoredExchange } from '../../../src/client/traces/timeline';
import { requestIdPositions, timelineText } from '../../../src/client/traces/timelineText';
import { apiRequest, exchange, failed, MemoryFiles, MemoryState, ok, recorded, SANDBOX_DEFAULTS, sequentialIds } from '../history/fixtures';

const CONSENT = 'c0c0c0c0-1111-4222-8333-444444444444';
const OTHER = 'c0c0c0c0-1111-4222-8333-444444444445';
const BASE = '/psd2/consent/v1/consents';

let n = 0;
function rid(): string {
  return `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** History as the extension records it, from calls in the order given (one second apart). */
async function history(calls: { operationId: string; params?: Record<string, string>; path: string; method: string; status?: number; body?: unknown; environmentId?: string; fail?: boolean }[]): Promise<StoredExchange[]> {
  const store = new HistoryStore({ state: new MemoryState(), files: new MemoryFiles(), redactor: new Redactor(), maxEntries: () => 100, log: { error: () => undefined }, newId: sequentialIds(), callDefaults: () => SANDBOX_DEFAULTS });
  for (const [index, call] of calls.entries()) {
    const startedAt = new Date(Date.UTC(2026, 11, 6, 10, 0, index)).toISOString();
    const requestId = rid();
    const request = { ...apiRequest(call.operationId, call.params ?? {}), environmentId: call.environmentId ?? 'sandbox' };
    const result = call.fail
      ? failed({ kind: 'validation', operationId: call.operationId })
      : ok(exchange({ operationId: call.operationId, method: call.method, url: `https://api.example${call.path}`, status: call.status ?? 200, startedAt, requestId, attempts: [{ requestId, status: call.status ?? 200, durationMs: 5 }], bodyText: JSON.stringify(call.body ?? {}) }));
    await store.record(recorded(request, result));
  }
  const out: StoredExchange[] = [];
  for (const entry of store.entries()) {
    const record = await store.loadResponse(entry.id);
    out.push(record ? { entry, record } : { entry });
  }
  return out;
}

describe('the timeline of a consent', () => {
  it('lists every exchange that named the consent (response, path, parameters), oldest first, with each status change', async () => {
    const exchanges = await history([
      { operationId: 'getASPSPList', method: 'GET', path: '/psd2/aspspinformation/v1/aspsps' },
      { operationId: 'createConsent', params: { 'X-BicFi': 'ESSESESS' }, method: 'POST', path: BASE, status: 201, body: { consentId: CONSENT, consentStatus: 'received' } },
      { operationId: 'startConsentAuthorisation', params: { consentId: CONSENT }, method: 'POST', path: `${BASE}/${CONSENT}/authorisations`, status: 201, body: { authorisationId: 'a1', scaStatus: 'started' } },
      { operationId: 'createConsent', params: { 'X-BicFi': 'ESSESESS' }, method: 'POST', path: BASE, status: 201, body: { consentId: OTHER, consentStatus: 'received' } },
      { operationId: 'getConsentStatus', params: { consentId: CONSENT }, method: 'GET', path: `${BASE}/${CONSENT}/status`, body: { consentStatus: 'received' } },
      { operationId: 'getConsentStatus', params: { consentId: CONSENT }, method: 'GET', path: `${BASE}/${CONSENT}/status`, body: { consentStatus: 'valid' } },
      { operationId: 'getConsentStatus', params: { consentId: CONSENT }, method: 'GET', path: `${BASE}/${CONSENT}/status`, body: { consentStatus: 'valid' }, environmentId: 'production' },
    ]);
    const steps = buildTimeline({ kind: 'consent', id: CONSENT, environmentId: 'sandbox' }, exchanges);
    assert.deepEqual(
      steps.map((s) => [s.operationTitle, s.outcome, s.status, s.changedFrom, s.scaStatus, s.firstStatus]),
      [
        ['Create Consent', '201', 'received', undefined, undefined, true],
        ['Start Consent Authorisation Process', '201', undefined, undefined, 'started', false],
        ['Get Consent Status', '200', 'received', undefined, undefined, false],
        ['Get Consent Status', '200', 'valid', 'received', undefined, false],
      ],
    );
    assert.ok(steps.every((s, i) => i === 0 || s.time > (steps[i - 1]?.time ?? '')), 'oldest first');

    const text = timelineText({ kind: 'consent', id: CONSENT, environmentId: 'sandbox' }, 'Sandbox', steps);
    assert.match(text, /status received → valid/);
    assert.deepEqual(requestIdPositions(text).map((p) => p.requestId), steps.map((s) => s.requestId));
    const lines = text.split('\n');
    for (const position of requestIdPositions(text)) assert.equal(lines[position.line]?.slice(position.start, position.start + 36), position.requestId);
  });

  it('does not take in a consent whose id only starts with this one, and says when History holds nothing', async () => {
    const exchanges = await history([{ operationId: 'getConsentStatus', params: { consentId: `${CONSENT}0` }, method: 'GET', path: `${BASE}/${CONSENT}0/status`, body: { consentStatus: 'valid' } }]);
    const steps = buildTimeline({ kind: 'consent', id: CONSENT, environmentId: 'sandbox' }, exchanges);
    assert.deepEqual(steps, []);
    assert.match(timelineText({ kind: 'consent', id: CONSENT, environmentId: 'sandbox' }, 'Sandbox', steps), /No exchange in History names this consent\./);
  });

  it('follows a payment by transactionStatus, and keeps a call that was never sent as a line without an X-Request-ID', async () => {
    const PAYMENT = 'p-123456';
    const exchanges = await history([
      { operationId: 'initiatePayment', params: { 'X-BicFi': 'ESSESESS', 'payment-product': 'domestic', 'payment-service': 'payments' }, method: 'POST', path: '/psd2/paymentinitiation/v1/payments/domestic', status: 201, body: { paymentId: PAYMENT, transactionStatus: 'RCVD' } },
      { operationId: 'getPaymentInitiationStatus', params: { paymentId: PAYMENT, 'payment-service': 'payments', 'payment-product': 'domestic' }, method: 'GET', path: `/psd2/paymentinitiation/v1/payments/domestic/${PAYMENT}/status`, body: { transactionStatus: 'ACSC' } },
      { operationId: 'getPaymentInitiationStatus', params: { paymentId: PAYMENT, 'payment-service': 'payments', 'payment-product': 'domestic' }, method: 'GET', path: `/psd2/paymentinitiation/v1/payments/domestic/${PAYMENT}/status`, fail: true },
    ]);
    const steps = buildTimeline({ kind: 'payment', id: PAYMENT, environmentId: 'sandbox' }, exchanges);
    assert.deepEqual(steps.map((s) => [s.status, s.changedFrom, s.outcome]), [['RCVD', undefined, '201'], ['ACSC', 'RCVD', '200'], [undefined, undefined, 'validation']]);
    assert.equal(steps[2]?.requestId, undefined);
    assert.match(timelineText({ kind: 'payment', id: PAYMENT, environmentId: 'sandbox' }, 'Sandbox', steps), /not sent, no X-Request-ID$/m);
  });
});

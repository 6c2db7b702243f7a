import assert from 'node:assert/strict';
import type { HistoryEntry } from '../../../src/client/history/historyEntry';
import { findByRequestId, requestIdCandidates } from '../../../src/client/traces/requestIdQuery';

const ID = '3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b';
const RETRY = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const CONSENT = '11111111-2222-4333-8444-555555555555';

function entry(id: string, requestId: string | undefined, attempts: string[] = requestId ? [requestId] : []): HistoryEntry {
  return {
    id,
    operationId: 'getConsentStatus',
    operationTitle: 'Get Consent Status',
    method: 'GET',
    pathAndQuery: '/psd2/consent/v1/consents/x/status',
    ...(requestId ? { requestId } : {}),
    attemptRequestIds: attempts,
    time: '2026-12-06T10:00:00.000Z',
    environmentId: 'sandbox',
    hasDetails: true,
  };
}

describe('finding an X-Request-ID in pasted text', () => {
  it('takes the id out of a log line, a ticket sentence or a header dump, in any case, lower-cased', () => {
    assert.deepEqual(requestIdCandidates(`2026-12-06 10:00:00.123 [error] POST /consents failed (X-Request-ID ${ID})`), [ID]);
    assert.deepEqual(requestIdCandidates(`  Customer says: "the call with id ${ID.toUpperCase()} returned 500".\n`), [ID]);
    assert.deepEqual(requestIdCandidates(`x-request-id: {${ID}}`), [ID]);
    assert.deepEqual(requestIdCandidates(ID), [ID]);
  });

  it('keeps every UUID of a line in order, each once, and none from a longer hex run', () => {
    assert.deepEqual(requestIdCandidates(`consent ${CONSENT} call ${ID} again ${CONSENT}`), [CONSENT, ID]);
    assert.deepEqual(requestIdCandidates(`id=x${ID}.`), [ID], 'a letter that is no hex digit does not hide it');
    assert.deepEqual(requestIdCandidates(`0${ID}`), [], 'a hex digit glued on makes it no UUID');
    assert.deepEqual(requestIdCandidates('no id here, only 3f1c2b9a-5d6e'), []);
  });

  it('finds the entry by its final X-Request-ID or by an earlier attempt of a retried call, whatever the case', () => {
    const entries = [entry('b', ID, [RETRY, ID]), entry('a', CONSENT)];
    assert.deepEqual(findByRequestId(entries, [ID]), { entry: entries[0], requestId: ID, earlierAttempt: false });
    assert.deepEqual(findByRequestId(entries, [RETRY]), { entry: entries[0], requestId: RETRY, earlierAttempt: true });
    const upper = [entry('c', ID.toUpperCase())];
    assert.equal(findByRequestId(upper, requestIdCandidates(ID))?.entry.id, 'c');
  });

  it('finds the X-Request-ID of a line whatever other UUIDs come first, and nothing when none is in History', () => {
    const entries = [entry('only', ID)];
    assert.equal(findByRequestId(entries, requestIdCandidates(`consent ${CONSENT} failed, X-Request-ID ${ID}`))?.entry.id, 'only');
    assert.equal(findByRequestId(entries, [CONSENT]), undefined);
    assert.equal(findByRequestId([entry('unsent', undefined)], [ID]), undefined);
  });
});

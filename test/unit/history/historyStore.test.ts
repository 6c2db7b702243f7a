import assert from 'node:assert/strict';
import { Redactor } from '../../../src/client/redaction/redaction';
import { HISTORY_STATE_KEY, HistoryStore } from '../../../src/client/history/historyStore';
import type { CallDefaults } from '../../../src/client/history/responseRecord';
import { MAX_STORED_BODY_CHARS } from '../../../src/client/history/storedResponse';
import { apiRequest, exchange, failed, MemoryFiles, MemoryState, ok, recorded, REQUEST_ID, RETRY_ID, SANDBOX_DEFAULTS, sequentialIds } from './fixtures';

const CLIENT_SECRET = 'planted-client-secret-7Qx9';
const BEARER = 'eyJhbGciOiJSUzI1NiJ9.live-access-token.sig';
const AUTH_CODE = 'auth-code-5b1e77';

describe('HistoryStore', () => {
  let state: MemoryState;
  let files: MemoryFiles;
  let redactor: Redactor;
  let cap: number;
  let defaults: CallDefaults;
  const errors: string[] = [];

  function newStore(): HistoryStore {
    return new HistoryStore({
      state,
      files,
      redactor,
      maxEntries: () => cap,
      log: { error: (message) => errors.push(message) },
      newId: sequentialIds(),
      callDefaults: () => defaults,
    });
  }

  beforeEach(() => {
    state = new MemoryState();
    files = new MemoryFiles();
    redactor = new Redactor();
    cap = 200;
    defaults = SANDBOX_DEFAULTS;
    errors.length = 0;
  });

  it('records an entry with what the History view and Send Again need', async () => {
    const store = newStore();
    const request = apiRequest('getASPSPList', { isoCountryCodes: 'SE' });
    const response = await store.record(recorded(request, ok()));
    const [entry] = store.entries();
    assert.deepEqual(entry, {
      id: '00000000-0000-4000-8000-000000000001',
      operationId: 'getASPSPList',
      operationTitle: 'Get ASPSP List',
      method: 'GET',
      pathAndQuery: '/psd2/aspspinformation/v1/aspsps?isoCountryCodes=SE',
      status: 200,
      requestId: REQUEST_ID,
      attemptRequestIds: [REQUEST_ID],
      time: '2026-11-25T12:03:04.000Z',
      durationMs: 42,
      environmentId: 'sandbox',
      context: 'private',
      replay: { operationId: 'getASPSPList', params: { isoCountryCodes: 'SE' }, context: 'private', environmentId: 'sandbox' },
      hasDetails: true,
    });
    assert.equal(response.exchange?.status, 200);
    assert.equal(response.exchange?.requestHeaders.Authorization, undefined, 'Authorization is never kept');
  });

  it('keeps every attempt id of a retried call and the failure kind', async () => {
    const store = newStore();
    const attempts = [
      { requestId: RETRY_ID, status: 401, durationMs: 10, retryReason: 'token_rejected' as const },
      { requestId: REQUEST_ID, status: 404, durationMs: 12 },
    ];
    await store.record(recorded(apiRequest(), failed({ kind: 'http', status: 404, requestId: REQUEST_ID, attempts, exchange: exchange({ status: 404, attempts }) })));
    const [entry] = store.entries();
    assert.deepEqual(entry?.attemptRequestIds, [RETRY_ID, REQUEST_ID]);
    assert.equal(entry?.failureKind, 'http');
    assert.equal(entry?.status, 404);
  });

  it('records a call that failed before any response, with the request rebuilt for cURL', async () => {
    const store = newStore();
    const response = await store.record(
      recorded(
        apiRequest('getASPSPList', { isoCountryCodes: 'FI' }),
        failed({ kind: 'timeout', causeCode: 'UND_ERR_HEADERS_TIMEOUT', requestId: REQUEST_ID, attempts: [{ requestId: REQUEST_ID, error: 'timeout', durationMs: 30_000 }] }),
      ),
    );
    assert.equal(response.request?.url, 'https://api.sandbox.openbankingplatform.com/psd2/aspspinformation/v1/aspsps?isoCountryCodes=FI');
    assert.equal(response.request?.headers['X-Request-ID'], REQUEST_ID);
    const [entry] = store.entries();
    assert.equal(entry?.failureKind, 'timeout');
    assert.equal(entry?.status, undefined);
    assert.equal(entry?.durationMs, 30_000);
  });

  it('keeps the PSU context of the call for Send Again: its own, or the setting it was sent with', async () => {
    defaults = { ...SANDBOX_DEFAULTS, context: 'corporate' };
    const store = newStore();
    await store.record(recorded(apiRequest(), ok()));
    const own = apiRequest();
    await store.record(recorded({ ...own, input: { ...own.input, context: 'private' } }, ok()));
    assert.deepEqual(store.entries().map((e) => e.replay?.context), ['private', 'corporate']);
  });

  it('has no request to rebuild for a call without a response when the API host is unknown', async () => {
    defaults = { context: 'private' };
    const store = newStore();
    const response = await store.record(recorded(apiRequest(), failed({ kind: 'dns', attempts: [] })));
    assert.equal(response.request, undefined);
    assert.equal(store.entries()[0]?.pathAndQuery, '/psd2/aspspinformation/v1/aspsps');
  });

  it('lists newest first and keeps only the last N entries and their files', async () => {
    cap = 3;
    const store = newStore();
    for (let i = 0; i < 5; i++) await store.record(recorded(apiRequest('getASPSPList', { isoCountryCodes: `C${i}` }), ok()));
    const entries = store.entries();
    assert.deepEqual(
      entries.map((e) => e.replay?.params.isoCountryCodes),
      ['C4', 'C3', 'C2'],
    );
    assert.deepEqual([...files.files.keys()].sort(), entries.map((e) => `${e.id}.json`).sort());
  });

  it('applies a lowered cap on prune() and removes files no entry refers to', async () => {
    const store = newStore();
    for (let i = 0; i < 4; i++) await store.record(recorded(apiRequest(), ok()));
    files.files.set('11111111-2222-4333-8444-555555555555.json', '{}');
    files.files.set('notes.txt', 'not ours');
    cap = 2;
    await store.prune();
    assert.equal(store.entries().length, 2);
    assert.deepEqual([...files.files.keys()].sort(), [...store.entries().map((e) => `${e.id}.json`), 'notes.txt'].sort());
  });

  it('leaves alone a file it does not know while recording: another window may have just written it', async () => {
    const store = newStore();
    files.files.set('11111111-2222-4333-8444-555555555555.json', '{}');
    await store.record(recorded(apiRequest(), ok()));
    assert.ok(files.files.has('11111111-2222-4333-8444-555555555555.json'));
  });

  it('survives a reload: a new store over the same state and files lists and opens the same entries', async () => {
    const first = newStore();
    await first.record(recorded(apiRequest(), ok(exchange({ bodyText: '{"tppMessages":[{"category":"ERROR","code":"FORMAT_ERROR"}]}' }))));
    const second = newStore();
    const [entry] = second.entries();
    assert.ok(entry);
    const response = await second.loadResponse(entry.id);
    assert.equal(response?.exchange?.bodyText, '{"tppMessages":[{"category":"ERROR","code":"FORMAT_ERROR"}]}');
    assert.equal(response?.requestId, REQUEST_ID);
  });

  it('drops damaged or foreign entries instead of failing', async () => {
    await state.update(HISTORY_STATE_KEY, [{ id: 1 }, 'junk', null]);
    const store = newStore();
    assert.deepEqual(store.entries(), []);
    await store.record(recorded(apiRequest(), ok()));
    assert.equal(store.entries().length, 1);
  });

  it('answers undefined for a damaged details file', async () => {
    const store = newStore();
    await store.record(recorded(apiRequest(), ok()));
    const [entry] = store.entries();
    files.files.set(`${entry?.id}.json`, '{"v":1,"record":{"operationId":5}}');
    assert.equal(await store.loadResponse(entry?.id ?? ''), undefined);
  });

  it('still records the entry when the details file cannot be written', async () => {
    files.failWrites = true;
    const store = newStore();
    const response = await store.record(recorded(apiRequest(), ok()));
    assert.equal(response.exchange?.status, 200);
    assert.equal(store.entries()[0]?.hasDetails, false);
    assert.equal(await store.loadResponse(store.entries()[0]?.id ?? ''), undefined);
    assert.deepEqual(errors, ['Writing the response details of a history entry failed']);
  });

  it('cuts huge bodies in the stored file and says by how much', async () => {
    const store = newStore();
    const big = `"${'x'.repeat(MAX_STORED_BODY_CHARS + 10)}"`;
    const response = await store.record(recorded(apiRequest(), ok(exchange({ bodyText: big }))));
    assert.equal(response.exchange?.bodyText.length, big.length, 'the live response keeps the whole body');
    const stored = await store.loadResponse(store.entries()[0]?.id ?? '');
    assert.equal(stored?.exchange?.bodyText.length, MAX_STORED_BODY_CHARS);
    assert.equal(stored?.bodyCutFrom, big.length);
  });

  it('serialises concurrent records so none is lost', async () => {
    const store = newStore();
    await Promise.all(Array.from({ length: 10 }, () => store.record(recorded(apiRequest(), ok()))));
    assert.equal(store.entries().length, 10);
    assert.equal(files.files.size, 10);
  });

  it('clears entries and files, and tells listeners', async () => {
    const store = newStore();
    let changes = 0;
    store.onDidChange(() => changes++);
    await store.record(recorded(apiRequest(), ok()));
    await store.clear();
    assert.deepEqual(store.entries(), []);
    assert.equal(files.files.size, 0);
    assert.equal(changes, 2);
  });

  it('never lets a client secret, bearer token or authorization code reach globalState or the files', async () => {
    redactor.addSecret(CLIENT_SECRET);
    const store = newStore();
    const hostile = exchange({
      url: `https://api.sandbox.openbankingplatform.com/psd2/x?code=${AUTH_CODE}&note=${CLIENT_SECRET}`,
      // Deliberately unmasked, as if a layer below had a bug: history must not depend on it.
      requestHeaders: { Authorization: `Bearer ${BEARER}`, 'X-Echo': CLIENT_SECRET, 'X-Request-ID': REQUEST_ID },
      requestBody: `{"client_secret":"${CLIENT_SECRET}","note":"Bearer ${BEARER}"}`,
      responseHeaders: { 'set-cookie': `session=${BEARER}`, location: `https://tpp.example/cb?code=${AUTH_CODE}` },
      bodyText: `{"access_token":"${BEARER}","link":"https://tpp.example/cb?code=${AUTH_CODE}","echo":"${CLIENT_SECRET}"}`,
      tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', text: `bad ${CLIENT_SECRET} Bearer ${BEARER}` }],
    });
    await store.record(
      recorded(
        apiRequest('getASPSPList', { isoCountryCodes: CLIENT_SECRET, Authorization: `Bearer ${BEARER}` }, { client_secret: CLIENT_SECRET, code: 'x' }),
        failed({ kind: 'http', status: 400, requestId: REQUEST_ID, exchange: hostile, tppMessages: hostile.tppMessages, causeCode: CLIENT_SECRET }),
      ),
    );
    // A call without a response is rebuilt from its input: that path is masked too.
    await store.record(recorded(apiRequest('getASPSPList', { isoCountryCodes: CLIENT_SECRET }), failed({ kind: 'timeout', requestId: REQUEST_ID })));
    assert.ok(files.dump().includes('isoCountryCodes=***'), 'the rebuilt request was stored');
    const everything = state.dump() + files.dump();
    for (const secret of [CLIENT_SECRET, BEARER, AUTH_CODE]) {
      assert.ok(!everything.includes(secret), `${secret} reached history storage`);
    }
    assert.ok(everything.includes('FORMAT_ERROR'), 'codes stay readable');
    assert.ok(!/"authorization"/i.test(files.dump()), 'no Authorization header is stored at all');
  });
});

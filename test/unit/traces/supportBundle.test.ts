import assert from 'node:assert/strict';
import { HistoryStore } from '../../../src/client/history/historyStore';
import { Redactor } from '../../../src/client/redaction/redaction';
import { buildSupportBundle, MAX_BUNDLE_BODY_CHARS } from '../../../src/client/traces/supportBundle';
import { apiRequest, exchange, MemoryFiles, MemoryState, ok, recorded, REQUEST_ID, RETRY_ID, SANDBOX_DEFAULTS } from '../history/fixtures';

const CLIENT_SECRET = 'planted-client-secret-7Qx9';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.live-access-token.sig';
const CODE = 'auth-code-5b1e77aa';

async function recordOf(overrides: Parameters<typeof exchange>[0], redactor: Redactor) {
  const store = new HistoryStore({ state: new MemoryState(), files: new MemoryFiles(), redactor, maxEntries: () => 10, log: { error: () => undefined }, callDefaults: () => SANDBOX_DEFAULTS });
  return store.record(recorded(apiRequest('createConsent', { 'X-BicFi': 'ESSESESS' }, { access: {} }), ok(exchange({ operationId: 'createConsent', method: 'POST', ...overrides }))));
}

describe('the support bundle', () => {
  it('holds method, path, status, UTC time, X-Request-ID and attempts, environment, tppMessages, versions, request and response', async () => {
    const redactor = new Redactor();
    const record = await recordOf(
      {
        url: 'https://api.sandbox.openbankingplatform.com/psd2/consent/v1/consents',
        status: 400,
        statusText: 'Bad Request',
        startedAt: '2026-12-06T10:11:12.345Z',
        attempts: [{ requestId: RETRY_ID, status: 401, durationMs: 3, retryReason: 'token_rejected' }, { requestId: REQUEST_ID, status: 400, durationMs: 4 }],
        requestBody: '{"access":{}}',
        bodyText: '{"tppMessages":[{"category":"ERROR","code":"FORMAT_ERROR","path":"access","text":"access is empty"}]}',
        tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', path: 'access', text: 'access is empty' }],
      },
      redactor,
    );
    const bundle = buildSupportBundle(record, 'Sandbox', { extension: '0.1.0', vscode: '1.100.3' }, redactor);
    for (const line of [
      'Operation: Create Consent (createConsent)',
      'Request: POST /psd2/consent/v1/consents',
      'Status: 400 Bad Request',
      'Time (UTC): 2026-12-06T10:11:12.345Z',
      `X-Request-ID: ${REQUEST_ID}`,
      `Attempts: ${RETRY_ID} (401, retried: token_rejected), ${REQUEST_ID} (400)`,
      'Environment: Sandbox (https://api.sandbox.openbankingplatform.com)',
      'Extension: open-payments-vscode 0.1.0',
      'VS Code: 1.100.3',
      '  ERROR FORMAT_ERROR at access: access is empty',
      '{"access":{}}',
      'HTTP 400 Bad Request',
    ]) {
      assert.ok(bundle.split('\n').includes(line), `missing line: ${line}\n${bundle}`);
    }
  });

  it('masks the client secret, tokens and codes and never carries an Authorization header', async () => {
    const redactor = new Redactor();
    redactor.addSecret(CLIENT_SECRET);
    redactor.addIssued(TOKEN);
    redactor.addIssued(CODE);
    const record = await recordOf(
      {
        url: `https://api.example/psd2/consent/v1/consents?code=${CODE}`,
        requestHeaders: { Authorization: `Bearer ${TOKEN}`, 'X-Request-ID': REQUEST_ID, 'X-Echo': encodeURIComponent(CLIENT_SECRET) },
        requestBody: JSON.stringify({ note: TOKEN }),
        responseHeaders: { 'x-debug': Buffer.from(`demo:${CLIENT_SECRET}`).toString('base64') },
        bodyText: JSON.stringify({ access_token: TOKEN, echo: CODE, secret: CLIENT_SECRET }),
      },
      redactor,
    );
    const bundle = buildSupportBundle(record, 'Sandbox', { extension: '0.1.0', vscode: '1.100.3' }, redactor);
    for (const secret of [CLIENT_SECRET, TOKEN, CODE, encodeURIComponent(CLIENT_SECRET), Buffer.from(`demo:${CLIENT_SECRET}`).toString('base64')]) {
      assert.ok(!bundle.includes(secret), `${secret} leaked:\n${bundle}`);
    }
    assert.doesNotMatch(bundle, /^authorization:/im);
    assert.match(bundle, /\*\*\*/);
  });

  it('cuts a huge body and says so', async () => {
    const redactor = new Redactor();
    const record = await recordOf({ bodyText: JSON.stringify({ data: 'x'.repeat(MAX_BUNDLE_BODY_CHARS * 2) }) }, redactor);
    const bundle = buildSupportBundle(record, 'Sandbox', { extension: '0.1.0', vscode: '1.100.3' }, redactor);
    assert.ok(bundle.length < MAX_BUNDLE_BODY_CHARS + 4000);
    assert.match(bundle, /\(body cut to its first 65536 of \d+ characters\)/);
  });
});

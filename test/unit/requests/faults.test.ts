// Every failure kind a user can meet, produced by the real local sandbox's fault mode (or a dead address),
// sent through the extension's command: the message names the operation and cause and carries the
// X-Request-ID, and the notification never contains server text.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultSpec } from '../../../sandbox/index';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake } from '../fakes/vscode';

const SECRET = 'unit-fault-secret-51c9';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('failure kinds through Send Request (fake VS Code, real sandbox faults)', function () {
  this.timeout(30_000);
  const current = useSandboxExtension('fault-client', SECRET);

  async function withFault(fault: FaultSpec): Promise<{ result: ApiResult; error?: string }> {
    const set = await fetch(`${current().sandbox.apiHost}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([fault]) });
    assert.equal(set.status, 200);
    return send();
  }

  async function send(): Promise<{ result: ApiResult; error?: string }> {
    fake.messages.length = 0;
    const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    assert.ok(result, 'the request was attempted');
    return { result, error: fake.messages.find((m) => m.severity === 'error')?.message };
  }

  function assertTraced(error: string | undefined, pattern: RegExp, result: ApiResult): void {
    assert.ok(!result.ok, `expected a failure, got ${result.ok ? `${result.exchange.status} after ${result.exchange.attempts.length} attempts` : ''}`);
    assert.ok(error, 'an error notification was shown');
    assert.match(error, pattern);
    assert.match(error, new RegExp(`X-Request-ID: ${UUID}\\.$`));
    assert.ok(result.failure.requestId && error.includes(result.failure.requestId), 'the notification carries the failing attempt\'s X-Request-ID');
    assert.ok(!error.includes(SECRET));
    const logged = current().ext.log.lines.filter((line) => line.includes(result.failure.requestId ?? 'none'));
    assert.ok(
      logged.some((line) => /GET \/psd2\/aspspinformation\/v1\/countries (\d+|failed after \d+ ms)/.test(line)),
      `the log has method, path and status or time next to the X-Request-ID: ${JSON.stringify(logged)}`,
    );
  }

  it('401 TOKEN_EXPIRED: one fresh token and one retry with a new X-Request-ID, then success', async () => {
    const { result } = await withFault({ kind: 'token-expired', operations: ['getCountriesList'], times: 1 });
    assert.ok(result.ok, 'the retry succeeded');
    const [first, second] = result.exchange.attempts;
    assert.equal(first?.status, 401);
    assert.equal(second?.status, 200);
    assert.notEqual(first?.requestId, second?.requestId);
    assert.ok(current().ext.log.lines.some((line) => line.includes(first?.requestId ?? 'none') && line.includes(second?.requestId ?? 'none')), 'both ids are logged');
  });

  it('429 with a short Retry-After is retried for a GET; a long one is reported with the wait', async () => {
    const retried = await withFault({ kind: 'rate-limit', operations: ['getCountriesList'], times: 1, retryAfterSeconds: 1 });
    assert.ok(retried.result.ok);
    assert.equal(retried.result.exchange.attempts.length, 2);
    const { result, error } = await withFault({ kind: 'rate-limit', operations: ['getCountriesList'], times: 1, retryAfterSeconds: 120 });
    assertTraced(error, /^Get Country List was rate limited \(HTTP 429\).*The server asked to wait 120 s\./, result);
  });

  it('500 and 503 say the server failed and to try again', async () => {
    for (const kind of ['server-error', 'unavailable'] as const) {
      const { result, error } = await withFault({ kind, operations: ['getCountriesList'], times: 1 });
      assertTraced(error, /^Get Country List failed on the server \(HTTP 50[03]\)/, result);
    }
  });

  it('a reset connection says it was closed before a response arrived', async () => {
    // More than one: undici may replay an idempotent request once on a fresh connection after a reset.
    const reset = await withFault({ kind: 'reset', operations: ['getCountriesList'], times: 3 });
    assertTraced(reset.error, /connection was closed before a response arrived/, reset.result);
  });

  it('a 200 with malformed JSON is reported as not JSON', async () => {
    const malformed = await withFault({ kind: 'malformed-json', operations: ['getCountriesList'], times: 1 });
    assertTraced(malformed.error, /answered HTTP 200 with a body that is not JSON/, malformed.result);
  });

  it('a 200 without a body is reported as empty where JSON was expected', async () => {
    const empty = await withFault({ kind: 'empty-body', operations: ['getCountriesList'], times: 1 });
    assertTraced(empty.error, /^Get Country List answered HTTP 200 with an empty body where JSON was expected\./, empty.result);
  });

  it('a TLS failure (https to the sandbox, which speaks http) says the secure connection failed', async () => {
    fake.settings.set('openPayments.apiHost', { global: current().sandbox.apiHost.replace('http:', 'https:') });
    await current().ext.api.environment.refresh();
    const { result, error } = await send();
    assert.ok(!result.ok && result.failure.kind === 'tls', result.ok ? 'ok' : result.failure.kind);
    assertTraced(error, /the secure connection could not be established/, result);
  });

  it('a host name that does not resolve is reported as a DNS failure', async () => {
    // .invalid never resolves (RFC 6761), on any machine, with or without a network.
    fake.settings.set('openPayments.apiHost', { global: 'https://api.openpayments.invalid' });
    await current().ext.api.environment.refresh();
    const { result, error } = await send();
    assert.ok(!result.ok && result.failure.kind === 'dns', result.ok ? 'ok' : result.failure.kind);
    assertTraced(error, /the host name could not be resolved/, result);
  });

  it('a slow answer past the timeout setting is reported as timed out', async () => {
    fake.settings.set('openPayments.http.responseTimeoutMs', { global: 300 });
    const slow = await withFault({ kind: 'slow', operations: ['getCountriesList'], times: 1, delayMs: 3000 });
    assertTraced(slow.error, /^Get Country List timed out/, slow.result);
  });

  it('a refused connection names the cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    fake.settings.set('openPayments.apiHost', { global: `http://127.0.0.1:${port}` });
    await current().ext.api.environment.refresh();
    const { result, error } = await send();
    assertTraced(error, /connection was refused/, result);
  });
});

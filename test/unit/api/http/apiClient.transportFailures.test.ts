import assert from 'node:assert/strict';
import type { LookupFunction } from 'node:net';
import { harnessPerTest, operation } from './support/apiHarness';
import { makeTestCertificates } from './support/certificates';
import { closedPort, sendJson } from './support/localServer';
import { expectFailure, UUID } from './support/results';

const COUNTRIES = { operation: operation('getCountriesList') };

// Resolves nothing, so the DNS failure path runs without asking any real resolver.
const failingLookup: LookupFunction = (hostname, _options, callback) => {
  const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  callback(error, '', 4);
};

describe('ApiClient: transport failures', () => {
  const start = harnessPerTest();

  /** The one attempt's id, which must be the id the failure reports. */
  function assertSingleAttempt(failure: { requestId?: string; attempts: readonly { requestId: string; error?: string }[] }, kind: string): void {
    assert.match(failure.requestId ?? '', UUID);
    assert.equal(failure.attempts.length, 1);
    assert.equal(failure.attempts[0]?.requestId, failure.requestId);
    assert.equal(failure.attempts[0]?.error, kind);
  }

  it('DNS failure (ENOTFOUND) -> dns', async () => {
    const h = await start((_req, res) => sendJson(res, 200, {}), { transport: { lookup: failingLookup } });
    const failure = expectFailure(
      await h.send({ ...COUNTRIES, environment: { id: 'local', authHost: h.tokenServer.authHost, apiHost: 'https://api.nowhere.test' } }),
      'dns',
    );
    assert.equal(failure.causeCode, 'ENOTFOUND');
    assertSingleAttempt(failure, 'dns');
  });

  it('connection refused -> refused', async () => {
    const h = await start((_req, res) => sendJson(res, 200, {}));
    const port = await closedPort();
    const failure = expectFailure(
      await h.send({ ...COUNTRIES, environment: { id: 'local', authHost: h.tokenServer.authHost, apiHost: `http://127.0.0.1:${port}` } }),
      'refused',
    );
    assert.equal(failure.causeCode, 'ECONNREFUSED');
    assertSingleAttempt(failure, 'refused');
  });

  it('connection reset by the server -> reset', async () => {
    const h = await start((_req, res) => {
      res.socket?.destroy();
    });
    const failure = expectFailure(await h.send(COUNTRIES), 'reset');
    assertSingleAttempt(failure, 'reset');
    assert.equal(failure.requestId, h.api.requests[0]?.headers['x-request-id']);
  });

  it('untrusted server certificate -> tls', async function () {
    const certificates = makeTestCertificates();
    if (!certificates) this.skip(); // no openssl on this machine: nothing to test TLS against without the network
    const h = await start((_req, res) => sendJson(res, 200, {}), { apiTls: { key: certificates.serverKey, cert: certificates.serverCert } });
    const failure = expectFailure(await h.send(COUNTRIES), 'tls');
    assert.match(failure.causeCode ?? '', /SELF_SIGNED|CERT/);
    assertSingleAttempt(failure, 'tls');
  });

  it('no response headers in time -> timeout', async () => {
    const h = await start(() => undefined, { transport: { headersTimeoutMs: 150 } });
    const failure = expectFailure(await h.send(COUNTRIES), 'timeout');
    assert.equal(failure.causeCode, 'UND_ERR_HEADERS_TIMEOUT');
    assertSingleAttempt(failure, 'timeout');
  });

  it('a body that stalls -> timeout', async () => {
    const h = await start(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"countries":');
      },
      { transport: { bodyTimeoutMs: 150 } },
    );
    const failure = expectFailure(await h.send(COUNTRIES), 'timeout');
    assert.equal(failure.causeCode, 'UND_ERR_BODY_TIMEOUT');
  });

  it('aborting the signal cancels the request in flight', async () => {
    const h = await start(() => undefined);
    const controller = new AbortController();
    const pending = h.send({ ...COUNTRIES, signal: controller.signal });
    while (h.api.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const failure = expectFailure(await pending, 'cancelled');
    assertSingleAttempt(failure, 'cancelled');
    assert.equal(failure.requestId, h.api.requests[0]?.headers['x-request-id']);
  });

  it('aborting during a Retry-After wait cancels without another attempt', async () => {
    const h = await start((_req, res) => sendJson(res, 429, {}, { 'retry-after': '5' }), { realSleep: true });
    const controller = new AbortController();
    const pending = h.send({ ...COUNTRIES, signal: controller.signal });
    while (h.api.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    setTimeout(() => controller.abort(), 20);
    const failure = expectFailure(await pending, 'cancelled');
    assert.equal(h.api.requests.length, 1);
    assert.equal(failure.requestId, h.api.requests[0]?.headers['x-request-id']);
  });

  it('an already aborted signal sends nothing', async () => {
    const h = await start((_req, res) => sendJson(res, 200, {}));
    const failure = expectFailure(await h.send({ ...COUNTRIES, signal: AbortSignal.abort() }), 'cancelled');
    assert.equal(h.api.requests.length, 0);
    assert.equal(failure.attempts.length, 0);
  });

  it('an unreachable auth host -> token failure naming the product, no API call', async () => {
    const h = await start((_req, res) => sendJson(res, 200, {}));
    const port = await closedPort();
    const failure = expectFailure(
      await h.send({ ...COUNTRIES, environment: { id: 'local', authHost: `http://127.0.0.1:${port}`, apiHost: h.api.origin } }),
      'token',
    );
    assert.equal(failure.token?.kind, 'network');
    assert.equal(failure.token?.product, 'aspspinformation');
    assert.match(failure.requestId ?? '', UUID);
    assert.equal(h.api.requests.length, 0);
  });
});

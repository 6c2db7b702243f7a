import assert from 'node:assert/strict';
import { bearerOf, harnessPerTest, operation } from './support/apiHarness';
import { sendJson, type Handler } from './support/localServer';
import { expectFailure, expectOk, UUID } from './support/results';

const tokenExpired = { tppMessages: [{ category: 'ERROR', code: 'TOKEN_EXPIRED', text: 'expired' }] };
const AIS = { operation: operation('getAccountList'), params: { 'X-BicFi': 'ESSESESS', 'Consent-ID': 'c1' } };

describe('ApiClient: retries', () => {
  const start = harnessPerTest();

  describe('401 with a rejected token', () => {
    it('fetches exactly one fresh token and retries once with a new X-Request-ID', async () => {
      const h = await start((req, res) =>
        bearerOf(req.headers) === h.tokenServer.issued[0] ? sendJson(res, 401, tokenExpired) : sendJson(res, 200, { accounts: [] }),
      );
      const exchange = expectOk(await h.send(AIS));
      assert.equal(h.tokenServer.tokenRequests(), 2);
      assert.equal(h.api.requests.length, 2);
      const [first, second] = h.api.requests.map((r) => String(r.headers['x-request-id']));
      assert.match(first ?? '', UUID);
      assert.match(second ?? '', UUID);
      assert.notEqual(first, second);
      assert.equal(bearerOf(h.api.requests[1]?.headers ?? {}), h.tokenServer.issued[1]);
      assert.deepEqual(
        exchange.attempts.map((a) => [a.requestId, a.status, a.retryReason]),
        [
          [first, 401, 'token_rejected'],
          [second, 200, undefined],
        ],
      );
      assert.equal(exchange.requestId, second);
    });

    it('returns a second 401 as a failure instead of looping', async () => {
      const h = await start((_req, res) => sendJson(res, 401, { tppMessages: [{ category: 'ERROR', code: 'TOKEN_INVALID' }] }));
      const failure = expectFailure(await h.send(AIS), 'http');
      assert.equal(failure.status, 401);
      assert.equal(h.api.requests.length, 2);
      assert.equal(h.tokenServer.tokenRequests(), 2);
      assert.equal(failure.attempts.length, 2);
      assert.equal(failure.requestId, h.api.requests[1]?.headers['x-request-id']);
      assert.deepEqual(failure.tppMessages?.map((m) => m.code), ['TOKEN_INVALID']);
    });

    it('does not retry a 401 about something other than the token', async () => {
      const h = await start((_req, res) => sendJson(res, 401, { tppMessages: [{ category: 'ERROR', code: 'CONSENT_INVALID' }] }));
      expectFailure(await h.send(AIS), 'http');
      assert.equal(h.api.requests.length, 1);
      assert.equal(h.tokenServer.tokenRequests(), 1);
    });
  });

  describe('429 with Retry-After', () => {
    function rateLimitedOnce(retryAfter: string): Handler {
      let calls = 0;
      return (_req, res) =>
        ++calls === 1
          ? sendJson(res, 429, { tppMessages: [{ category: 'ERROR', code: 'ACCESS_EXCEEDED' }] }, { 'retry-after': retryAfter })
          : sendJson(res, 200, { accounts: [] });
    }

    it('waits the given seconds and retries a GET with a new X-Request-ID', async () => {
      const h = await start(rateLimitedOnce('3'));
      const exchange = expectOk(await h.send(AIS));
      assert.deepEqual(h.sleeps, [3000]);
      assert.equal(h.api.requests.length, 2);
      assert.deepEqual(exchange.attempts.map((a) => [a.status, a.retryReason]), [
        [429, 'rate_limited'],
        [200, undefined],
      ]);
      assert.notEqual(exchange.attempts[0]?.requestId, exchange.attempts[1]?.requestId);
      assert.equal(h.tokenServer.tokenRequests(), 1);
    });

    it('understands an HTTP-date', async () => {
      const h = await start(rateLimitedOnce(new Date(Date.now() + 4000).toUTCString()));
      expectOk(await h.send(AIS));
      assert.equal(h.sleeps.length, 1);
      assert.ok((h.sleeps[0] ?? 0) > 2000 && (h.sleeps[0] ?? 0) <= 4000, String(h.sleeps[0]));
    });

    it('really waits when no sleep is injected', async () => {
      const h = await start(rateLimitedOnce('0'), { realSleep: true });
      expectOk(await h.send(AIS));
      assert.equal(h.api.requests.length, 2);
    });

    it('never retries a POST', async () => {
      const h = await start(rateLimitedOnce('1'));
      const op = operation('createConsent');
      const failure = expectFailure(await h.send({ operation: op, params: { 'X-BicFi': 'ESSESESS' }, body: op.bodyTemplate }), 'http');
      assert.equal(failure.status, 429);
      assert.equal(failure.retryAfterMs, 1000);
      assert.equal(h.api.requests.length, 1);
      assert.deepEqual(h.sleeps, []);
    });

    it('does not wait longer than the cap', async () => {
      const h = await start(rateLimitedOnce('11'));
      const failure = expectFailure(await h.send(AIS), 'http');
      assert.equal(failure.retryAfterMs, 11_000);
      assert.equal(h.api.requests.length, 1);
    });

    it('honours a configured cap', async () => {
      const h = await start(rateLimitedOnce('2'), { retry: { retryAfterCapMs: 1000 } });
      expectFailure(await h.send(AIS), 'http');
      assert.equal(h.api.requests.length, 1);
    });

    it('gives up after the configured number of retries', async () => {
      const h = await start((_req, res) => sendJson(res, 429, {}, { 'retry-after': '1' }), { retry: { maxRateLimitRetries: 2 } });
      const failure = expectFailure(await h.send(AIS), 'http');
      assert.equal(h.api.requests.length, 3);
      assert.deepEqual(h.sleeps, [1000, 1000]);
      assert.equal(new Set(failure.attempts.map((a) => a.requestId)).size, 3);
    });

    it('does not retry a 429 without Retry-After', async () => {
      const h = await start((_req, res) => sendJson(res, 429, {}));
      expectFailure(await h.send(AIS), 'http');
      assert.equal(h.api.requests.length, 1);
    });
  });
});

import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LoopbackError, RedirectListeners, type RedirectListener, type RedirectListenerOptions } from '../../../src/client/auth/loopback';
import { callbackUrl, isRefused, portOf, raw, settledOrPending } from './support';

const STATE = 'state-1f6c0e2a9b';
const ANY_PORT = 'http://127.0.0.1:0/callback';

describe('loopback redirect listener', () => {
  let listeners: RedirectListeners;
  let logLines: string[];
  const open: RedirectListener[] = [];

  beforeEach(() => {
    logLines = [];
    listeners = new RedirectListeners({ log: (line) => logLines.push(line) });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
  });

  async function listen(options: Partial<RedirectListenerOptions> = {}): Promise<RedirectListener> {
    const listener = await listeners.listen({ redirectUri: ANY_PORT, expectedState: STATE, ...options });
    open.push(listener);
    return listener;
  }

  describe('redirect URI', () => {
    for (const [uri, why] of [
      ['https://127.0.0.1:53682/callback', 'https'],
      ['http://localhost:53682/callback', 'localhost'],
      ['http://10.0.0.1:53682/callback', 'private address'],
      ['http://0.0.0.0:53682/callback', 'all interfaces'],
      ['http://example.com/callback', 'public host'],
      ['http://127.0.0.1.nip.io/callback', 'DNS name that looks loopback'],
      ['http://127.0.0.1:53682/callback?x=1', 'query'],
      ['http://user:pw@127.0.0.1:53682/callback', 'credentials'],
      ['not a url', 'not a URL'],
    ]) {
      it(`refuses ${why} up front with a typed error`, async () => {
        await assert.rejects(listeners.listen({ redirectUri: uri, expectedState: STATE }), (error: unknown) => {
          assert.ok(error instanceof LoopbackError);
          assert.equal(error.kind, 'invalid_redirect_uri');
          return true;
        });
      });
    }

    it('binds only the loopback address and the port of the URI', async () => {
      const blocker = http.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as AddressInfo).port;
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
      const listener = await listen({ redirectUri: `http://127.0.0.1:${port}/callback` });
      assert.equal(listener.redirectUri, `http://127.0.0.1:${port}/callback`);
      assert.equal((await raw(`http://127.0.0.1:${port}/nothing`)).status, 404);
      // Not on another loopback address of the same port.
      assert.equal(await isRefused(`http://127.0.0.3:${port}/callback`), true);
    });

    it('hands back the registered redirect URI exactly as written, for the redirect_uri the platform compares', async () => {
      const blocker = http.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as AddressInfo).port;
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
      // new URL() would turn this into ".../" ; the platform would then see a redirect_uri that was never registered.
      const listener = await listen({ redirectUri: `http://127.0.0.1:${port}` });
      assert.equal(listener.redirectUri, `http://127.0.0.1:${port}`);
      assert.equal((await raw(callbackUrl(`http://127.0.0.1:${port}/`, { code: 'c', state: STATE }))).status, 302);
    });

    it('listens on [::1] when the URI says so', async function () {
      let listener: RedirectListener;
      try {
        listener = await listen({ redirectUri: 'http://[::1]:0/cb' });
      } catch (error) {
        if (error instanceof LoopbackError && error.kind === 'listen_failed') this.skip();
        throw error;
      }
      const res = await raw(callbackUrl(listener.redirectUri, { code: 'c', state: STATE }));
      assert.equal(res.status, 302);
      assert.deepEqual(await listener.result, { kind: 'code', code: 'c' });
    });
  });

  it('accepts the callback with the right state, redirects away from the code and closes after the finish page', async () => {
    const listener = await listen();
    const res = await raw(callbackUrl(listener.redirectUri, { code: 'the-code', state: STATE, scope: 'accountinformation private' }));
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/done');
    assert.equal(res.body, '');
    assert.deepEqual(await listener.result, { kind: 'code', code: 'the-code', scope: 'accountinformation private' });
    const done = await raw(new URL('/done', listener.redirectUri).toString());
    assert.equal(done.status, 200);
    assert.match(done.body, /return to VS Code/);
    assert.doesNotMatch(done.body, /the-code|state-1f6c/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await isRefused(listener.redirectUri), true);
  });

  it('serves the injected static success page', async () => {
    const listener = await listen({ successHtml: '<p>custom done</p>' });
    await raw(callbackUrl(listener.redirectUri, { code: 'x', state: STATE }));
    assert.equal((await raw(new URL('/done', listener.redirectUri).toString())).body, '<p>custom done</p>');
  });

  it('answers a wrong or missing state with 400 and keeps waiting for the right one', async () => {
    const listener = await listen();
    const attempts: Record<string, string>[] = [{ code: 'evil' }, { code: 'evil', state: 'guess' }, { code: 'evil', state: `${STATE}x` }, { state: '' }, { error: 'access_denied', state: 'nope' }];
    for (const params of attempts) {
      const res = await raw(callbackUrl(listener.redirectUri, params));
      assert.equal(res.status, 400, JSON.stringify(params));
    }
    assert.equal(await settledOrPending(listener.result), 'pending');
    assert.equal((await raw(callbackUrl(listener.redirectUri, { code: 'good', state: STATE }))).status, 302);
    assert.deepEqual(await listener.result, { kind: 'code', code: 'good' });
  });

  it('refuses a repeated state or code parameter (400) rather than guessing which one counts', async () => {
    const listener = await listen();
    const res = await raw(`${listener.redirectUri}?code=a&code=b&state=${STATE}`);
    assert.equal(res.status, 400);
    assert.equal((await raw(`${listener.redirectUri}?code=a&state=${STATE}&state=${STATE}`)).status, 400);
    assert.equal(await settledOrPending(listener.result), 'pending');
  });

  it('answers 404 on any other path, and on the finish page before a callback', async () => {
    const listener = await listen();
    for (const path of ['/', '/callback/', '/Callback', '/callbackx', '/favicon.ico', `/other?code=a&state=${STATE}`, '/done']) {
      assert.equal((await raw(listener.redirectUri, { path })).status, 404, path);
    }
    assert.equal(await settledOrPending(listener.result), 'pending');
  });

  it('answers 400 to a Host header that is not the redirect URI host:port (DNS rebinding)', async () => {
    const listener = await listen();
    const port = portOf(listener.redirectUri);
    const url = callbackUrl(listener.redirectUri, { code: 'c', state: STATE });
    for (const host of ['evil.example', `evil.example:${port}`, `localhost:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', '', null]) {
      assert.equal((await raw(url, { host })).status, 400, String(host));
    }
    assert.equal(await settledOrPending(listener.result), 'pending');
  });

  it('answers 405 to methods other than GET', async () => {
    const listener = await listen();
    const url = callbackUrl(listener.redirectUri, { code: 'c', state: STATE });
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      const res = await raw(url, { method });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, 'GET');
    }
    assert.equal(await settledOrPending(listener.result), 'pending');
  });

  it('resolves error/error_description with our state as a denial and shows them escaped', async () => {
    const listener = await listen();
    const description = '<script>alert(1)</script> & "quoted"';
    const res = await raw(callbackUrl(listener.redirectUri, { error: 'access_denied<b>', error_description: description, state: STATE }));
    assert.equal(res.status, 302);
    assert.deepEqual(await listener.result, { kind: 'denied', error: 'access_denied<b>', errorDescription: description });
    const page = await raw(new URL('/done', listener.redirectUri).toString());
    assert.match(page.body, /access_denied&lt;b&gt;/);
    assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;quoted&quot;/);
    assert.doesNotMatch(page.body, /<script>|<b>/);
    assert.match(String(page.headers['content-security-policy']), /^default-src 'none'/);
  });

  it('in stateOnly mode (scaRedirect) accepts a callback without code; in code mode that is malformed', async () => {
    const redirect = await listen({ mode: 'stateOnly' });
    assert.equal((await raw(callbackUrl(redirect.redirectUri, { scope: 'paymentinitiation private', state: STATE }))).status, 302);
    assert.deepEqual(await redirect.result, { kind: 'redirected', scope: 'paymentinitiation private' });
    const oauth = await listen();
    assert.equal((await raw(callbackUrl(oauth.redirectUri, { state: STATE }))).status, 302);
    assert.deepEqual(await oauth.result, { kind: 'malformed' });
    assert.match((await raw(new URL('/done', oauth.redirectUri).toString())).body, /incomplete/);
  });

  it('reports a busy port as port_in_use naming the port', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      await assert.rejects(listeners.listen({ redirectUri: `http://127.0.0.1:${port}/callback`, expectedState: STATE }), (error: unknown) => {
        assert.ok(error instanceof LoopbackError);
        assert.equal(error.kind, 'port_in_use');
        assert.equal(error.details.port, port);
        assert.match(error.message, new RegExp(`Port ${port}`));
        return true;
      });
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
    // The failed attempt does not keep the port reserved.
    const listener = await listen({ redirectUri: `http://127.0.0.1:${port}/callback` });
    assert.equal(portOf(listener.redirectUri), port);
  });

  it('refuses a second concurrent login on the same port, and allows one once the first has closed', async () => {
    const first = await listen();
    const uri = first.redirectUri;
    await assert.rejects(listeners.listen({ redirectUri: uri, expectedState: 'other-state' }), (error: unknown) => {
      assert.ok(error instanceof LoopbackError);
      assert.equal(error.kind, 'login_in_progress');
      return true;
    });
    // The first login is untouched by the refused one.
    assert.equal((await raw(callbackUrl(uri, { code: 'c', state: 'other-state' }))).status, 400);
    await first.close();
    assert.deepEqual(await first.result, { kind: 'cancelled' });
    const second = await listen({ redirectUri: uri, expectedState: 'other-state' });
    assert.equal((await raw(callbackUrl(second.redirectUri, { code: 'c2', state: 'other-state' }))).status, 302);
    assert.deepEqual(await second.result, { kind: 'code', code: 'c2' });
  });

  it('answers a second callback after the accepted one with 410 and keeps the first result', async () => {
    const listener = await listen();
    await raw(callbackUrl(listener.redirectUri, { code: 'first', state: STATE }));
    const again = await raw(callbackUrl(listener.redirectUri, { code: 'second', state: STATE }));
    assert.equal(again.status, 410);
    assert.deepEqual(await listener.result, { kind: 'code', code: 'first' });
  });

  it('sends no-store, no-referrer and the strict CSP on every response', async () => {
    const listener = await listen();
    const url = callbackUrl(listener.redirectUri, { code: 'c', state: STATE });
    const responses = [
      await raw(url, { method: 'POST' }),
      await raw(url, { host: 'evil.example' }),
      await raw(listener.redirectUri, { path: '/x' }),
      await raw(callbackUrl(listener.redirectUri, { state: 'bad' })),
      await raw(url),
      await raw(new URL('/done', listener.redirectUri).toString()),
    ];
    assert.deepEqual(responses.map((r) => r.status), [405, 400, 404, 400, 302, 200]);
    for (const res of responses) {
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
    }
  });

  it('resolves timeout and closes when no valid callback arrives in time', async () => {
    const listener = await listen({ timeoutMs: 30 });
    assert.deepEqual(await listener.result, { kind: 'timeout' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await isRefused(listener.redirectUri), true);
  });

  it('resolves cancelled and closes when the signal aborts (also when already aborted)', async () => {
    const controller = new AbortController();
    const listener = await listen({ signal: controller.signal });
    controller.abort();
    assert.deepEqual(await listener.result, { kind: 'cancelled' });
    await listener.close();
    assert.equal(await isRefused(listener.redirectUri), true);
    const early = await listen({ signal: AbortSignal.abort() });
    assert.deepEqual(await early.result, { kind: 'cancelled' });
  });

  it('resolves cancelled and closes on close()', async () => {
    const listener = await listen();
    await listener.close();
    assert.deepEqual(await listener.result, { kind: 'cancelled' });
    assert.equal(await isRefused(listener.redirectUri), true);
    await listener.close();
  });

  it('never logs a code, state, error text or anything from the query', async () => {
    const secrets = { code: 'CODE-5ecret-9d1', state: STATE, verifier: 'VERIFIER-abc', token: 'TOKEN-xyz' };
    const listener = await listen({ expectedState: secrets.state });
    const uri = listener.redirectUri;
    await raw(`${uri}?code=${secrets.code}&state=wrong-${secrets.state}&code_verifier=${secrets.verifier}`);
    await raw(`${uri}?code=${secrets.code}&state=${secrets.state}`, { host: `h-${secrets.token}` });
    await raw(`${uri}?code=${secrets.code}&state=${secrets.state}`, { method: 'POST' });
    await raw(uri, { path: `/x-${secrets.token}?code=${secrets.code}` });
    await raw(`${uri}?code=${secrets.code}&state=${secrets.state}&access_token=${secrets.token}`);
    await raw(`${uri}?code=${secrets.code}&state=${secrets.state}`);
    const failed = await listeners.listen({ redirectUri: uri, expectedState: secrets.state }).catch((e: unknown) => e);
    assert.ok(failed instanceof LoopbackError);
    await raw(new URL('/done', uri).toString());
    await listener.result;
    assert.ok(logLines.length >= 6, logLines.join('\n'));
    const text = [...logLines, failed.message].join('\n');
    for (const secret of [...Object.values(secrets), '5ecret', 'wrong-']) assert.ok(!text.includes(secret), `${secret} in ${text}`);
  });
});

import assert from 'node:assert/strict';
import { UndiciTransport } from '../../../src/client/http/transport';
import { createTransportFetch } from '../../../src/client/http/transportFetch';
import type { TokenScope } from '../../../src/client/http/tokenSource';
import { ClientCredentialsTokens, type ClientCredentialsTokensOptions } from '../../../src/client/auth/tokens/clientCredentialsTokens';
import { TokenError } from '../../../src/client/http/tokenError';
import { Redactor } from '../../../src/client/redaction/redaction';
import { CLIENT_ID, CLIENT_SECRET, startTokenServer, type FakeTokenServer } from '../api/http/support/fakeTokenServer';
import { closedPort, sendJson, startServer, type Handler } from '../api/http/support/localServer';
import { assertNoSecrets } from '../api/http/support/secrets';

const CREDENTIALS = async () => ({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });

async function expectTokenError(promise: Promise<unknown>): Promise<TokenError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TokenError, `expected TokenError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a TokenError');
}

describe('ClientCredentialsTokens', () => {
  let tokenServer: FakeTokenServer;
  let transport: UndiciTransport;
  let scope: TokenScope;

  function tokens(options: Partial<ClientCredentialsTokensOptions> = {}): ClientCredentialsTokens {
    return new ClientCredentialsTokens({ credentials: CREDENTIALS, fetch: createTransportFetch(transport), ...options });
  }

  /** The TokenError from a token request against a one-off auth server. */
  async function errorFrom(handler: Handler): Promise<TokenError> {
    const server = await startServer(handler);
    try {
      return await expectTokenError(tokens().getToken({ ...scope, authHost: server.origin }));
    } finally {
      await server.close();
    }
  }

  beforeEach(async () => {
    tokenServer = await startTokenServer();
    transport = new UndiciTransport();
    scope = { environmentId: 'local', authHost: tokenServer.authHost, product: 'accountinformation', context: 'private' };
  });
  afterEach(async () => {
    await transport.close();
    await tokenServer.close();
  });

  it('asks /connect/token with client_credentials, "<product> <context>" scope and the secret in the form body', async () => {
    const token = await tokens().getToken(scope);
    assert.equal(token.value, tokenServer.issued[0]);
    assert.equal(token.scope, 'accountinformation private');
    const [request] = tokenServer.server.requests;
    assert.ok(request);
    const form = new URLSearchParams(request.body);
    assert.equal(form.get('grant_type'), 'client_credentials');
    assert.equal(form.get('scope'), 'accountinformation private');
    assert.equal(form.get('client_id'), CLIENT_ID);
    assert.equal(form.get('client_secret'), CLIENT_SECRET);
    assert.equal(request.headers.authorization, undefined, 'ClientSecretPost: no Basic header');
    assert.match(String(request.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    assert.equal(token.requestId, request.headers['x-request-id']);
  });

  it('makes exactly one token request for 50 concurrent calls on a cold cache', async () => {
    tokenServer.script.delayMs = 30;
    const source = tokens();
    const results = await Promise.all(Array.from({ length: 50 }, () => source.getToken(scope)));
    assert.equal(tokenServer.tokenRequests(), 1);
    assert.equal(new Set(results.map((t) => t.value)).size, 1);
  });

  it('keeps one token per product and context', async () => {
    const source = tokens();
    const a = await source.getToken(scope);
    const b = await source.getToken({ ...scope, context: 'corporate' });
    const c = await source.getToken({ ...scope, product: 'paymentinitiation' });
    const d = await source.getToken({ ...scope, environmentId: 'other' });
    assert.equal(new Set([a.value, b.value, c.value, d.value]).size, 4);
    assert.equal(tokenServer.tokenRequests(), 4);
  });

  it('reuses a token until shortly before expiry, then fetches a new one', async () => {
    let now = 1_000_000;
    const source = tokens({ now: () => now });
    const first = await source.getToken(scope);
    // expires_in 3600 s, skew min(60 s, 10 %) = 60 s: reused up to 3540 s.
    now += 3_539_000;
    assert.equal((await source.getToken(scope)).value, first.value);
    assert.equal(tokenServer.tokenRequests(), 1);
    now += 2_000;
    const second = await source.getToken(scope);
    assert.notEqual(second.value, first.value);
    assert.equal(tokenServer.tokenRequests(), 2);
  });

  it('uses 10 % of the lifetime as skew for short-lived tokens', async () => {
    tokenServer.script.expiresIn = 100;
    let now = 0;
    const source = tokens({ now: () => now });
    const first = await source.getToken(scope);
    assert.equal(first.refreshAt - first.expiresAt, -10_000);
    now = 89_000;
    assert.equal((await source.getToken(scope)).value, first.value);
    now = 91_000;
    assert.notEqual((await source.getToken(scope)).value, first.value);
  });

  it('cachedToken() answers synchronously what getToken would resolve at once, and nothing else', async () => {
    let now = 1_000_000;
    const source = tokens({ now: () => now });
    assert.equal(source.cachedToken(scope), undefined);
    const first = await source.getToken(scope);
    assert.equal(source.cachedToken(scope), first);
    assert.equal(source.cachedToken({ ...scope, product: 'paymentinitiation' }), undefined);
    now += 3_541_000; // past refreshAt: getToken would fetch a new one
    assert.equal(source.cachedToken(scope), undefined);
    now = 1_000_000;
    source.invalidate(scope, first);
    assert.equal(source.cachedToken(scope), undefined);
    assert.equal(tokenServer.tokenRequests(), 1);
  });

  it('invalidate() drops the token only if it is still the cached one', async () => {
    const source = tokens();
    const first = await source.getToken(scope);
    source.invalidate(scope, first);
    const second = await source.getToken(scope);
    assert.notEqual(second.value, first.value);
    source.invalidate(scope, first); // stale: a second 401 for the old token must not drop the new one
    assert.equal((await source.getToken(scope)).value, second.value);
    assert.equal(tokenServer.tokenRequests(), 2);
  });

  it('clear() forgets tokens of one environment', async () => {
    const source = tokens();
    const local = await source.getToken(scope);
    const other = await source.getToken({ ...scope, environmentId: 'other' });
    source.clear('local');
    assert.notEqual((await source.getToken(scope)).value, local.value);
    assert.equal((await source.getToken({ ...scope, environmentId: 'other' })).value, other.value);
  });

  it('maps invalid_scope to a TokenError naming the API product the Developer Portal must provide', async () => {
    tokenServer.script.allowedProducts = ['aspspinformation'];
    const error = await expectTokenError(tokens().getToken({ ...scope, product: 'paymentinitiation' }));
    assert.equal(error.kind, 'invalid_scope');
    assert.equal(error.product, 'paymentinitiation');
    assert.equal(error.details.oauthError, 'invalid_scope');
    assert.match(error.message, /Payment Initiation/);
    assert.match(error.message, /Developer Portal/);
    assert.match(error.message, /ASPSP Information, Account Information and\/or Payment Initiation/);
    assert.equal(error.requestId, tokenServer.server.requests[0]?.headers['x-request-id']);
    assertNoSecrets(error, [CLIENT_SECRET]);
  });

  it('maps a rejected secret to invalid_client without ever showing the secret', async () => {
    const wrong = 'wrong-secret-1234';
    const error = await expectTokenError(
      tokens({ credentials: async () => ({ clientId: CLIENT_ID, clientSecret: wrong }) }).getToken(scope),
    );
    assert.equal(error.kind, 'invalid_client');
    assert.match(error.message, /client ID or client secret/);
    assert.ok(error.requestId);
    assertNoSecrets(error, [wrong, CLIENT_SECRET]);
    assertNoSecrets(error.details, [wrong]);
  });

  it('maps a 401 challenge from the token endpoint to invalid_client', async () => {
    const error = await errorFrom((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="auth"' });
      res.end();
    });
    assert.equal(error.kind, 'invalid_client');
    assert.equal(error.details.status, 401);
  });

  it('maps a non-OAuth answer to protocol', async () => {
    const error = await errorFrom((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    assert.equal(error.kind, 'protocol');
    assert.equal(error.details.status, 502);
  });

  it('rejects a token response that is not a bearer token', async () => {
    const error = await errorFrom((_req, res) => sendJson(res, 200, { access_token: 'abcdefgh', token_type: 'mac', expires_in: 60 }));
    assert.equal(error.kind, 'protocol');
  });

  it('maps an unreachable auth host to network, with the transport kind and request id', async () => {
    const port = await closedPort();
    const error = await expectTokenError(tokens().getToken({ ...scope, authHost: `http://127.0.0.1:${port}` }));
    assert.equal(error.kind, 'network');
    assert.equal(error.details.transportKind, 'refused');
    assert.equal(error.details.causeCode, 'ECONNREFUSED');
    assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.match(error.message, /Could not reach the auth server/);
  });

  it('a failed request is not cached: the next call tries again', async () => {
    tokenServer.script.allowedProducts = [];
    const source = tokens();
    await expectTokenError(source.getToken(scope));
    tokenServer.script.allowedProducts = ['accountinformation'];
    assert.ok((await source.getToken(scope)).value);
    assert.equal(tokenServer.tokenRequests(), 2);
  });

  it('refuses plain http to a non-loopback auth host without sending anything', async () => {
    let fetched = 0;
    const source = tokens({
      fetch: async () => {
        fetched++;
        return new Response('{}');
      },
    });
    for (const authHost of ['http://auth.sandbox.openbankingplatform.com', 'http://10.0.0.1:8080', 'http://127.example.com']) {
      const error = await expectTokenError(source.getToken({ ...scope, authHost }));
      assert.equal(error.kind, 'insecure_host', authHost);
    }
    assert.equal(fetched, 0);
  });

  it('allows plain http on loopback hosts', async () => {
    const source = tokens();
    const port = new URL(tokenServer.authHost).port;
    assert.ok((await source.getToken({ ...scope, authHost: `http://localhost:${port}` })).value);
  });

  it('reports missing credentials as no_credentials, naming the Developer Portal', async () => {
    const error = await expectTokenError(tokens({ credentials: async () => undefined }).getToken(scope));
    assert.equal(error.kind, 'no_credentials');
    assert.match(error.message, /developer\.openpayments\.io/);
    assert.equal(tokenServer.tokenRequests(), 0);
  });

  it('lets one caller stop waiting without cancelling the shared request', async () => {
    tokenServer.script.delayMs = 100;
    const source = tokens();
    const controller = new AbortController();
    const abandoned = source.getToken(scope, controller.signal);
    const kept = source.getToken(scope);
    controller.abort();
    const error = await expectTokenError(abandoned);
    assert.equal(error.kind, 'cancelled');
    assert.ok((await kept).value);
    assert.equal(tokenServer.tokenRequests(), 1);
  });

  it('teaches the redactor the secret and every token', async () => {
    const redactor = new Redactor();
    const token = await tokens({ redactor }).getToken(scope);
    assert.equal(redactor.redact(`x ${CLIENT_SECRET} y ${token.value}`), 'x *** y ***');
  });
});

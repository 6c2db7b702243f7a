import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomFetch } from 'openid-client';
import { createPkcePair, createState, exchangeAuthorizationCode, fillScaTemplate, type CodeExchangeInput } from '../../../src/client/auth/authorizationCode';
import { Redactor } from '../../../src/client/redaction/redaction';

const AUTH = 'https://auth.sandbox.openbankingplatform.com';
const TEMPLATE =
  `${AUTH}/connect/authorize?client_id=[CLIENT_ID]&scope=accountinformation%20private&response_type=code` +
  '&redirect_uri=[TPP_REDIRECT_URI]&state=[TPP_STATE]&acr_values=idp:NDEASESS%20consentId:c-1%20consentAuthorisationId:a-1';
const REDIRECT = 'http://127.0.0.1:53682/callback';

describe('authorization code: PKCE and state', () => {
  it('makes an S256 pair (challenge = base64url(sha256(verifier))) and a fresh unguessable state', async () => {
    const pair = await createPkcePair();
    assert.equal(pair.method, 'S256');
    assert.ok(pair.verifier.length >= 43);
    assert.equal(pair.challenge, crypto.createHash('sha256').update(pair.verifier).digest('base64url'));
    const states = new Set([createState(), createState(), createState()]);
    assert.equal(states.size, 3);
    for (const state of states) assert.ok(state.length >= 32);
  });
});

describe('authorization code: filling the scaOAuth template', () => {
  const base = { template: TEMPLATE, authHost: AUTH, clientId: 'my client&x', redirectUri: REDIRECT, state: 's/t=ate&1' };

  it('fills client id, URL-encoded redirect URI and state, keeps the server values, appends PKCE S256', () => {
    const result = fillScaTemplate({ ...base, codeChallenge: 'CHALLENGE' });
    assert.ok(result.ok);
    const url = new URL(result.url);
    assert.equal(url.origin + url.pathname, `${AUTH}/connect/authorize`);
    assert.equal(url.searchParams.get('client_id'), 'my client&x');
    assert.equal(url.searchParams.get('redirect_uri'), REDIRECT);
    assert.equal(url.searchParams.get('state'), 's/t=ate&1');
    assert.equal(url.searchParams.get('scope'), 'accountinformation private');
    assert.equal(url.searchParams.get('response_type'), 'code');
    assert.equal(url.searchParams.get('acr_values'), 'idp:NDEASESS consentId:c-1 consentAuthorisationId:a-1');
    assert.equal(url.searchParams.get('code_challenge'), 'CHALLENGE');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.doesNotMatch(result.url, /\[(CLIENT_ID|TPP_REDIRECT_URI|TPP_STATE)\]/);
  });

  it('adds no PKCE for scaRedirect and accepts an AUTH_HOST given with a trailing slash', () => {
    const result = fillScaTemplate({ ...base, authHost: `${AUTH}/` });
    assert.ok(result.ok);
    assert.equal(new URL(result.url).searchParams.get('code_challenge'), null);
  });

  it('sets our values even when the template has fixed ones instead of placeholders, and drops its PKCE', () => {
    const template = `${AUTH}/connect/authorize?client_id=someone-else&redirect_uri=https%3A%2F%2Fevil.example&state=fixed&code_challenge=theirs`;
    const result = fillScaTemplate({ ...base, template, codeChallenge: 'ours' });
    assert.ok(result.ok);
    const params = new URL(result.url).searchParams;
    assert.deepEqual([params.get('client_id'), params.get('redirect_uri'), params.get('state'), params.get('code_challenge')], ['my client&x', REDIRECT, 's/t=ate&1', 'ours']);
  });

  for (const [template, problem] of [
    ['https://evil.example/connect/authorize?client_id=[CLIENT_ID]', 'foreign_authorize_endpoint'],
    ['https://auth.sandbox.openbankingplatform.com.evil.example/connect/authorize', 'foreign_authorize_endpoint'],
    ['http://auth.sandbox.openbankingplatform.com/connect/authorize', 'foreign_authorize_endpoint'],
    ['https://auth.sandbox.openbankingplatform.com:8443/connect/authorize', 'foreign_authorize_endpoint'],
    [`${AUTH}/connect/token?client_id=[CLIENT_ID]`, 'foreign_authorize_endpoint'],
    [`${AUTH}/connect/authorize/../../elsewhere`, 'foreign_authorize_endpoint'],
    [`https://auth.sandbox.openbankingplatform.com@evil.example/connect/authorize`, 'foreign_authorize_endpoint'],
    [`https://user:pw@auth.sandbox.openbankingplatform.com/connect/authorize`, 'credentials_in_url'],
    [`${AUTH}/connect/authorize?redirect_uri=https%3A%2F%2Fevil.example&redirect_uri=[TPP_REDIRECT_URI]`, 'duplicate_parameter'],
    [`${AUTH}/connect/authorize?state=[TPP_STATE]&state=x`, 'duplicate_parameter'],
    ['/connect/authorize?client_id=[CLIENT_ID]', 'not_a_url'],
  ]) {
    it(`refuses ${template} (${problem})`, () => {
      assert.deepEqual(fillScaTemplate({ ...base, template: template! }), { ok: false, problem });
    });
  }
});

interface TokenCall {
  readonly headers: http.IncomingHttpHeaders;
  readonly form: URLSearchParams;
}

async function tokenServer(reply: (call: TokenCall) => { status: number; body: unknown }): Promise<{ authHost: string; calls: TokenCall[]; close(): Promise<void> }> {
  const calls: TokenCall[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = { headers: req.headers, form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) };
      calls.push(call);
      const { status, body } = reply(call);
      res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': String(req.headers['x-request-id'] ?? '') });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authHost,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const plainFetch: CustomFetch = (url, init) => fetch(url, init);
const CODE = 'authz-code-77f3a1';
const VERIFIER = 'verifier-2b9c4e0d11aa';
const TOKEN = 'access-token-9e8d7c';

function input(authHost: string, extra: Partial<CodeExchangeInput> = {}): CodeExchangeInput {
  return {
    environmentId: 'local',
    authHost,
    credentials: async () => ({ clientId: 'client-1', clientSecret: 'secret-1234' }),
    fetch: plainFetch,
    redirectUri: REDIRECT,
    code: CODE,
    codeVerifier: VERIFIER,
    target: { kind: 'consent', consentId: 'consent-1', authorisationId: 'auth-1' },
    context: 'private',
    ...extra,
  };
}

describe('authorization code: the exchange', () => {
  it('posts the grant with client credentials in the body, the exact redirect_uri, the verifier and the X-Consent headers', async () => {
    const server = await tokenServer(() => ({ status: 200, body: { access_token: TOKEN, token_type: 'Bearer', expires_in: 3600, scope: 'accountinformation private' } }));
    try {
      const redactor = new Redactor();
      const result = await exchangeAuthorizationCode(input(server.authHost, { redactor }));
      assert.ok(result.ok);
      assert.equal(result.scope, 'accountinformation private');
      assert.doesNotMatch(JSON.stringify(result), new RegExp(TOKEN));
      const [call] = server.calls;
      assert.equal(call?.headers['x-consentid'], 'consent-1');
      assert.equal(call?.headers['x-consentauthorisationid'], 'auth-1');
      assert.equal(call?.headers['x-request-id'], result.requestId);
      assert.deepEqual(Object.fromEntries(call!.form), {
        grant_type: 'authorization_code',
        code: CODE,
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
        scope: 'accountinformation private',
        client_id: 'client-1',
        client_secret: 'secret-1234',
      });
      assert.equal(redactor.redact(`${CODE} ${VERIFIER} ${TOKEN} secret-1234`), '*** *** *** ***');
    } finally {
      await server.close();
    }
  });

  it('names a payment authorisation with X-PaymentId and X-PaymentAuthorisationId and the paymentinitiation scope', async () => {
    const server = await tokenServer(() => ({ status: 200, body: { access_token: TOKEN, token_type: 'Bearer' } }));
    try {
      const result = await exchangeAuthorizationCode(input(server.authHost, { target: { kind: 'payment', paymentId: 'p-1', authorisationId: 'pa-1' }, context: 'corporate' }));
      assert.ok(result.ok);
      const [call] = server.calls;
      assert.equal(call?.headers['x-paymentid'], 'p-1');
      assert.equal(call?.headers['x-paymentauthorisationid'], 'pa-1');
      assert.equal(call?.headers['x-consentid'], undefined);
      assert.equal(call?.form.get('scope'), 'paymentinitiation corporate');
    } finally {
      await server.close();
    }
  });

  it('reports invalid_grant as data, masking the code and verifier even when the server echoes them', async () => {
    const server = await tokenServer(() => ({ status: 400, body: { error: 'invalid_grant', error_description: `code ${CODE} with verifier ${VERIFIER} is used` } }));
    try {
      const result = await exchangeAuthorizationCode(input(server.authHost));
      assert.ok(!result.ok);
      assert.equal(result.failure.kind, 'invalid_grant');
      assert.equal(result.failure.status, 400);
      assert.equal(result.failure.serverDescription, 'code *** with verifier *** is used');
      assert.ok(result.failure.requestId);
      const text = JSON.stringify(result);
      assert.ok(!text.includes(CODE) && !text.includes(VERIFIER) && !text.includes('secret-1234'));
    } finally {
      await server.close();
    }
  });

  it('maps invalid_client and other OAuth errors', async () => {
    const server = await tokenServer((call) =>
      call.form.get('code') === 'bad-client' ? { status: 401, body: { error: 'invalid_client' } } : { status: 400, body: { error: 'invalid_request' } },
    );
    try {
      const client = await exchangeAuthorizationCode(input(server.authHost, { code: 'bad-client' }));
      assert.equal(!client.ok && client.failure.kind, 'invalid_client');
      const other = await exchangeAuthorizationCode(input(server.authHost));
      assert.equal(!other.ok && other.failure.kind, 'rejected');
      assert.equal(!other.ok && other.failure.oauthError, 'invalid_request');
    } finally {
      await server.close();
    }
  });

  it('asks the credentials provider for its environment at exchange time, and sends nothing when none are stored', async () => {
    const server = await tokenServer(() => ({ status: 200, body: { access_token: TOKEN, token_type: 'Bearer' } }));
    try {
      const asked: string[] = [];
      const stored = new Map([['local', { clientId: 'client-now', clientSecret: 'secret-now-5678' }]]);
      const credentials = async (environmentId: string) => {
        asked.push(environmentId);
        return stored.get(environmentId);
      };
      assert.ok((await exchangeAuthorizationCode(input(server.authHost, { credentials }))).ok);
      assert.equal(server.calls[0]?.form.get('client_id'), 'client-now');
      assert.equal(server.calls[0]?.form.get('client_secret'), 'secret-now-5678');
      stored.clear();
      const none = await exchangeAuthorizationCode(input(server.authHost, { credentials }));
      assert.deepEqual(none, { ok: false, failure: { kind: 'no_credentials' } });
      assert.deepEqual(asked, ['local', 'local']);
      assert.equal(server.calls.length, 1, 'no request without credentials');
    } finally {
      await server.close();
    }
  });

  it('refuses plain http off loopback and an iss that names another server, without a request', async () => {
    const calls: string[] = [];
    const spy: CustomFetch = (url, init) => {
      calls.push(url);
      return fetch(url, init);
    };
    const insecure = await exchangeAuthorizationCode(input('http://auth.example', { fetch: spy }));
    assert.equal(!insecure.ok && insecure.failure.kind, 'insecure_host');
    const mixedUp = await exchangeAuthorizationCode(input(AUTH, { fetch: spy, iss: 'https://evil.example' }));
    assert.equal(!mixedUp.ok && mixedUp.failure.kind, 'issuer_mismatch');
    assert.deepEqual(calls, []);
  });

  it('reports an unreachable auth host as network and a cancelled one as cancelled', async () => {
    const closed = await tokenServer(() => ({ status: 200, body: {} }));
    await closed.close();
    const unreachable = await exchangeAuthorizationCode(input(closed.authHost));
    assert.ok(!unreachable.ok);
    assert.ok(['network', 'protocol'].includes(unreachable.failure.kind), unreachable.failure.kind);
    const hanging = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 20);
      const cancelled = await exchangeAuthorizationCode(input(`http://127.0.0.1:${(hanging.address() as AddressInfo).port}`, { signal: controller.signal }));
      assert.equal(!cancelled.ok && cancelled.failure.kind, 'cancelled');
      assert.equal(!(await exchangeAuthorizationCode(input(AUTH, { signal: AbortSignal.abort() }))).ok, true);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });
});

// Loopback-only helpers the extension and the tests use: the demo client for "Use Local Sandbox", the
// log of recent API requests by X-Request-ID, and the secrets issued so far.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { isLoopback } from '../../sandbox/api/admin';
import { createIssuedSecrets, type IssuedSecretsReport } from '../../sandbox/auth/issuedSecrets';
import { useSandbox } from './helpers/client';
import { createConsent, redirectSca } from './helpers/flows';

describe('sandbox admin helpers', () => {
  const c = useSandbox();

  it('hands out the demo client it was started with', async () => {
    const res = await fetch(`${c.sandbox.apiHost}/__sandbox/demo-client`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), c.sandbox.client);
  });

  it('logs API requests with their status and X-Request-ID, and not its own admin calls', async () => {
    const res = await c.call('getCountriesList');
    const sentId = res.headers.get('x-request-id');
    const log = (await (await fetch(`${c.sandbox.apiHost}/__sandbox/requests`)).json()) as { requests: { path: string; status: number; requestId?: string }[] };
    const entry = log.requests.find((r) => r.requestId === sentId);
    assert.ok(entry, 'the request is logged by its X-Request-ID');
    assert.equal(entry.path, '/psd2/aspspinformation/v1/countries');
    assert.equal(entry.status, 200);
    assert.ok(!log.requests.some((r) => r.path.startsWith('/__sandbox/')));
  });

  it('keeps the last 500 requests, numbered from the first, so a mark taken earlier still counts past the cap', async () => {
    const read = async () => ((await (await fetch(`${c.sandbox.apiHost}/__sandbox/requests`)).json()) as { requests: { seq: number }[] }).requests;
    const mark = (await read()).at(-1)?.seq ?? 0;
    // Unauthenticated calls are refused at once but still logged: the cheapest way past the cap.
    for (let i = 0; i < 505; i += 5) await Promise.all(Array.from({ length: 5 }, () => fetch(`${c.sandbox.apiHost}/psd2/aspspinformation/v1/countries`)));
    const log = await read();
    assert.equal(log.length, 500);
    assert.equal(log.at(-1)?.seq, mark + 505);
    assert.deepEqual(log.map((r) => r.seq), Array.from({ length: 500 }, (_, i) => mark + 6 + i), 'consecutive, oldest dropped first');
  });

  it('lists every access token and authorization code it issued, with client and grant, and the client secrets', async () => {
    const apiToken = await c.token('accountinformation private');
    const consentId = await createConsent(c, 'NDEASESS');
    const { callback, activation } = await redirectSca(c, 'consent', 'NDEASESS', { consentId });
    const code = callback.searchParams.get('code')!;
    const activationToken = String(activation?.json['access_token']);
    const res = await fetch(`${c.sandbox.apiHost}/__sandbox/secrets`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const report = (await res.json()) as IssuedSecretsReport;
    const token = report.accessTokens.find((t) => t.value === apiToken);
    assert.deepEqual({ ...token, issuedAt: undefined }, { value: apiToken, clientId: c.sandbox.client.clientId, scope: 'accountinformation private', grantType: 'client_credentials', issuedAt: undefined });
    assert.ok(Date.parse(token!.issuedAt) <= Date.now());
    assert.equal(report.accessTokens.find((t) => t.value === activationToken)?.grantType, 'authorization_code');
    assert.equal(report.authorizationCodes.find((t) => t.value === code)?.clientId, c.sandbox.client.clientId);
    assert.deepEqual(report.refreshTokens, [], 'the platform issues no refresh tokens (reference §3.4)');
    assert.ok(report.clientSecrets.some((s) => s.clientId === c.sandbox.client.clientId && s.value === c.sandbox.client.clientSecret));
    const values = [...report.accessTokens, ...report.authorizationCodes].map((t) => t.value);
    assert.equal(new Set(values).size, values.length, 'each secret once');
    assert.equal(report.dropped, 0);
  });

  it('keeps the newest secrets past its limit and counts the dropped ones; ignores what is not a secret', () => {
    const ledger = createIssuedSecrets([], 2);
    ledger.observe('Session', 's1', {});
    for (const id of ['a', 'b', 'c']) ledger.observe('ClientCredentials', id, { clientId: 'x', scope: 'aspspinformation private', iat: 1 });
    ledger.observe('ClientCredentials', 'c', { clientId: 'x' });
    const report = ledger.report();
    assert.deepEqual(report.accessTokens.map((t) => t.value), ['b', 'c']);
    assert.equal(report.dropped, 1);
    assert.equal(report.accessTokens[0]!.issuedAt, '1970-01-01T00:00:01.000Z');
  });

  it('answers loopback callers only', () => {
    const from = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as IncomingMessage;
    for (const address of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) assert.ok(isLoopback(from(address)), address);
    for (const address of ['10.0.0.5', '192.168.1.2', '::ffff:10.0.0.5', '2001:db8::1', '']) assert.ok(!isLoopback(from(address)), address);
  });
});

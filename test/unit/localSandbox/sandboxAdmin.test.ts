// The admin client the Local Sandbox view and the MCP server's tools share: it asks loopback hosts only, and
// reads the sandbox's answers into values or a reason the caller can turn into a sentence.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONSENT_BODY_TEMPLATE } from '../../../src/client/catalogue/catalogue';
import { SandboxAdmin } from '../../../src/client/sandboxAdmin/sandboxAdmin';
import { start, type Sandbox } from '../../../sandbox/index';

async function token(sandbox: Sandbox, scope: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.client.clientId, client_secret: sandbox.client.clientSecret, scope });
  const res = await fetch(`${sandbox.authHost}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  return String(((await res.json()) as { access_token: string }).access_token);
}

async function createConsent(sandbox: Sandbox): Promise<string> {
  const res = await fetch(`${sandbox.apiHost}/psd2/consent/v1/consents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(sandbox, 'accountinformation private')}`, 'x-request-id': crypto.randomUUID(), 'x-bicfi': 'NDEASESS', 'content-type': 'application/json', 'psu-ip-address': '192.168.0.1' },
    body: JSON.stringify(CONSENT_BODY_TEMPLATE),
  });
  assert.equal(res.status, 201);
  return String(((await res.json()) as { consentId: string }).consentId);
}

async function serve(answer: (res: http.ServerResponse) => void): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits += 1;
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the local sandbox admin client', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await start({ authPort: 0, apiPort: 0 });
  });
  after(() => sandbox.close());

  it('refuses every host that is not plain http on a loopback address, sending nothing', async () => {
    for (const host of ['https://api.sandbox.openbankingplatform.com', 'http://10.0.0.5:8402', 'http://example.com', 'https://127.0.0.2:8402', 'not a url']) {
      const admin = new SandboxAdmin(host);
      assert.equal(admin.isLoopback, false, host);
      assert.deepEqual(await admin.reset(), { ok: false, reason: 'notLoopback' }, host);
    }
    assert.equal(new SandboxAdmin(sandbox.apiHost).isLoopback, true);
  });

  it('says when nothing answers, or something that is not the sandbox does', async () => {
    const closed = await serve((res) => res.end());
    await closed.close();
    assert.deepEqual(await new SandboxAdmin(closed.url).consents(), { ok: false, reason: 'unreachable' });
    const page = await serve((res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not the sandbox</html>'));
    const other = await serve((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"consents":[{"id":1}]}'));
    try {
      assert.deepEqual(await new SandboxAdmin(page.url).reset(), { ok: false, reason: 'notSandbox' });
      assert.deepEqual(await new SandboxAdmin(other.url).consents(), { ok: false, reason: 'notSandbox' });
      assert.equal(page.hits() + other.hits(), 2);
    } finally {
      await Promise.all([page.close(), other.close()]);
    }
  });

  it('expires and lists a consent, settles nothing it does not hold, adds faults and resets', async () => {
    const admin = new SandboxAdmin(sandbox.apiHost);
    const consentId = await createConsent(sandbox);
    assert.deepEqual(await admin.consent(consentId, 'expire'), { ok: true, value: 'expired' });
    const listed = await admin.consents();
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.map((c) => [c.consentId, c.consentStatus]), [[consentId, 'expired']]);
    assert.deepEqual(await admin.payment('no-such-payment', 'settle'), { ok: false, reason: 'refused', status: 404 });
    assert.deepEqual(await admin.addFault({ kind: 'rate-limit', operations: ['getCountriesList'], times: 2, retryAfterSeconds: 7 }), { ok: true, value: 1 });
    assert.deepEqual(await admin.addFault({ kind: 'server-error', operations: [], times: 1 }), { ok: true, value: 2 });
    assert.deepEqual(await admin.reset(), { ok: true, value: { consents: 1, payments: 0, authorisations: 0, faults: 2 } });
    assert.deepEqual(await admin.consents(), { ok: true, value: [] });
    assert.deepEqual(await admin.clearFaults(), { ok: true, value: 0 });
  });
});

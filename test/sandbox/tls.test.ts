// The https + mTLS mode (production's client certificate, reference §2): both hosts on https with a test CA made
// at start, the API host refusing every TLS connection without a client certificate it trusts.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import type { Sandbox } from '../../sandbox/index';
import { startSandbox, useSandbox } from './helpers/client';
import { httpsRequest } from './helpers/https';

describe('sandbox https + mTLS mode', function () {
  // openssl makes the certificates at start: a few processes, slower on a busy machine.
  this.timeout(30_000);
  const demo = useSandbox({ tls: true });
  let ca: string;
  let token: string;

  before(async () => {
    ca = fs.readFileSync(demo.sandbox.tls!.caCertificatePath, 'utf8');
    const form = new URLSearchParams({ client_id: demo.sandbox.client.clientId, client_secret: demo.sandbox.client.clientSecret, grant_type: 'client_credentials', scope: 'aspspinformation private' });
    // No client certificate on the token call: the platform's sample presents it on API calls only (§2).
    const answer = await httpsRequest(`${demo.sandbox.authHost}/connect/token`, { method: 'POST', ca, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    assert.equal(answer.status, 200, answer.body);
    token = String(JSON.parse(answer.body).access_token);
  });

  const countries = (extra: https.RequestOptions) =>
    httpsRequest(`${demo.sandbox.apiHost}/psd2/aspspinformation/v1/countries`, { ca, headers: { authorization: `Bearer ${token}`, 'x-request-id': crypto.randomUUID(), accept: 'application/json' }, ...extra });
  const pfx = (which: keyof NonNullable<Sandbox['tls']>['clientCertificates']) => ({ pfx: fs.readFileSync(demo.sandbox.tls!.clientCertificates[which]), passphrase: demo.sandbox.tls!.passphrase });

  it('serves both hosts on https with a server certificate from the run\'s CA', () => {
    assert.match(demo.sandbox.authHost, /^https:\/\/127\.0\.0\.2:\d+$/);
    assert.match(demo.sandbox.apiHost, /^https:\/\/127\.0\.0\.2:\d+$/);
  });

  it('answers the API to a client certificate from its CA', async () => {
    const answer = await countries(pfx('valid'));
    assert.equal(answer.status, 200, answer.body);
    assert.ok(JSON.parse(answer.body).countries.length > 0);
  });

  for (const [name, options] of [
    ['no client certificate', {}],
    ['an expired client certificate', 'expired'],
    ['a client certificate from a CA it does not trust', 'untrusted'],
  ] as const) {
    it(`refuses the TLS connection for ${name}`, async () => {
      await assert.rejects(countries(typeof options === 'string' ? pfx(options) : options), (error: NodeJS.ErrnoException) => {
        assert.ok(['ECONNRESET', 'EPIPE'].includes(error.code ?? '') || /alert|socket hang up/i.test(error.message), `${error.code} ${error.message}`);
        return true;
      });
    });
  }

  it('makes certificates that are what they claim: the passphrase opens them, the expired one ended in 2020', () => {
    const expired = tls.createSecureContext(pfx('expired'));
    const socket = new tls.TLSSocket(null as never, { secureContext: expired });
    assert.match(String(socket.getCertificate() && (socket.getCertificate() as tls.PeerCertificate).valid_to), /2020/);
    socket.destroy();
    assert.throws(() => tls.createSecureContext({ ...pfx('valid'), passphrase: 'not the passphrase' }));
  });

  it('removes its certificate folder on close', async () => {
    const other = await startSandbox({ tls: true });
    const file = other.tls!.clientCertificates.valid;
    assert.ok(fs.existsSync(file));
    await other.close();
    assert.equal(fs.existsSync(file), false);
  });
});

// Decoupled SCA paced in time: a person running the sandbox sees the QR code refresh for a while before the
// PSU "signs", however often the client polls; tests keep the instant, read-stepped default.
import assert from 'node:assert/strict';
import { startSandbox, useSandbox } from './helpers/client';
import { createConsent, PSU_HEADERS, scaStatus, startAndSelect } from './helpers/flows';

const BIC = 'SWEDSESS';
const PREFER_DECOUPLED = { 'tpp-redirect-preferred': 'false' };

describe('sandbox: decoupled SCA paced in seconds', () => {
  let now = 1_000_000;
  const c = useSandbox({ decoupledSeconds: 10, clock: () => now });

  it('stays authenticationStarted, with a fresh QR token on every read, until half the time; started until the end; then finalised', async () => {
    const consentId = await createConsent(c, BIC, PREFER_DECOUPLED);
    const { authorisationId, selected } = await startAndSelect(c, 'consent', BIC, { consentId }, 'mbid_animated_qr_token', PREFER_DECOUPLED);
    assert.equal(selected.json['scaStatus'], 'authenticationStarted');
    const read = async () => (await scaStatus(c, 'consent', BIC, { consentId }, authorisationId)).json;

    // Many polls in the first seconds (the extension polls every second): still waiting, the QR keeps changing.
    const tokens = [selected.json['challengeData']['data'][0] as string];
    for (let i = 0; i < 6; i++) {
      now += 500;
      const body = await read();
      assert.equal(body['scaStatus'], 'authenticationStarted', `read ${i + 1} at ${(i + 1) * 0.5} s`);
      tokens.push(body['challengeData']['data'][0]);
    }
    assert.equal(new Set(tokens).size, tokens.length, 'every read shows a new animated QR token');

    now += 2_000; // 5 s of 10
    assert.equal((await read())['scaStatus'], 'started');
    now += 4_999;
    const signing = await read();
    assert.equal(signing['scaStatus'], 'started');
    assert.ok(signing['challengeData'], 'the challenge is still shown while signing');
    assert.equal((await c.call('getConsentStatus', { bic: BIC, params: { consentId }, headers: PSU_HEADERS })).json['consentStatus'], 'received');

    now += 1; // 10 s
    const done = await read();
    assert.equal(done['scaStatus'], 'finalised');
    assert.equal(done['challengeData'], undefined);
    assert.equal((await c.call('getConsentStatus', { bic: BIC, params: { consentId }, headers: PSU_HEADERS })).json['consentStatus'], 'valid');
  });

  it('a PSU denying in the app still ends it at the next read, before the time is up', async () => {
    const consentId = await createConsent(c, BIC, PREFER_DECOUPLED);
    const { authorisationId } = await startAndSelect(c, 'consent', BIC, { consentId }, 'mbid', PREFER_DECOUPLED);
    await fetch(`${c.sandbox.apiHost}/__sandbox/authorisations/${authorisationId}/deny`, { method: 'POST' });
    now += 1_000;
    assert.equal((await scaStatus(c, 'consent', BIC, { consentId }, authorisationId)).json['scaStatus'], 'failed');
  });

  it('refuses a negative or non-numeric pace at start', async () => {
    await assert.rejects(startSandbox({ decoupledSeconds: -1 }), /decoupledSeconds must be a non-negative number/);
    await assert.rejects(startSandbox({ decoupledSeconds: Number.NaN }), /decoupledSeconds must be a non-negative number/);
  });
});

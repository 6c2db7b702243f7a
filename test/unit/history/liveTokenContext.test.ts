// "Copy as cURL with Live Token" gets a token for the PSU context the recorded call was sent with, even after
// the context setting changed: through the real activate() wiring, against the real sandbox, with the token
// requests counted on the wire.
import assert from 'node:assert/strict';
import { activateExtension, eventually, type Activated } from '../fakes/activate';
import { commands, fake, requestsFake, viewsFake } from '../fakes/vscode';
import { useRecordedSandbox } from '../auth/support/tokenRecorder';

const CLIENT = { clientId: 'live-token-client', clientSecret: 'live-token-secret-0f7b' };

describe('Copy as cURL with Live Token: the recorded call\'s PSU context (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  const recorded = useRecordedSandbox(CLIENT);
  let ext: Activated;

  beforeEach(async () => {
    ext = await activateExtension();
    requestsFake.reset();
    const { sandbox, recorder } = recorded();
    fake.settings.set('openPayments.environment', { global: 'custom' });
    fake.settings.set('openPayments.authHost', { global: recorder.origin });
    fake.settings.set('openPayments.apiHost', { global: sandbox.apiHost });
    fake.settings.set('openPayments.psu.corporateId', { global: 'corp-4711' });
    await ext.api.credentials.set('custom', CLIENT);
    await ext.api.environment.refresh();
  });
  afterEach(() => ext.dispose());

  for (const [sentWith, nowSet] of [['corporate', 'private'], ['private', 'corporate']] as const) {
    it(`a call sent as ${sentWith} gets a ${sentWith} token although the setting is now ${nowSet}`, async () => {
      const { recorder } = recorded();
      fake.settings.set('openPayments.psuContext', { global: sentWith });
      await commands.executeCommand('openPayments.sendRequest', { operationId: 'getConsentStatus', params: { consentId: 'no-such-consent', 'X-BicFi': 'NDEASESS' } });
      await eventually(() => assert.equal(ext.api.history.entries().length, 1));
      const [entry] = ext.api.history.entries();
      assert.equal(entry?.replay?.context, sentWith);
      assert.equal(recorder.count(`accountinformation ${sentWith}`), 1, 'the call itself got its token');

      fake.settings.set('openPayments.psuContext', { global: nowSet });
      fake.answers.push('Copy with Live Token');
      assert.equal(await commands.executeCommand('openPayments.history.copyAsCurlWithLiveToken', entry), true);

      const issued = recorder.tokenRequests.filter((r) => r.scope === `accountinformation ${sentWith}`).map((r) => r.accessToken);
      const bearer = /Authorization: Bearer ([^'"\s]+)/.exec(viewsFake.clipboard)?.[1];
      assert.ok(bearer, `the copied command carries a token: ${viewsFake.clipboard.replace(/Bearer \S+/, 'Bearer …')}`);
      assert.ok(issued.includes(bearer), `the token is one issued for "accountinformation ${sentWith}"`);
      assert.equal(recorder.count(`accountinformation ${nowSet}`), 0, `no token was requested for the ${nowSet} context`);
    });
  }

  it('a corporate call whose body was too large to keep for Send Again still gets a corporate token', async () => {
    const { recorder } = recorded();
    fake.settings.set('openPayments.psuContext', { global: 'corporate' });
    const body = JSON.stringify({ access: { accounts: [] }, recurringIndicator: false, frequencyPerDay: 1, padding: 'x'.repeat(300 * 1024) });
    await commands.executeCommand('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' }, body });
    await eventually(() => assert.equal(ext.api.history.entries().length, 1));
    const [entry] = ext.api.history.entries();
    assert.equal(entry?.replay, undefined, 'the body was too large to keep');
    assert.equal(entry?.context, 'corporate');

    fake.settings.set('openPayments.psuContext', { global: 'private' });
    fake.answers.push('Copy with Live Token');
    assert.equal(await commands.executeCommand('openPayments.history.copyAsCurlWithLiveToken', entry), true);
    const bearer = /Authorization: Bearer ([^'"\s]+)/.exec(viewsFake.clipboard)?.[1];
    // The Consent API's tokens carry the accountinformation scope (reference §3).
    const issued = recorder.tokenRequests.filter((r) => r.scope === 'accountinformation corporate').map((r) => r.accessToken);
    assert.ok(bearer && issued.includes(bearer), 'the token is one issued for "accountinformation corporate"');
    assert.equal(recorder.count('accountinformation private'), 0, 'no token was requested for the private context');
  });
});

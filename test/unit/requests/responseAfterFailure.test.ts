// The response view shows the exchange the user just made: a failed request replaces an earlier answer in
// an open view, and a request that got no response says so (fake VS Code, real sandbox).
import assert from 'node:assert/strict';
import { CONSENT_BODY_TEMPLATE } from '../../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, viewsFake } from '../fakes/vscode';
import { usePsuSettings } from '../scaSession/support';

describe('the response view after a failed request (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('response-after-failure-client', 'response-after-failure-secret-2b9c');

  const html = () => current().ext.api.responsePanel.html ?? '';

  async function created(): Promise<void> {
    usePsuSettings();
    const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'ESSESESS' }, body: CONSENT_BODY_TEMPLATE });
    assert.ok(result?.ok);
    assert.match(html(), /<span class="status ok">201 /, 'the 201 is shown');
  }

  it('replaces a shown 201 with the 404 of the next request, in the same panel', async () => {
    await created();
    const failed = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getASPSPDetails', params: { bicFi: 'NOPESESS' } });
    assert.ok(failed && !failed.ok);
    assert.equal(viewsFake.panels.length, 1);
    assert.match(html(), /<span class="status error">404/);
    assert.match(html(), /RESOURCE_UNKNOWN/);
    assert.doesNotMatch(html(), /Create Consent|201 /, 'nothing of the earlier, unrelated response is left');
    assert.ok(failed.failure.requestId && html().includes(failed.failure.requestId), 'with the X-Request-ID of this request');
  });

  it('says that no response came back for a request that never reached the bank', async () => {
    await created();
    const refused = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getConsentStatus', params: { consentId: 'c-1', 'X-BicFi': 'ESSESESS' }, requestId: 'not-a-uuid' });
    assert.ok(refused && !refused.ok && refused.failure.attempts.length === 0, 'stopped before sending');
    assert.match(html(), /Get Consent Status/);
    assert.match(html(), /No response came back for this request\./);
    assert.doesNotMatch(html(), /Create Consent|201 /);
  });

  it('opens no panel for a failure when none was open', async () => {
    const failed = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getASPSPDetails', params: { bicFi: 'NOPESESS' } });
    assert.ok(failed && !failed.ok);
    assert.equal(viewsFake.panels.length, 0);
  });
});

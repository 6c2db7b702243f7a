// The assistant's tools as agent mode calls them: through vscode.lm.invokeTool in the real extension host, against
// the run's local sandbox. Every output is searched for the run's client secret and every token the sandbox issued.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { CONSENT_BODY_TEMPLATE, paymentBodyTemplate } from '../../src/client/catalogue/catalogue';
import { TOOLS } from '../../src/client/tools/toolTable';
import { eventually, extensionApi, issuedSecrets, RUN_SECRET, SANDBOX_AUTH_HOST, useSandboxEnvironment } from './support';

type Json = Record<string, unknown>;

/** The secret in the forms a careless result could carry it: as is, JSON-escaped, percent-encoded, base64. */
const formsOf = (secret: string): string[] => [
  secret,
  JSON.stringify(secret).slice(1, -1),
  encodeURIComponent(secret),
  Buffer.from(secret).toString('base64'),
  Buffer.from(secret).toString('base64url'),
];

describe('Language-model tools', function () {
  useSandboxEnvironment();
  const outputs: string[] = [];
  const used = new Set<string>();

  async function invoke(name: string, input: Json): Promise<Json> {
    used.add(name);
    const result = await vscode.lm.invokeTool(`openPayments_${name}`, { input, toolInvocationToken: undefined });
    const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    outputs.push(text);
    return JSON.parse(text) as Json;
  }

  /** The message of a refused call, which VS Code hands to the model. */
  async function refusal(name: string, input: Json): Promise<string> {
    try {
      await vscode.lm.invokeTool(`openPayments_${name}`, { input, toolInvocationToken: undefined });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outputs.push(message);
      return message;
    }
    assert.fail(`${name} was not refused`);
  }

  after(async () => {
    const secrets = [RUN_SECRET, ...(await issuedSecrets())].flatMap(formsOf);
    for (const output of outputs) for (const form of secrets) assert.ok(!output.includes(form), `a tool output carries a secret: ${output.slice(0, 80)}`);
  });

  it('runs every tool against the local sandbox', async () => {
    const banks = await invoke('findBanks', { country: 'SE' });
    assert.ok((banks.banks as Json[]).some((bank) => bank.bicFi === 'NDEASESS'), 'Nordea is among the Swedish banks');
    assert.equal((await invoke('bankRequirements', { bicFi: 'NDEASESS' })).bicFi, 'NDEASESS');
    assert.equal((await invoke('describeOperation', { operationId: 'createConsent' })).method, 'POST');

    const created = await invoke('sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' }, body: CONSENT_BODY_TEMPLATE });
    assert.equal(created.status, 201, JSON.stringify(created));
    const consentId = String((created.body as Json).consentId);
    assert.equal((await invoke('consentStatus', { consentId, bicFi: 'NDEASESS' })).consentStatus, 'received');
    const started = await invoke('startAuthorisation', { kind: 'consent', bicFi: 'NDEASESS', consentId });
    assert.equal(started.approach, 'REDIRECT');
    assert.ok(String(started.bankLink).startsWith(`${SANDBOX_AUTH_HOST}/`), `the bank link goes to the sandbox's login: ${String(started.bankLink)}`);
    assert.match(String(started.bankLink), /client_id=it-client/);

    // The tool's params check asks for every header the catalogue marks required, settings-sourced ones too.
    const params = { 'payment-service': 'payments', 'payment-product': 'domestic', 'X-BicFi': 'NDEASESS', 'PSU-IP-Address': '192.0.2.10' };
    const payment = await invoke('sendRequest', { operationId: 'initiatePayment', params, body: paymentBodyTemplate('domestic', 'NDEASESS') as Json });
    assert.equal(payment.status, 201, JSON.stringify(payment));
    const paymentId = String((payment.body as Json).paymentId);
    assert.equal((await invoke('paymentStatus', { paymentId, bicFi: 'NDEASESS', paymentProduct: 'domestic' })).transactionStatus, 'RCVD');

    // A failed call, then explained from History by its X-Request-ID.
    const failed = await invoke('sendRequest', { operationId: 'getConsentStatus', params: { consentId: 'no-such-consent', 'X-BicFi': 'NDEASESS' } });
    assert.equal(failed.ok, false);
    const { history } = await extensionApi();
    await eventually(() => assert.ok(history.entries().some((entry) => entry.requestId === failed.requestId), 'History recorded the tool\'s call'));
    const explained = await invoke('explainFailure', { requestId: String(failed.requestId) });
    assert.equal(explained.operationId, 'getConsentStatus');
    assert.notEqual(explained.outcome, 'success');
    assert.ok((explained.explanation as string[]).length > 0);

    // A Local Sandbox scenario: the bank's next answer for the consent is the expiry.
    const expired = await invoke('sandboxScenario', { action: 'expireConsent', consentId });
    assert.equal(expired.consentStatus, 'expired', JSON.stringify(expired));
    assert.equal((await invoke('consentStatus', { consentId, bicFi: 'NDEASESS' })).consentStatus, 'expired');

    assert.deepEqual([...used].sort(), TOOLS.map((tool) => tool.name).sort(), 'every tool ran');
  });

  it('refuses bad input and what the sandbox does not know, with a message that says what to do', async () => {
    assert.match(await refusal('findBanks', { country: 'Sweden' }), /"country" is "Sweden", which does not have the expected form, for example "SE"/);
    assert.match(await refusal('bankRequirements', { bicFi: 'NOSUCHXX' }), /X-Request-ID/);
    assert.match(await refusal('explainFailure', { requestId: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b' }), /History has no call with X-Request-ID 0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b/);
    assert.match(await refusal('sendRequest', { operationId: 'noSuchOperation' }), /"operationId" is "noSuchOperation"; it must be one of/);
  });

  it('asks for confirmation before a production call, and sends nothing there without credentials', async () => {
    const api = await extensionApi();
    const config = vscode.workspace.getConfiguration('openPayments');
    const logFile = path.join(api.logUri.fsPath, 'Open Payments.log');
    const entriesBefore = api.history.entries().length;
    await config.update('environment', 'production', vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () => assert.equal((await api.environment.refresh()).id, 'production'));
      // In extension tests VS Code's dialog service answers every confirmation itself (it "refused to show" it
      // and reports it confirmed), so the asking is proven by the tool's log line, and the call then stops at
      // the missing production credentials: no production host is reached.
      const message = await refusal('sendRequest', { operationId: 'getASPSPList', params: {}, confirmProduction: true });
      assert.match(message, /No client credentials are set for the Production environment, so nothing was sent/);
      await eventually(() => {
        const log = fs.readFileSync(logFile, 'utf8');
        assert.match(log, /Tool sendRequest: asked the user to confirm a call to the Production environment\./);
        assert.match(log, /Tool sendRequest: the user confirmed the call to the Production environment\./);
      }, 30_000);
      assert.match(await refusal('sandboxScenario', { action: 'reset' }), /only against the local sandbox .*the Production environment is not it, so nothing was sent/);
      assert.equal(api.history.entries().length, entriesBefore, 'nothing was sent, so History has no new call');
    } finally {
      await config.update('environment', 'custom', vscode.ConfigurationTarget.Global);
      await eventually(async () => assert.equal((await api.environment.refresh()).id, 'custom'));
    }
  });
});

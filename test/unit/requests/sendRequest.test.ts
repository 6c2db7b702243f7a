// Send Request through the real activate() with the fake vscode, against the real local sandbox over HTTP.
import assert from 'node:assert/strict';
import { OPERATIONS } from '../../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { issuedSecrets } from '../../support/sandboxAdmin';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, progress } from '../fakes/vscode';

const SECRET = 'unit-send-secret-4b1d7e';

describe('Send Request (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('unit-client', SECRET);

  const visible = () => {
    const { ext } = current();
    return JSON.stringify({ log: ext.log.lines, messages: fake.messages, state: ext.context.globalState.keys().map((k) => ext.context.globalState.get(k)) });
  };

  it('offers every catalogue operation once, grouped by product', async () => {
    fake.answers.push(undefined);
    await commands.executeCommand('openPayments.sendRequest');
    const items = fake.prompts[0]?.options.items as { id?: string; label: string; kind?: number }[];
    const operations = items.filter((item) => item.id);
    assert.deepEqual(operations.map((item) => item.id), OPERATIONS.map((o) => o.id));
    assert.deepEqual(
      items.filter((item) => item.kind === -1).map((item) => item.label),
      ['ASPSP Information', 'Consent', 'Account Information', 'Payment Initiation'],
    );
  });

  it('asks required parameters, validates them, remembers them, and sends', async () => {
    fake.answers.push('getASPSPDetails', 'NDEASESS', []);
    const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest');
    assert.ok(result?.ok, 'sent');
    assert.equal(result.exchange.status, 200);
    const bicPrompt = fake.prompts.find((p) => p.kind === 'input')?.options;
    assert.equal(bicPrompt.validateInput('nordea'), 'bicFi must look like ESSESESS. BIC of the bank.');
    assert.match(bicPrompt.validateInput(''), /bicFi is required/);
    assert.equal(bicPrompt.ignoreFocusOut, true);
    assert.ok(current().ext.log.lines.some((line) => line.includes(`GET /psd2/aspspinformation/v1/aspsps/NDEASESS 200`) && line.includes(result.exchange.requestId)));

    fake.prompts.length = 0;
    fake.answers.push('getASPSPDetails', undefined);
    await commands.executeCommand('openPayments.sendRequest');
    assert.equal(fake.prompts.find((p) => p.kind === 'input')?.options.value, 'NDEASESS', 'the last value is offered again');
  });

  it('words a rejected call with status, code and X-Request-ID but never the server text', async () => {
    const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest', {
      operationId: 'getConsentStatus',
      params: { consentId: 'missing', 'X-BicFi': 'NDEASESS' },
    });
    assert.ok(result && !result.ok);
    const error = fake.messages.find((m) => m.severity === 'error');
    assert.ok(error);
    assert.ok(error.message.includes(result.failure.requestId ?? 'none'), error.message);
    assert.match(error.message, /^Get Consent Status was rejected with HTTP 4\d\d \([A-Z_]+\)/);
    for (const message of result.failure.tppMessages ?? []) {
      if (message.text) assert.ok(!error.message.includes(message.text), 'server text stays out of the notification');
    }
    assert.deepEqual(error.items, ['Show Response', 'Show Log']);
  });

  it('asks for credentials instead of sending when none are set', async () => {
    await current().ext.api.credentials.clear('custom');
    const result = await commands.executeCommand('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    assert.equal(result, undefined);
    const message = fake.messages.at(-1);
    assert.match(message?.message ?? '', /needs client credentials for the Custom Hosts environment/);
    assert.deepEqual(message?.items, ['Set Client Credentials']);
  });

  it('cancels from the progress notification', async () => {
    progress.shown.length = 0;
    await fetch(`${current().sandbox.apiHost}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ kind: 'slow', operations: ['getCountriesList'], delayMs: 5000, times: 1 }]),
    });
    const pending = commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    while (!progress.shown.length) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(progress.shown[0]?.cancellable, true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    progress.shown[0]?.cancel();
    const result = await pending;
    assert.ok(result && !result.ok);
    assert.equal(result.failure.kind, 'cancelled');
    assert.match(fake.messages.at(-1)?.message ?? '', /Get Country List was cancelled/);
  });

  it('keeps the client secret and tokens out of the log, messages and state', async () => {
    await commands.executeCommand('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    await commands.executeCommand('openPayments.sendRequest', { operationId: 'getConsentStatus', params: { consentId: 'x', 'X-BicFi': 'HANDSESS' } });
    assert.ok(!visible().includes(SECRET));
    // Searched by value, not by a "Bearer" prefix: a token that leaked bare would pass a prefix check.
    const tokens = await issuedSecrets(current().sandbox.apiHost);
    assert.ok(tokens.length > 0, 'the sandbox issued tokens to search for');
    const shown = visible();
    assert.deepEqual(tokens.filter((token) => shown.includes(token)), [], 'no issued token is in the log, messages or state');
  });
});

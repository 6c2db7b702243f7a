import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, extensionApi, RUN_SECRET, withPrompter } from './support';

describe('client credentials in the real SecretStorage', () => {
  afterEach(async () => {
    const api = await extensionApi();
    await api.credentials.clear('sandbox');
    await api.environment.refresh();
  });

  it('stores through the command, round-trips through SecretStorage and sets the context', async () => {
    const api = await extensionApi();
    await vscode.workspace.getConfiguration('openPayments').update('environment', 'sandbox', vscode.ConfigurationTarget.Global);
    const stored = await withPrompter(api, ['it-client', RUN_SECRET], () =>
      vscode.commands.executeCommand<boolean>('openPayments.setClientCredentials'),
    );
    assert.equal(stored, true);
    assert.deepEqual(await api.credentials.get('sandbox'), { clientId: 'it-client', clientSecret: RUN_SECRET });
    await eventually(() => assert.equal(api.environment.state.hasCredentials, true));
  });

  it('Escape at the secret keeps what was stored', async () => {
    const api = await extensionApi();
    await api.credentials.set('sandbox', { clientId: 'kept-client', clientSecret: RUN_SECRET });
    const stored = await withPrompter(api, ['new-client', undefined], () =>
      vscode.commands.executeCommand<boolean>('openPayments.setClientCredentials'),
    );
    assert.equal(stored, false);
    assert.deepEqual(await api.credentials.get('sandbox'), { clientId: 'kept-client', clientSecret: RUN_SECRET });
  });

  it('clears after confirmation', async () => {
    const api = await extensionApi();
    await api.credentials.set('sandbox', { clientId: 'to-clear', clientSecret: RUN_SECRET });
    await api.environment.refresh();
    const cleared = await withPrompter(api, [true], () =>
      vscode.commands.executeCommand<boolean>('openPayments.clearClientCredentials'),
    );
    assert.equal(cleared, true);
    assert.equal(await api.credentials.get('sandbox'), undefined);
    assert.equal(api.environment.state.hasCredentials, false);
  });

  it('keeps the secret out of settings, and teaches the log redactor', async () => {
    const api = await extensionApi();
    await withPrompter(api, ['scan-client', RUN_SECRET], () => vscode.commands.executeCommand('openPayments.setClientCredentials'));
    const settings = JSON.stringify(vscode.workspace.getConfiguration('openPayments'));
    assert.ok(!settings.includes(RUN_SECRET));
    // The harness also searches every file VS Code wrote (settings, state, logs) for this secret after the run.
    assert.equal(api.redactor.redact(`failed for ${RUN_SECRET}`), 'failed for ***');
  });
});

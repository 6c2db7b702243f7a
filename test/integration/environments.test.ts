import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, extensionApi, withPrompter } from './support';

describe('environments in the real settings', () => {
  const config = () => vscode.workspace.getConfiguration('openPayments');

  afterEach(async () => {
    await config().update('environment', undefined, vscode.ConfigurationTarget.Global);
    await config().update('authHost', undefined, vscode.ConfigurationTarget.Global);
    await config().update('apiHost', undefined, vscode.ConfigurationTarget.Global);
  });

  it('switches through the quick pick and writes the user setting', async () => {
    const api = await extensionApi();
    const chosen = await withPrompter(api, ['local'], () => vscode.commands.executeCommand('openPayments.chooseEnvironment'));
    assert.equal(chosen, 'local');
    assert.equal(config().inspect('environment')?.globalValue, 'local');
    const state = api.environment.state;
    assert.ok(state.resolution.ok);
    assert.equal(state.resolution.environment.apiHost, 'http://127.0.0.2:8402');
  });

  it('follows a setting changed outside the extension', async () => {
    const api = await extensionApi();
    await config().update('environment', 'production', vscode.ConfigurationTarget.Global);
    await eventually(() => assert.equal(api.environment.state.id, 'production'));
    const state = api.environment.state;
    assert.ok(state.resolution.ok && state.resolution.environment.isProduction);
  });

  it('validates custom hosts and stores them in user settings', async () => {
    const api = await extensionApi();
    const chosen = await withPrompter(api, ['custom', 'https://auth.example.test', 'http://127.0.0.1:9123'], () =>
      vscode.commands.executeCommand('openPayments.chooseEnvironment'),
    );
    assert.equal(chosen, 'custom');
    assert.equal(config().inspect('authHost')?.globalValue, 'https://auth.example.test');
    assert.equal(config().inspect('apiHost')?.globalValue, 'http://127.0.0.1:9123');
    await config().update('apiHost', 'http://api.example.test', vscode.ConfigurationTarget.Global);
    await eventually(() => assert.equal(api.environment.state.resolution.ok, false));
  });
});

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './support';

describe('activation in a real VS Code', () => {
  it('activates and runs in test mode in the real extension host', async () => {
    const api = await extensionApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.isActive, true);
    assert.ok(api.environment.state.id, 'an environment is in force');
    assert.match(vscode.version, /^1\.(\d+)\./);
    assert.ok(Number(vscode.version.split('.')[1]) >= 100, `VS Code ${vscode.version} is at least 1.100`);
  });

  it('registers every contributed command', async () => {
    await extensionApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed: { command: string }[] = extension?.packageJSON.contributes.commands ?? [];
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(contributed.length >= 5);
    for (const { command } of contributed) assert.ok(registered.has(command), `${command} is registered`);
  });

  it('opens the Open Payments container with its three views', async () => {
    await extensionApi();
    await vscode.commands.executeCommand('workbench.view.extension.openPayments');
    // Focusing each view proves VS Code knows it from the manifest.
    for (const view of ['openPayments.banks', 'openPayments.consents', 'openPayments.history']) {
      await vscode.commands.executeCommand(`${view}.focus`);
    }
  });
});

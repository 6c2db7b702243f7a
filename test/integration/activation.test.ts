import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, EXTENSION_ID, extensionApi } from './support';

describe('activation in a real VS Code', () => {
  // Must run first in a fresh window: nothing before it may have opened a view or run a command of ours.
  it('does not run in a window that has not used it, and starts when one of its commands runs', async function () {
    this.timeout(90_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    // Startup is finished once a built-in extension that waits for onStartupFinished is active; an extension
    // activated on that event as well would be active by then too.
    await eventually(() => assert.equal(vscode.extensions.getExtension('vscode.merge-conflict')?.isActive, true, 'startup finished'), 30_000);
    assert.equal(extension.isActive, false, 'not active after the window started');
    // Running a command is a use (onCommand:). The views are left unopened here, so the views test below is the
    // first to show them; activation by opening a view (onView:) is proven by the newcomer's UI journey.
    await vscode.commands.executeCommand('openPayments.showLog');
    await eventually(() => assert.equal(extension.isActive, true, 'active once a command of ours runs'), 30_000);
  });

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

  it('opens the Open Payments container, whose three views ask their data providers for items', async () => {
    const api = await extensionApi();
    // The workbench asks a view's provider for its items only once the view is shown, so a call proves it is.
    const asked = new Set<string>();
    const banks = api.banks.getChildren.bind(api.banks);
    const consents = api.consents.getChildren.bind(api.consents);
    const entries = api.history.entries.bind(api.history);
    api.banks.getChildren = (node) => (asked.add('openPayments.banks'), banks(node));
    api.consents.getChildren = (node) => (asked.add('openPayments.consents'), consents(node));
    api.history.entries = () => (asked.add('openPayments.history'), entries());
    try {
      await vscode.commands.executeCommand('workbench.view.extension.openPayments');
      for (const view of ['openPayments.banks', 'openPayments.consents', 'openPayments.history']) {
        await vscode.commands.executeCommand(`${view}.focus`);
      }
      await eventually(() => assert.deepEqual([...asked].sort(), ['openPayments.banks', 'openPayments.consents', 'openPayments.history']), 30_000);
    } finally {
      api.banks.getChildren = banks;
      api.consents.getChildren = consents;
      api.history.entries = entries;
    }
  });
});

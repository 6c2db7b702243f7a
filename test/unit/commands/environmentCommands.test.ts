import assert from 'node:assert/strict';
import { activateExtension, type Activated, eventually } from '../fakes/activate';
import { commands, fake } from '../fakes/vscode';

function statusBar() {
  const item = fake.statusBarItems.find((candidate) => candidate.id === 'openPayments.environment');
  if (!item) throw new Error('no environment status bar item');
  return item;
}

describe('Choose Environment and the status bar', () => {
  let ext: Activated;

  beforeEach(async () => {
    ext = await activateExtension();
  });
  afterEach(() => ext.dispose());

  it('shows the active environment in the status bar, and clicking it switches', () => {
    const item = statusBar();
    assert.equal(item.visible, true);
    assert.equal(item.text, '$(globe) Open Payments: Sandbox');
    assert.equal(item.command, 'openPayments.chooseEnvironment');
    assert.equal(item.backgroundColor, undefined);
  });

  it('offers all four environments with their hosts, marking the current one', async () => {
    fake.answers.push(undefined);
    assert.equal(await commands.executeCommand('openPayments.chooseEnvironment'), undefined);
    const items = fake.prompts[0]?.options.items as { id: string; detail: string; description?: string }[];
    assert.deepEqual(items.map((item) => item.id), ['sandbox', 'production', 'local', 'custom']);
    assert.equal(items[0]?.description, 'current');
    assert.match(items[1]?.detail ?? '', /https:\/\/auth\.openbankingplatform\.com · https:\/\/api\.openbankingplatform\.com/);
    assert.equal(fake.settings.get('openPayments.environment'), undefined, 'Escape changes nothing');
  });

  it('marks production visibly', async () => {
    fake.answers.push('production');
    assert.equal(await commands.executeCommand('openPayments.chooseEnvironment'), 'production');
    assert.equal(fake.settings.get('openPayments.environment')?.global, 'production');
    const item = statusBar();
    assert.equal(item.text, '$(warning) Open Payments: PRODUCTION');
    assert.equal(item.backgroundColor?.id, 'statusBarItem.warningBackground');
    assert.equal(fake.context.get('openPayments.environment'), 'production');
  });

  it('asks for custom hosts, validating them as the user types', async () => {
    fake.answers.push('custom', 'https://auth.example.com/', 'http://127.0.0.1:9100');
    assert.equal(await commands.executeCommand('openPayments.chooseEnvironment'), 'custom');
    assert.equal(fake.settings.get('openPayments.authHost')?.global, 'https://auth.example.com');
    assert.equal(fake.settings.get('openPayments.apiHost')?.global, 'http://127.0.0.1:9100');
    const hostPrompt = fake.prompts[1]?.options;
    assert.match(hostPrompt.validateInput('http://api.example.com'), /plain http for api\.example\.com, which is not a loopback address/);
    assert.match(hostPrompt.validateInput('nope'), /is not an absolute URL/);
    assert.equal(hostPrompt.validateInput('https://ok.example.com'), undefined);
    assert.equal(statusBar().text, '$(globe) Open Payments: Custom Hosts');
  });

  it('keeps the previous environment when the user cancels the custom hosts', async () => {
    fake.answers.push('custom', 'https://auth.example.com', undefined);
    assert.equal(await commands.executeCommand('openPayments.chooseEnvironment'), undefined);
    assert.equal(fake.settings.get('openPayments.environment'), undefined);
    assert.equal(fake.settings.get('openPayments.authHost'), undefined, 'half an answer is not stored');
  });

  it('shows a clear problem when custom hosts in settings are invalid', async () => {
    fake.settings.set('openPayments.authHost', { global: 'http://auth.example.com' });
    fake.settings.set('openPayments.apiHost', { global: 'https://api.example.com' });
    await ext.api.environment.refresh();
    fake.answers.push('custom');
    // Invalid hosts make the command ask for them; the user cancels.
    await commands.executeCommand('openPayments.chooseEnvironment');
    const workspace = await import('../fakes/vscode');
    await workspace.workspace.getConfiguration('openPayments').update('environment', 'custom', 1);
    await eventually(() => assert.equal(fake.context.get('openPayments.environmentInvalid'), true));
    const item = statusBar();
    assert.equal(item.text, '$(error) Open Payments: Custom Hosts');
    assert.match(String((item.tooltip as { value: string }).value), /openPayments\\\.authHost uses plain http for auth\\\.example\\\.com/);
  });

  it('keeps a workspace choice in the workspace', async () => {
    fake.settings.set('openPayments.environment', { workspace: 'sandbox' });
    fake.answers.push('local');
    await commands.executeCommand('openPayments.chooseEnvironment');
    assert.deepEqual(fake.settings.get('openPayments.environment'), { workspace: 'local' });
  });

  it('follows settings edited by hand', async () => {
    const { workspace } = await import('../fakes/vscode');
    await workspace.getConfiguration('openPayments').update('environment', 'local', 1);
    await eventually(() => assert.equal(statusBar().text, '$(globe) Open Payments: Local Sandbox'));
    assert.ok(ext.log.lines.some((line) => line.includes('Environment local (http://127.0.0.2:8401, http://127.0.0.2:8402)')));
  });
});

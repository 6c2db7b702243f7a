import assert from 'node:assert/strict';
import { activateExtension, type Activated, eventually } from '../fakes/activate';
import { commands, fake } from '../fakes/vscode';

const SECRET = 'unit-test-client-secret-9f2c';
const KEY = 'openPayments.clientCredentials.sandbox';

describe('Set / Clear Client Credentials', () => {
  let ext: Activated;

  beforeEach(async () => {
    ext = await activateExtension();
  });
  afterEach(() => ext.dispose());

  function everythingVisible(): string {
    return JSON.stringify({
      log: ext.log.lines,
      messages: fake.messages,
      settings: [...fake.settings.entries()],
      globalState: ext.context.globalState.keys().map((k) => [k, ext.context.globalState.get(k)]),
      statusBar: fake.statusBarItems.map((item) => [item.text, item.tooltip]),
    });
  }

  it('stores both values in secret storage only and flips the context key', async () => {
    assert.equal(fake.context.get('openPayments.hasCredentials'), false);
    fake.answers.push('my-client', SECRET);
    assert.equal(await commands.executeCommand('openPayments.setClientCredentials'), true);

    assert.deepEqual(JSON.parse(ext.context.secrets.values.get(KEY) ?? '{}'), { clientId: 'my-client', clientSecret: SECRET });
    assert.equal(fake.context.get('openPayments.hasCredentials'), true);
    assert.match(fake.messages.at(-1)?.message ?? '', /Sandbox are saved in VS Code's secret storage/);
    assert.ok(!everythingVisible().includes(SECRET), 'the secret leaked into log, settings, state or UI');
    assert.ok(ext.log.lines.some((line) => line.includes('my-client')), 'the client_id is logged for tracing');
  });

  it('asks for the secret in a password box that survives focus loss', async () => {
    fake.answers.push('my-client', SECRET);
    await commands.executeCommand('openPayments.setClientCredentials');
    const [idPrompt, secretPrompt] = fake.prompts.map((prompt) => prompt.options);
    assert.equal(idPrompt.ignoreFocusOut, true);
    assert.notEqual(idPrompt.password, true);
    assert.equal(secretPrompt.password, true);
    assert.equal(secretPrompt.ignoreFocusOut, true);
    assert.match(idPrompt.title, /Sandbox/);
  });

  it('refuses blank input with a clear message while typing', async () => {
    fake.answers.push('my-client', SECRET);
    await commands.executeCommand('openPayments.setClientCredentials');
    const [idPrompt, secretPrompt] = fake.prompts.map((prompt) => prompt.options);
    assert.equal(idPrompt.validateInput('   '), 'The client_id cannot be empty.');
    assert.equal(secretPrompt.validateInput(''), 'The client_secret cannot be empty.');
    assert.equal(idPrompt.validateInput('x'), undefined);
  });

  it('refuses a secret too short to mask or made only of invisible characters, in the box, keeping what was typed', async () => {
    fake.answers.push('my-client', SECRET);
    await commands.executeCommand('openPayments.setClientCredentials');
    const secretPrompt = fake.prompts.map((prompt) => prompt.options)[1];
    assert.equal(secretPrompt.validateInput('abc'), 'The client_secret must have at least 8 visible characters. Check that the whole value was pasted.');
    assert.equal(secretPrompt.validateInput('\u200B'), 'The client_secret is made only of invisible characters (such as a zero-width space). Copy it again from where it was issued.');
    assert.equal(secretPrompt.validateInput(SECRET), undefined);
  });

  it('changes nothing when the user presses Escape at either step', async () => {
    fake.answers.push('first', 'first-secret-value');
    await commands.executeCommand('openPayments.setClientCredentials');
    const before = ext.context.secrets.values.get(KEY);

    fake.answers.push(undefined);
    assert.equal(await commands.executeCommand('openPayments.setClientCredentials'), false);
    fake.answers.push('second', undefined);
    assert.equal(await commands.executeCommand('openPayments.setClientCredentials'), false);
    assert.equal(ext.context.secrets.values.get(KEY), before);
    assert.equal(fake.context.get('openPayments.hasCredentials'), true);
  });

  it('says so when the OS keychain refuses, never naming the secret, and keeps the typed client_id', async () => {
    ext.context.secrets.failWrites = true;
    fake.answers.push('refused-client', SECRET);
    assert.equal(await commands.executeCommand('openPayments.setClientCredentials'), false);
    const error = fake.messages.find((m) => m.severity === 'error');
    assert.equal(error?.message, "The client credentials could not be saved in VS Code's secret storage. See the Open Payments log for details.");
    assert.ok(ext.log.lines.some((line) => line.includes('The keychain refused to store')), 'the log says what failed');
    assert.equal(fake.context.get('openPayments.hasCredentials'), false);
    assert.ok(!everythingVisible().includes(SECRET));
    ext.context.secrets.failWrites = false;
    fake.answers.push(undefined);
    await commands.executeCommand('openPayments.setClientCredentials');
    assert.equal(fake.prompts.at(-1)?.options.value, 'refused-client', 'the client_id is offered again');
  });

  it('says so when the OS keychain refuses to remove the credentials, which stay in force', async () => {
    fake.answers.push('kept-client', SECRET);
    await commands.executeCommand('openPayments.setClientCredentials');
    ext.context.secrets.failWrites = true;
    fake.answers.push('Remove');
    assert.equal(await commands.executeCommand('openPayments.clearClientCredentials'), false);
    assert.equal(fake.messages.at(-1)?.message, "The client credentials for Sandbox could not be removed from VS Code's secret storage. See the Open Payments log, then try again.");
    assert.equal(fake.context.get('openPayments.hasCredentials'), true);
    assert.ok(ext.log.lines.some((line) => line.includes('The keychain refused to delete')));
    assert.ok(!everythingVisible().includes(SECRET));
  });

  it('keeps the client_id the user typed when they cancel at the secret', async () => {
    fake.answers.push('typed-client', undefined);
    await commands.executeCommand('openPayments.setClientCredentials');
    fake.prompts.length = 0;
    fake.answers.push(undefined);
    await commands.executeCommand('openPayments.setClientCredentials');
    assert.equal(fake.prompts[0]?.options.value, 'typed-client');
  });

  it('offers the stored client_id (never the secret) when changing credentials', async () => {
    fake.answers.push('stored-client', SECRET);
    await commands.executeCommand('openPayments.setClientCredentials');
    fake.prompts.length = 0;
    fake.answers.push('stored-client', undefined);
    await commands.executeCommand('openPayments.setClientCredentials');
    assert.equal(fake.prompts[0]?.options.value, 'stored-client');
    assert.equal(fake.prompts[1]?.options.value, undefined);
  });

  it('stores credentials per environment', async () => {
    fake.answers.push('sandbox-client', SECRET);
    await commands.executeCommand('openPayments.setClientCredentials');
    fake.answers.push('local');
    await commands.executeCommand('openPayments.chooseEnvironment');
    assert.equal(fake.context.get('openPayments.hasCredentials'), false);
    fake.answers.push('local-client', 'local-secret-value');
    await commands.executeCommand('openPayments.setClientCredentials');
    assert.ok(ext.context.secrets.values.has('openPayments.clientCredentials.local'));
    assert.ok(ext.context.secrets.values.has(KEY));
  });

  it('clears only after confirmation', async () => {
    fake.answers.push('my-client', SECRET);
    await commands.executeCommand('openPayments.setClientCredentials');

    fake.answers.push(undefined);
    assert.equal(await commands.executeCommand('openPayments.clearClientCredentials'), false);
    assert.ok(ext.context.secrets.values.has(KEY));

    fake.answers.push('Remove');
    assert.equal(await commands.executeCommand('openPayments.clearClientCredentials'), true);
    assert.ok(!ext.context.secrets.values.has(KEY));
    assert.equal(fake.context.get('openPayments.hasCredentials'), false);
    assert.ok(!everythingVisible().includes(SECRET));
  });

  it('says so when there is nothing to clear', async () => {
    assert.equal(await commands.executeCommand('openPayments.clearClientCredentials'), false);
    assert.match(fake.messages.at(-1)?.message ?? '', /no client credentials stored for Sandbox/);
  });

  it('picks up credentials stored or removed by another window', async () => {
    await ext.context.secrets.store(KEY, JSON.stringify({ clientId: 'other', clientSecret: 'other-window-secret' }));
    await eventually(() => assert.equal(fake.context.get('openPayments.hasCredentials'), true));
    await ext.context.secrets.delete(KEY);
    await eventually(() => assert.equal(fake.context.get('openPayments.hasCredentials'), false));
  });
});

describe('environment state refresh', () => {
  it('reflects a change made while an earlier read was still running', async () => {
    const ext = await activateExtension();
    try {
      const secrets = ext.context.secrets;
      // Slow reads make the race visible: the first refresh starts before the credentials are stored.
      const originalGet = secrets.get.bind(secrets);
      secrets.get = async (key: string) => {
        const value = await originalGet(key);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return value;
      };
      const first = ext.api.environment.refresh();
      await secrets.store('openPayments.clientCredentials.sandbox', JSON.stringify({ clientId: 'a', clientSecret: 'bbbb' }));
      const second = await ext.api.environment.refresh();
      assert.equal((await first).hasCredentials, false);
      assert.equal(second.hasCredentials, true);
    } finally {
      ext.dispose();
    }
  });
});

describe('environment change events', () => {
  it('fire for real changes only, so views that reload on a change cannot loop', async () => {
    const ext = await activateExtension();
    try {
      let fired = 0;
      const subscription = ext.api.environment.onDidChange(() => (fired += 1));
      await ext.api.environment.refresh();
      await ext.api.environment.refresh();
      assert.equal(fired, 0, 'a re-read with nothing changed is silent');
      await ext.context.secrets.store('openPayments.clientCredentials.sandbox', JSON.stringify({ clientId: 'a', clientSecret: 'bbbb' }));
      await ext.api.environment.refresh();
      assert.equal(fired, 1);
      subscription.dispose();
    } finally {
      ext.dispose();
    }
  });
});

describe('client certificate passphrase', () => {
  it('is stored only in secret storage, asked in a password box, and masked in the log', async () => {
    const ext = await activateExtension();
    try {
      fake.answers.push('pfx-passphrase-77');
      assert.equal(await commands.executeCommand('openPayments.setCertificatePassphrase'), true);
      assert.equal(ext.context.secrets.values.get('openPayments.clientCertificatePassphrase'), 'pfx-passphrase-77');
      assert.equal(fake.prompts[0]?.options.password, true);
      assert.equal(ext.api.redactor.redact('x pfx-passphrase-77'), 'x ***');
      assert.ok(!JSON.stringify([...fake.settings, ext.log.lines, fake.messages]).includes('pfx-passphrase-77'));
      await commands.executeCommand('openPayments.clearCertificatePassphrase');
      assert.equal(ext.context.secrets.values.has('openPayments.clientCertificatePassphrase'), false);
    } finally {
      ext.dispose();
    }
  });

  it('refuses a passphrase shorter than 4 characters or made only of invisible characters, in the box, and takes 4', async () => {
    const ext = await activateExtension();
    try {
      fake.answers.push('abcd');
      assert.equal(await commands.executeCommand('openPayments.setCertificatePassphrase'), true);
      const validate = fake.prompts[0]?.options.validateInput;
      assert.equal(validate?.('abc'), 'The passphrase must have at least 4 visible characters. Check that the whole value was pasted.');
      assert.match(validate?.('\uFEFF\u200D') ?? '', /cannot be empty|invisible characters/);
      assert.equal(validate?.('abcd'), undefined);
    } finally {
      ext.dispose();
    }
  });

  it('says so when the OS keychain refuses to store or remove it, without naming it', async () => {
    const ext = await activateExtension();
    try {
      ext.context.secrets.failWrites = true;
      fake.answers.push('pfx-passphrase-refused');
      assert.equal(await commands.executeCommand('openPayments.setCertificatePassphrase'), false);
      assert.match(fake.messages.at(-1)?.message ?? '', /^The client certificate passphrase could not be saved in VS Code's secret storage\. .*"Set Client Certificate Passphrase" again\.$/);
      assert.equal(await commands.executeCommand('openPayments.clearCertificatePassphrase'), false);
      assert.match(fake.messages.at(-1)?.message ?? '', /^The client certificate passphrase could not be removed/);
      assert.ok(ext.log.lines.filter((line) => line.includes('The keychain refused')).length === 2, 'both failures are logged');
      assert.ok(!JSON.stringify([ext.log.lines, fake.messages]).includes('pfx-passphrase-refused'));
    } finally {
      ext.dispose();
    }
  });
});

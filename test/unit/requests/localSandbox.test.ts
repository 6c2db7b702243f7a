import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { start, type Sandbox } from '../../../sandbox/index';
import { fetchDemoClient } from '../../../src/client/environments/localSandboxClient';
import { LocalSandboxCommand } from '../../../src/features/setup/localSandboxCommand';
import { activateExtension } from '../fakes/activate';
import { commands, fake } from '../fakes/vscode';
import { EnvironmentSettings } from '../../../src/host/settings/environmentSettings';
import { SettingsReader } from '../../../src/host/settings/settingsReader';
import { Logger } from '../../../src/host/logger';
import { Redactor } from '../../../src/client/redaction/redaction';

/** A pause in the user's clicking that comes when the test says so. */
function heldPause() {
  let release: () => void = () => undefined;
  let times = 0;
  return {
    pause: () => {
      times++;
      return new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
    times: () => times,
    async asked() {
      for (let i = 0; i < 200 && times === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    },
  };
}

describe('Use Local Sandbox', function () {
  this.timeout(15_000);
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await start({});
  });
  after(async () => sandbox.close());

  it('reads the demo client from a running sandbox', async () => {
    const result = await fetchDemoClient(sandbox.apiHost);
    assert.deepEqual(result, { ok: true, client: sandbox.client });
  });

  it('never asks a host that is not loopback, and says why it failed otherwise', async () => {
    assert.deepEqual(await fetchDemoClient('http://api.example.com'), { ok: false, reason: 'notLoopback' });
    assert.deepEqual(await fetchDemoClient('https://127.0.0.1:1'), { ok: false, reason: 'notLoopback' });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    assert.deepEqual(await fetchDemoClient(`http://127.0.0.1:${port}`), { ok: false, reason: 'unreachable' });
    const html = http.createServer((_req, res) => res.end('<html>not the sandbox</html>'));
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    try {
      assert.deepEqual(await fetchDemoClient(`http://127.0.0.1:${(html.address() as AddressInfo).port}`), { ok: false, reason: 'notSandbox' });
    } finally {
      html.close();
    }
  });

  it('stores the demo client for the local environment and switches to it', async () => {
    const ext = await activateExtension();
    try {
      const command = new LocalSandboxCommand(
        ext.api.credentials,
        new EnvironmentSettings(new SettingsReader()),
        ext.api.environment,
        new Logger(fake.channels[0] as never, new Redactor()),
        { apiHost: sandbox.apiHost },
      );
      assert.equal(await command.run(), true);
      assert.deepEqual(await ext.api.credentials.get('local'), { clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret });
      assert.equal(fake.settings.get('openPayments.environment')?.global, 'local');
      assert.equal(fake.context.get('openPayments.hasCredentials'), true);
      assert.ok(!JSON.stringify(ext.log.lines).includes(sandbox.client.clientSecret));
    } finally {
      ext.dispose();
    }
  });

  it('switches the views to the local environment while its setting is still being written', async () => {
    const ext = await activateExtension();
    try {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      class SlowSettings extends EnvironmentSettings {
        override async select(id: Parameters<EnvironmentSettings['select']>[0]): Promise<void> {
          await gate;
          await super.select(id);
        }
      }
      const states: string[] = [];
      const listening = ext.api.environment.onDidChange((state) => states.push(`${state.id}:${state.hasCredentials}`));
      const command = new LocalSandboxCommand(ext.api.credentials, new SlowSettings(new SettingsReader()), ext.api.environment, new Logger(fake.channels[0] as never, new Redactor()), { apiHost: sandbox.apiHost });
      const running = command.run();
      for (let i = 0; i < 200 && ext.api.environment.state.id !== 'local'; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(ext.api.environment.state.id, 'local', 'in force before the setting is written');
      assert.equal(ext.api.environment.state.hasCredentials, true);
      assert.equal(fake.context.get('openPayments.environment'), 'local');
      assert.notEqual(fake.settings.get('openPayments.environment')?.global, 'local', 'the write is still held back');
      // A read meanwhile (every request makes one) must not put the old environment back.
      assert.equal((await ext.api.environment.refresh()).id, 'local');
      release();
      assert.equal(await running, true);
      assert.equal(fake.settings.get('openPayments.environment')?.global, 'local');
      assert.equal((await ext.api.environment.refresh()).id, 'local');
      assert.deepEqual(states.filter((state) => state.startsWith('local')), ['local:true'], 'one switch, never back and forth');
      listening.dispose();
    } finally {
      ext.dispose();
    }
  });

  it('lists the banks of the local environment at once, and writes the setting only after that listing', async () => {
    const ext = await activateExtension();
    try {
      const order: string[] = [];
      class RecordingSettings extends EnvironmentSettings {
        override async select(id: Parameters<EnvironmentSettings['select']>[0]): Promise<void> {
          order.push('setting written');
          await super.select(id);
        }
      }
      let listed: () => void = () => undefined;
      const listing = new Promise<void>((resolve) => (listed = resolve));
      const listBanks = async () => {
        order.push(`listing in ${ext.api.environment.state.id}`);
        await listing;
        order.push('listed');
      };
      const logger = new Logger(fake.channels[0] as never, new Redactor());
      const command = new LocalSandboxCommand(ext.api.credentials, new RecordingSettings(new SettingsReader()), ext.api.environment, logger, { apiHost: sandbox.apiHost, listBanks });
      const running = command.run();
      for (let i = 0; i < 200 && order.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(order, ['listing in local'], 'the listing starts in the new environment, the setting waits');
      listed();
      assert.equal(await running, true);
      assert.deepEqual(order, ['listing in local', 'listed', 'setting written']);
    } finally {
      ext.dispose();
    }
  });

  it('writes the demo client and the setting at a pause in the user\'s clicking, not while they click', async () => {
    const ext = await activateExtension();
    try {
      const held = heldPause();
      const logger = new Logger(fake.channels[0] as never, new Redactor());
      const command = new LocalSandboxCommand(ext.api.credentials, new EnvironmentSettings(new SettingsReader()), ext.api.environment, logger, { apiHost: sandbox.apiHost, pause: held.pause });
      const running = command.run();
      await held.asked();
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(held.times(), 1, 'the writes wait for a pause once the banks are listed');
      assert.equal(ext.api.environment.state.id, 'local');
      assert.equal(fake.settings.get('openPayments.environment')?.global, undefined, 'no setting written while the user clicks');
      assert.equal(ext.context.secrets.values.size, 0, 'no secret written while the user clicks');
      held.release();
      assert.equal(await running, true);
      assert.equal(fake.settings.get('openPayments.environment')?.global, 'local');
      assert.deepEqual(await ext.api.credentials.get('local'), { clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret });
    } finally {
      ext.dispose();
    }
  });

  for (const how of ['Choose Environment', 'an edit of settings.json'] as const) {
    it(`keeps the environment chosen by ${how} while Use Local Sandbox waits to write, and still stores the demo client`, async () => {
      const ext = await activateExtension();
      try {
        const held = heldPause();
        const settings = new EnvironmentSettings(new SettingsReader());
        const logger = new Logger(fake.channels[0] as never, new Redactor());
        const command = new LocalSandboxCommand(ext.api.credentials, settings, ext.api.environment, logger, { apiHost: sandbox.apiHost, pause: held.pause });
        const running = command.run();
        const current = (): string => ext.api.environment.state.id;
        await held.asked();
        assert.equal(current(), 'local');
        if (how === 'Choose Environment') {
          fake.answers.push('production');
          assert.equal(await commands.executeCommand('openPayments.chooseEnvironment'), 'production');
        } else {
          await settings.select('production');
          for (let i = 0; i < 200 && current() !== 'production'; i++) await new Promise((resolve) => setTimeout(resolve, 5));
        }
        assert.equal(current(), 'production');
        held.release();
        assert.equal(await running, true);
        assert.equal(fake.settings.get('openPayments.environment')?.global, 'production', 'the later choice is not overwritten');
        assert.equal((await ext.api.environment.refresh()).id, 'production');
        assert.deepEqual(await ext.api.credentials.get('local'), { clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret });
      } finally {
        ext.dispose();
      }
    });
  }

  it('switches and lists while the demo client is still being written to secret storage, each a round trip to the window', async () => {
    const ext = await activateExtension();
    try {
      let release: () => void = () => undefined;
      ext.context.secrets.writeGate = new Promise<void>((resolve) => (release = resolve));
      const listedIn: string[] = [];
      const listBanks = async () => {
        const credentials = await ext.api.credentials.get('local');
        listedIn.push(`${ext.api.environment.state.id}:${credentials?.clientId}`);
      };
      const logger = new Logger(fake.channels[0] as never, new Redactor());
      const command = new LocalSandboxCommand(ext.api.credentials, new EnvironmentSettings(new SettingsReader()), ext.api.environment, logger, { apiHost: sandbox.apiHost, listBanks });
      const running = command.run();
      for (let i = 0; i < 200 && listedIn.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.deepEqual(listedIn, [`local:${sandbox.client.clientId}`], 'listed in the local environment with the demo client, before the write landed');
      assert.equal(fake.context.get('openPayments.hasCredentials'), true);
      assert.equal(ext.context.secrets.values.size, 0, 'the write is still held back');
      release();
      assert.equal(await running, true);
      assert.equal(fake.settings.get('openPayments.environment')?.global, 'local');
      assert.deepEqual(await ext.api.credentials.get('local'), { clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret });
    } finally {
      ext.dispose();
    }
  });

  it('puts the environment back and says so when its setting cannot be written', async () => {
    const ext = await activateExtension();
    try {
      class FailingSettings extends EnvironmentSettings {
        override async select(): Promise<void> {
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new Error('settings file is read-only');
        }
      }
      const before = (await ext.api.environment.refresh()).id;
      const command = new LocalSandboxCommand(ext.api.credentials, new FailingSettings(new SettingsReader()), ext.api.environment, new Logger(fake.channels[0] as never, new Redactor()), { apiHost: sandbox.apiHost });
      assert.equal(await command.run(), false);
      assert.equal((await ext.api.environment.refresh()).id, before);
      assert.equal(fake.context.get('openPayments.environment'), before);
      assert.match(fake.messages.at(-1)?.message ?? '', /could not be changed to "local", so the environment stays as it was\./);
    } finally {
      ext.dispose();
    }
  });

  it('leaves the environment as it was when the OS keychain refuses the demo client, and says so', async () => {
    const ext = await activateExtension();
    try {
      ext.context.secrets.failWrites = true;
      const logger = new Logger(fake.channels[0] as never, new Redactor());
      const command = new LocalSandboxCommand(ext.api.credentials, new EnvironmentSettings(new SettingsReader()), ext.api.environment, logger, { apiHost: sandbox.apiHost });
      assert.equal(await command.run(), false);
      assert.notEqual(fake.settings.get('openPayments.environment')?.global, 'local');
      assert.notEqual((await ext.api.environment.refresh()).id, 'local', 'the environment is what it was');
      assert.equal(await ext.api.credentials.get('local'), undefined, 'nothing unsaved is handed out as stored');
      assert.match(fake.messages.at(-1)?.message ?? '', /^The local sandbox's demo client could not be saved in VS Code's secret storage, so the environment was not switched\./);
      assert.ok(!JSON.stringify([ext.log.lines, fake.messages]).includes(sandbox.client.clientSecret));
    } finally {
      ext.dispose();
    }
  });
});

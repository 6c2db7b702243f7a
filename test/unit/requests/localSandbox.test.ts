import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { start, type Sandbox } from '../../../sandbox/index';
import { fetchDemoClient } from '../../../src/api/localSandboxClient';
import { LocalSandboxCommand } from '../../../src/commands/localSandboxCommand';
import { activateExtension } from '../fakes/activate';
import { fake } from '../fakes/vscode';
import { EnvironmentSettings } from '../../../src/platform/environmentSettings';
import { Logger } from '../../../src/platform/logger';
import { Redactor } from '../../../src/core/redaction';

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
        new EnvironmentSettings(),
        ext.api.environment,
        new Logger(fake.channels[0] as never, new Redactor()),
        sandbox.apiHost,
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

  it('leaves the environment as it was when the OS keychain refuses the demo client, and says so', async () => {
    const ext = await activateExtension();
    try {
      ext.context.secrets.failWrites = true;
      const logger = new Logger(fake.channels[0] as never, new Redactor());
      const command = new LocalSandboxCommand(ext.api.credentials, new EnvironmentSettings(), ext.api.environment, logger, sandbox.apiHost);
      assert.equal(await command.run(), false);
      assert.notEqual(fake.settings.get('openPayments.environment')?.global, 'local');
      assert.match(fake.messages.at(-1)?.message ?? '', /^The local sandbox's demo client could not be saved in VS Code's secret storage, so the environment was not switched\./);
      assert.ok(!JSON.stringify([ext.log.lines, fake.messages]).includes(sandbox.client.clientSecret));
    } finally {
      ext.dispose();
    }
  });
});

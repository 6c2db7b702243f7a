// "Use Local Sandbox" readied while the welcome shows it: the demo client asked for ahead of the click is used
// by the click, but only while it is fresh and good, and nothing is stored or switched before the click.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalSandboxCommand } from '../../../src/features/setup/localSandboxCommand';
import { LocalSandboxReadiness } from '../../../src/features/setup/localSandboxReadiness';
import type { EnvironmentState } from '../../../src/host/activeEnvironment';
import { EnvironmentSettings } from '../../../src/host/settings/environmentSettings';
import { SettingsReader } from '../../../src/host/settings/settingsReader';
import { Logger } from '../../../src/host/logger';
import { Redactor } from '../../../src/client/redaction/redaction';
import { activateExtension, type Activated } from '../fakes/activate';
import { fake } from '../fakes/vscode';

const DEMO = { clientId: 'demo-client', clientSecret: 'demo-secret-0123456789abcdef', redirectUri: 'http://127.0.0.1:8400/callback' };

describe('Use Local Sandbox readied ahead of the click', function () {
  this.timeout(15_000);
  let server: http.Server;
  let origin: string;
  let asked = 0;
  let answering = true;
  let ext: Activated;
  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url !== '/__sandbox/demo-client') return void res.writeHead(404).end();
      asked++;
      if (!answering) return void res.writeHead(503).end();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(DEMO));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());
  beforeEach(async () => {
    asked = 0;
    answering = true;
    ext = await activateExtension();
  });
  afterEach(() => ext.dispose());

  function command(clock: { now: number }, warmed: string[] = []): LocalSandboxCommand {
    const logger = new Logger(ext.log as never, new Redactor());
    return new LocalSandboxCommand(ext.api.credentials, new EnvironmentSettings(new SettingsReader()), ext.api.environment, logger, { apiHost: origin, warmListing: () => warmed.push('http'), warmToken: () => warmed.push('token'), now: () => clock.now });
  }

  it('asks once ahead, loads the HTTP code, stores and fetches nothing until the click, and the click uses that answer', async () => {
    const warmed: string[] = [];
    const ready = command({ now: 0 }, warmed);
    ready.prepare();
    ready.prepare();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(asked, 1, 'a second prepare() while the first answer is fresh asks nothing');
    assert.deepEqual(warmed, ['http']);
    assert.equal(await ext.api.credentials.get('local'), undefined, 'nothing stored before the click');
    assert.equal(fake.settings.get('openPayments.environment')?.global, undefined);
    assert.equal(await ready.run(), true);
    assert.deepEqual(warmed, ['http', 'http', 'token'], 'a token is fetched only after the click');
    assert.equal(asked, 1, 'the click used the answer asked for ahead');
    assert.deepEqual(await ext.api.credentials.get('local'), { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret });
  });

  it('asks again at the click when the sandbox did not answer ahead (it may have been started since)', async () => {
    answering = false;
    const ready = command({ now: 0 });
    ready.prepare();
    await new Promise((resolve) => setTimeout(resolve, 200));
    answering = true;
    assert.equal(await ready.run(), true);
    assert.equal(asked, 2);
  });

  it('asks again at the click when the answer ahead is over a minute old', async () => {
    const clock = { now: 0 };
    const ready = command(clock);
    ready.prepare();
    await new Promise((resolve) => setTimeout(resolve, 200));
    clock.now = 61_000;
    assert.equal(await ready.run(), true);
    assert.equal(asked, 2);
  });
});

describe('LocalSandboxReadiness', () => {
  function environment(hasCredentials: boolean) {
    const listeners: ((event: unknown) => void)[] = [];
    const env = {
      state: { id: 'local', hasCredentials } as unknown as EnvironmentState,
      onDidChange: (listener: (event: unknown) => void) => {
        listeners.push(listener);
        return { dispose: () => void listeners.splice(listeners.indexOf(listener), 1) };
      },
      fire: () => listeners.forEach((l) => l(undefined)),
    };
    return env;
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

  it('readies the click once the views settle without credentials, and again after a change to none', async () => {
    const env = environment(false);
    let prepared = 0;
    const readiness = new LocalSandboxReadiness(env, () => prepared++, 10);
    env.fire();
    env.fire();
    await settle();
    assert.equal(prepared, 1, 'changes in a burst ready it once');
    env.fire();
    await settle();
    assert.equal(prepared, 2);
    readiness.dispose();
  });

  it('does nothing while the environment has credentials, nor after it is disposed', async () => {
    const env = environment(true);
    let prepared = 0;
    const readiness = new LocalSandboxReadiness(env, () => prepared++, 10);
    await settle();
    assert.equal(prepared, 0);
    (env.state as { hasCredentials: boolean }).hasCredentials = false;
    env.fire();
    readiness.dispose();
    await settle();
    assert.equal(prepared, 0, 'a pending readying is dropped on dispose');
  });
});

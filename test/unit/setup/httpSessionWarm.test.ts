// The HTTP stack readied for the local sandbox while its welcome waits for a click: one GET of the auth server's
// public discovery document, without credentials, only to a loopback host and only once.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { Environment } from '../../../src/client/environments/environments';
import { HttpSession } from '../../../src/host/httpSession';
import { Logger } from '../../../src/host/logger';
import { RequestSettingsReader } from '../../../src/host/settings/requestSettings';
import { SettingsReader } from '../../../src/host/settings/settingsReader';
import { activateExtension, eventually, type Activated } from '../fakes/activate';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
}

describe('HttpSession.warmFor: the first exchange readied before the click', function () {
  this.timeout(15_000);
  let server: http.Server;
  let port: number;
  const seen: Seen[] = [];
  let ext: Activated;
  let session: HttpSession;
  before(async () => {
    server = http.createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      res.end('{"issuer":"http://127.0.0.1"}');
    });
    // Every interface, so a request to a host that is not loopback would be seen too.
    await new Promise<void>((resolve) => server.listen(0, resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());
  beforeEach(async () => {
    seen.length = 0;
    ext = await activateExtension();
    session = new HttpSession(new RequestSettingsReader(new SettingsReader()), ext.api.credentials, ext.context.secrets, ext.api.redactor, new Logger(ext.log as never, ext.api.redactor));
  });
  afterEach(async () => {
    session.dispose();
    ext.dispose();
  });

  const environment = (host: string): Environment => ({ id: 'local', label: 'Local Sandbox', isProduction: false, authHost: `http://${host}:${port}`, apiHost: `http://${host}:${port}` });

  it('sends one GET for the discovery document of a loopback auth host, with no credentials, and none once the core is built', async () => {
    session.warmFor(environment('127.0.0.1'));
    await eventually(() => assert.equal(seen.length, 1));
    assert.deepEqual(seen[0], { method: 'GET', url: '/.well-known/openid-configuration', authorization: undefined });
    session.warmFor(environment('127.0.0.1'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(seen.length, 1, 'a built core has made its first exchange: nothing more is sent');
  });

  it('sends nothing to a host that is not loopback', async function () {
    const address = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a?.family === 'IPv4' && !a.internal)?.address;
    if (!address) {
      console.log('      skipped: this machine has no IPv4 address besides loopback to listen on');
      return this.skip();
    }
    // Proven reachable first, so the silence below is the session's doing.
    const reachable = await fetch(`http://${address}:${port}/reachable`).then((r) => r.ok, () => false);
    assert.ok(reachable, `the test server answers at ${address}`);
    seen.length = 0;
    session.warmFor(environment(address));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(seen, []);
  });
});

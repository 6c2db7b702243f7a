// Loopback-only helpers the extension and the tests use: the demo client for "Use Local Sandbox", and the
// log of recent API requests by X-Request-ID.
import assert from 'node:assert/strict';
import type { Sandbox } from '../../sandbox/index';
import { SandboxClient, startSandbox } from './helpers/client';

describe('sandbox admin helpers', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({});
  });
  after(() => sandbox.close());

  it('hands out the demo client it was started with', async () => {
    const res = await fetch(`${sandbox.apiHost}/__sandbox/demo-client`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), sandbox.client);
  });

  it('logs API requests with their status and X-Request-ID, and not its own admin calls', async () => {
    const c = new SandboxClient(sandbox);
    const res = await c.call('getCountriesList');
    const sentId = res.headers.get('x-request-id');
    const log = (await (await fetch(`${sandbox.apiHost}/__sandbox/requests`)).json()) as { requests: { path: string; status: number; requestId?: string }[] };
    const entry = log.requests.find((r) => r.requestId === sentId);
    assert.ok(entry, 'the request is logged by its X-Request-ID');
    assert.equal(entry.path, '/psd2/aspspinformation/v1/countries');
    assert.equal(entry.status, 200);
    assert.ok(!log.requests.some((r) => r.path.startsWith('/__sandbox/')));
  });
});

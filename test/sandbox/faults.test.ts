// Fault injection (off by default): set through start() options or POST /__sandbox/faults.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { FaultSpec, Sandbox } from '../../sandbox/index';
import { readResponse, SandboxClient, startSandbox } from './helpers/client';

async function setFaults(sandbox: Sandbox, faults: FaultSpec[]): Promise<void> {
  const res = await fetch(`${sandbox.apiHost}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) });
  assert.equal(res.status, 200, await res.text());
}

describe('sandbox faults', () => {
  let sandbox: Sandbox;
  let c: SandboxClient;

  before(async () => {
    sandbox = await startSandbox({ faults: [{ kind: 'server-error', operations: ['getCityList'], times: 1 }] });
    c = new SandboxClient(sandbox);
  });
  afterEach(() => fetch(`${sandbox.apiHost}/__sandbox/faults`, { method: 'DELETE' }));
  after(() => sandbox.close());

  it('start() faults apply to their operations only, and `times` switches them off', async () => {
    assert.equal((await c.call('getCountriesList')).status, 200);
    assert.equal((await c.call('getCityList')).status, 500);
    assert.equal((await c.call('getCityList')).status, 200);
  });

  it('401 TOKEN_EXPIRED, 429 with Retry-After, 503 with Retry-After', async () => {
    await setFaults(sandbox, [
      { kind: 'token-expired', operations: ['getCountriesList'] },
      { kind: 'rate-limit', operations: ['getCityList'], retryAfterSeconds: 7 },
      { kind: 'unavailable', operations: ['getASPSPList'] },
    ]);
    const expired = await c.call('getCountriesList');
    assert.equal(expired.status, 401);
    assert.equal(expired.json['tppMessages'][0].code, 'TOKEN_EXPIRED');
    const limited = await c.call('getCityList');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal((await c.call('getASPSPList')).status, 503);
    const listed = await readResponse(await fetch(`${sandbox.apiHost}/__sandbox/faults`));
    assert.equal(listed.json['faults'].length, 3);
  });

  it('slow responses, connection resets, malformed JSON and very large bodies', async () => {
    await setFaults(sandbox, [
      { kind: 'slow', operations: ['getCountriesList'], delayMs: 300, times: 1 },
      { kind: 'reset', operations: ['getCityList'], times: 1 },
      { kind: 'malformed-json', operations: ['getASPSPList'], times: 1 },
      { kind: 'large-body', operations: ['getASPSPDetails'], sizeBytes: 3 * 1024 * 1024, times: 1 },
    ]);
    const began = Date.now();
    assert.equal((await c.call('getCountriesList')).status, 200);
    assert.ok(Date.now() - began >= 290);
    await assert.rejects(c.call('getCityList'));
    const token = await c.token('aspspinformation private');
    const raw = await fetch(`${sandbox.apiHost}/psd2/aspspinformation/v1/aspsps`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': crypto.randomUUID() } });
    assert.equal(raw.status, 200);
    const text = await raw.text();
    assert.match(raw.headers.get('content-type') ?? '', /json/);
    assert.throws(() => JSON.parse(text), SyntaxError);
    const big = await c.call('getASPSPDetails', { params: { bicFi: 'ESSESESS' } });
    assert.equal(big.status, 200);
    assert.ok(big.text.length >= 3 * 1024 * 1024);
    assert.equal(big.json['bicFi'], 'ESSESESS');
  });

  it('rejects unknown fault kinds with 400 and lists none when cleared', async () => {
    const bad = await fetch(`${sandbox.apiHost}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults: [{ kind: 'meteor' }] }) });
    assert.equal(bad.status, 400);
    const listed = await readResponse(await fetch(`${sandbox.apiHost}/__sandbox/faults`));
    assert.deepEqual(listed.json['faults'], []);
  });
});

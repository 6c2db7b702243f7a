// Fault injection (off by default): set through start() options or POST /__sandbox/faults.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { FaultSpec, Sandbox } from '../../sandbox/index';
import { readResponse, useSandbox } from './helpers/client';

async function setFaults(sandbox: Sandbox, faults: FaultSpec[]): Promise<void> {
  const res = await fetch(`${sandbox.apiHost}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) });
  assert.equal(res.status, 200, await res.text());
}

describe('sandbox faults', () => {
  const c = useSandbox({ faults: [{ kind: 'server-error', operations: ['getCityList'], times: 1 }] });
  afterEach(() => fetch(`${c.sandbox.apiHost}/__sandbox/faults`, { method: 'DELETE' }));

  it('start() faults apply to their operations only, and `times` switches them off', async () => {
    assert.equal((await c.call('getCountriesList')).status, 200);
    assert.equal((await c.call('getCityList')).status, 500);
    assert.equal((await c.call('getCityList')).status, 200);
  });

  it('401 TOKEN_EXPIRED, 429 with Retry-After, 503 with Retry-After', async () => {
    await setFaults(c.sandbox, [
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
    const listed = await readResponse(await fetch(`${c.sandbox.apiHost}/__sandbox/faults`));
    assert.equal(listed.json['faults'].length, 3);
  });

  it('slow responses, connection resets, malformed JSON and very large bodies', async () => {
    await setFaults(c.sandbox, [
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
    const raw = await fetch(`${c.sandbox.apiHost}/psd2/aspspinformation/v1/aspsps`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': crypto.randomUUID() } });
    assert.equal(raw.status, 200);
    const text = await raw.text();
    assert.match(raw.headers.get('content-type') ?? '', /json/);
    assert.throws(() => JSON.parse(text), SyntaxError);
    const big = await c.call('getASPSPDetails', { params: { bicFi: 'ESSESESS' } });
    assert.equal(big.status, 200);
    assert.ok(big.text.length >= 3 * 1024 * 1024);
    assert.equal(big.json['bicFi'], 'ESSESESS');
  });

  it('huge-body streams exactly sizeBytes of a valid JSON array, chunked', async () => {
    await setFaults(c.sandbox, [{ kind: 'huge-body', operations: ['getCityList'], sizeBytes: 2 * 1024 * 1024 + 7, times: 1 }]);
    // Raw: the answer deliberately breaks the operation's schema (it is about size, not shape).
    const token = await c.token('aspspinformation private');
    const huge = await fetch(`${c.sandbox.apiHost}/psd2/aspspinformation/v1/cities`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': crypto.randomUUID() } });
    assert.equal(huge.status, 200);
    assert.equal(huge.headers.get('content-length'), null, 'streamed, not built and measured first');
    const text = await huge.text();
    assert.equal(Buffer.byteLength(text), 2 * 1024 * 1024 + 7);
    const list = JSON.parse(text) as unknown[];
    assert.ok(Array.isArray(list) && list.length > 1000);
  });

  it('trickle sends the real answer a byte at a time, and the log marks a client that left early', async () => {
    await setFaults(c.sandbox, [{ kind: 'trickle', operations: ['getCountriesList'], delayMs: 20, times: 2 }]);
    const token = await c.token('aspspinformation private');
    const url = `${c.sandbox.apiHost}/psd2/aspspinformation/v1/countries`;
    const headers = { authorization: `Bearer ${token}`, 'x-request-id': crypto.randomUUID() };
    const res = await fetch(url, { headers });
    assert.equal(res.status, 200, 'headers come at once');
    const reader = res.body?.getReader();
    const first = await reader?.read();
    assert.equal(first?.value?.length, 1, 'then one byte');
    await reader?.cancel();
    const abort = new AbortController();
    const leaving = await fetch(url, { headers: { ...headers, 'x-request-id': crypto.randomUUID() }, signal: abort.signal });
    abort.abort();
    await leaving.text().catch(() => undefined);
    const deadline = Date.now() + 2000;
    let closed: { closedEarly?: boolean; status: number }[] = [];
    while (Date.now() < deadline && closed.length < 2) {
      const log = (await readResponse(await fetch(`${c.sandbox.apiHost}/__sandbox/requests`))).json['requests'] as { path: string; closedEarly?: boolean; status: number }[];
      closed = log.filter((r) => r.path.endsWith('/countries') && r.closedEarly);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(closed.length, 2, 'both connections closed early are logged');
    assert.equal(closed[0]?.status, 200);
  });

  it('rejects unknown fault kinds with 400 and lists none when cleared', async () => {
    const bad = await fetch(`${c.sandbox.apiHost}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults: [{ kind: 'meteor' }] }) });
    assert.equal(bad.status, 400);
    const listed = await readResponse(await fetch(`${c.sandbox.apiHost}/__sandbox/faults`));
    assert.deepEqual(listed.json['faults'], []);
  });
});

// Every request gets a fresh UUID X-Request-ID unless the user typed one for that very request: retries from
// a failure notification, sending a body document again and history's Send Again all get new ones. Checked
// against what the real sandbox received.
import assert from 'node:assert/strict';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import type { ExchangeRecord } from '../../../src/host/requestRunner';
import { eventually } from '../fakes/activate';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, requestsFake, type FakeRequestDocument } from '../fakes/vscode';
import { requestMark, requestsSince } from '../../support/sandboxAdmin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TYPED = '1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10';
const COUNTRIES = '/psd2/aspspinformation/v1/countries';

describe('X-Request-IDs: fresh for every request the user did not name (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('request-id-client', 'request-id-secret-6d0e');
  let exchanges: ExchangeRecord[];

  beforeEach(() => {
    requestsFake.reset();
    exchanges = [];
    current().ext.context.subscriptions.push(current().ext.api.runner.onDidExchange((record) => exchanges.push(record)));
  });

  async function fault(spec: Record<string, unknown>): Promise<void> {
    const set = await fetch(`${current().sandbox.apiHost}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([spec]) });
    assert.equal(set.status, 200);
  }

  it('Retry on a failure notification sends a new X-Request-ID, not the one the user typed', async () => {
    const { apiHost } = current().sandbox;
    await fault({ kind: 'server-error', operations: ['getCountriesList'], times: 1 });
    const mark = await requestMark(apiHost);
    requestsFake.notificationClicks.push('Retry');
    const first = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {}, requestId: TYPED });
    assert.ok(first && !first.ok && first.failure.status === 500);
    await eventually(() => assert.equal(exchanges.length, 2, 'the retry ran'));
    const wire = (await requestsSince(apiHost, mark)).filter((r) => r.path === COUNTRIES);
    assert.deepEqual(wire.map((r) => r.status), [500, 200]);
    assert.equal(wire[0]?.requestId, TYPED, 'the typed id went out with the request it was typed for');
    assert.match(wire[1]?.requestId ?? '', UUID);
    assert.notEqual(wire[1]?.requestId, TYPED);
    assert.equal(exchanges[1]?.input.requestId, undefined);
    assert.deepEqual(requestsFake.notificationClicks, [], 'the Retry button was offered and clicked');
  });

  it('Retry without a typed id, and two plain sends, never repeat an id', async () => {
    const { apiHost } = current().sandbox;
    await fault({ kind: 'unavailable', operations: ['getCountriesList'], times: 1 });
    const mark = await requestMark(apiHost);
    requestsFake.notificationClicks.push('Retry');
    await commands.executeCommand('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    await eventually(() => assert.equal(exchanges.length, 2));
    await commands.executeCommand('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    const ids = (await requestsSince(apiHost, mark)).filter((r) => r.path === COUNTRIES).map((r) => r.requestId ?? '');
    assert.equal(ids.length, 3);
    for (const id of ids) assert.match(id, UUID);
    assert.equal(new Set(ids).size, 3);
  });

  it('a body document sent again gets a fresh id; the typed one went with its first send only', async () => {
    const { apiHost } = current().sandbox;
    await commands.executeCommand('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' }, requestId: TYPED });
    const document = requestsFake.editors.at(-1)?.document as FakeRequestDocument | undefined;
    assert.ok(document, 'the body editor opened');
    const mark = await requestMark(apiHost);
    const sent = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    const again = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(sent?.ok && again?.ok);
    const ids = (await requestsSince(apiHost, mark)).filter((r) => r.path === '/psd2/consent/v1/consents').map((r) => r.requestId);
    assert.equal(ids[0], TYPED);
    assert.match(ids[1] ?? '', UUID);
    assert.notEqual(ids[1], TYPED);
  });

  it("history's Send Again sends a fresh id", async () => {
    const { apiHost } = current().sandbox;
    const first = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {}, requestId: TYPED });
    assert.ok(first?.ok);
    await eventually(() => assert.ok(current().ext.api.history.entries().length > 0));
    const entry = current().ext.api.history.entries()[0];
    assert.equal(entry?.requestId, TYPED);
    const mark = await requestMark(apiHost);
    await commands.executeCommand('openPayments.history.sendAgain', entry);
    const [again] = (await requestsSince(apiHost, mark)).filter((r) => r.path === COUNTRIES);
    assert.match(again?.requestId ?? '', UUID);
    assert.notEqual(again?.requestId, TYPED);
  });
});

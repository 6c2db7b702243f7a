import assert from 'node:assert/strict';
import type { AccessToken, TokenSource } from '../../../../src/client/http/tokenSource';
import { ApiClient } from '../../../../src/client/http/apiClient';
import type { Transport, TransportResponse } from '../../../../src/client/http/transport';
import { Redactor } from '../../../../src/client/redaction/redaction';
import { operation } from './support/apiHarness';
import { expectFailure, expectOk } from './support/results';

/** Counts Redactor work, to show when masking happens. */
class CountingRedactor extends Redactor {
  redactions = 0;
  added: string[] = [];

  override redact(text: string): string {
    this.redactions++;
    return super.redact(text);
  }

  override addIssued(value: string | undefined): void {
    if (value) this.added.push(value);
    super.addIssued(value);
  }
}

const TOKEN: AccessToken = { value: 'token-value-1234', expiresAt: Infinity, refreshAt: Infinity, scope: 's', requestId: 'r' };

function clientFor(response: TransportResponse, redactor: Redactor): ApiClient {
  const transport: Transport = { request: async () => response };
  const tokens: TokenSource = { getToken: async () => TOKEN, invalidate: () => undefined };
  return new ApiClient({ transport, tokens, redactor });
}

const environment = { id: 'local', authHost: 'http://127.0.0.1:1', apiHost: 'http://127.0.0.1:2' };
const request = { operation: operation('getCountriesList'), params: {}, environment, context: 'private' as const };

describe('ApiClient: masking', () => {
  it('masks an exchange field by field when it is read, not while the call completes', async () => {
    const redactor = new CountingRedactor();
    const body = JSON.stringify({ echoed: `Bearer ${TOKEN.value}`, countries: [] });
    const client = clientFor({ status: 200, headers: { 'x-echo': TOKEN.value }, bodyText: body }, redactor);
    const exchange = expectOk(await client.send(request));
    assert.equal(redactor.redactions, 0);
    assert.equal(exchange.status, 200);
    assert.equal(redactor.redactions, 0);
    assert.deepEqual(exchange.json, { echoed: 'Bearer ***', countries: [] });
    assert.ok(!exchange.bodyText.includes(TOKEN.value));
    assert.equal(exchange.responseHeaders['x-echo'], '***');
    assert.equal(exchange.requestHeaders['Authorization'], 'Bearer ***');
    const afterRead = redactor.redactions;
    assert.ok(!JSON.stringify(exchange).includes(TOKEN.value));
    assert.equal(redactor.redactions, afterRead + 1, 'only the URL was still unmasked');
  });

  it('gives an exchange that spread, JSON, structuredClone and deep equality see as a plain object', async () => {
    const client = clientFor({ status: 201, statusText: 'Created', headers: { 'x-a': '1' }, bodyText: '{"consentId":"c1"}' }, new Redactor());
    const op = operation('createConsent');
    const exchange = expectOk(await client.send({ ...request, operation: op, params: { 'X-BicFi': 'ESSESESS' }, body: { access: {} } }));
    const keys = ['operationId', 'method', 'url', 'status', 'statusText', 'startedAt', 'durationMs', 'requestId', 'attempts'];
    const expectedKeys = [...keys, 'requestHeaders', 'requestBody', 'responseHeaders', 'bodyText', 'json'];
    assert.deepEqual(Object.keys(exchange), expectedKeys);
    const plain = JSON.parse(JSON.stringify(exchange)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(plain), expectedKeys);
    assert.deepEqual({ ...exchange }, plain);
    assert.deepEqual(structuredClone(exchange), plain);
    assert.deepEqual(exchange, plain);
    assert.equal(plain['requestBody'], '{"access":{}}');
    assert.deepEqual(plain['json'], { consentId: 'c1' });
    assert.deepEqual(plain['responseHeaders'], { 'x-a': '1' });
  });

  it('keeps each exchange to its own values', async () => {
    const redactor = new Redactor();
    const first = expectOk(await clientFor({ status: 200, headers: {}, bodyText: '{"n":1}' }, redactor).send(request));
    const second = expectOk(await clientFor({ status: 200, headers: {}, bodyText: '{"n":2}' }, redactor).send(request));
    assert.deepEqual([second.json, first.json, first.bodyText, second.bodyText], [{ n: 2 }, { n: 1 }, '{"n":1}', '{"n":2}']);
  });

  it('keeps the raw parse when masking leaves the body as it was', async () => {
    const redactor = new Redactor();
    const client = clientFor({ status: 200, headers: {}, bodyText: '{"countries":[{"isoCountryCode":"SE"}]}' }, redactor);
    const exchange = expectOk(await client.send(request));
    assert.deepEqual(exchange.json, { countries: [{ isoCountryCode: 'SE' }] });
    assert.ok('json' in exchange);
  });

  it('masks tppMessages text but keeps their codes in failures', async () => {
    const redactor = new Redactor();
    const body = JSON.stringify({ tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', text: `got ${TOKEN.value}` }] });
    const client = clientFor({ status: 400, headers: {}, bodyText: body }, redactor);
    const failure = expectFailure(await client.send(request), 'http');
    assert.deepEqual(failure.tppMessages, [{ category: 'ERROR', code: 'FORMAT_ERROR', text: 'got ***' }]);
    assert.match(failure.summary, /FORMAT_ERROR/);
  });

  it('teaches the Redactor a reused token once, not on every call', async () => {
    const redactor = new CountingRedactor();
    const client = clientFor({ status: 200, headers: {}, bodyText: '{}' }, redactor);
    for (let i = 0; i < 3; i++) expectOk(await client.send(request));
    assert.deepEqual(redactor.added, [TOKEN.value]);
  });
});

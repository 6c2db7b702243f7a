import assert from 'node:assert/strict';
import type { AccessToken, TokenSource } from '../../../../src/client/http/tokenSource';
import { ApiClient } from '../../../../src/client/http/apiClient';
import type { Transport } from '../../../../src/client/http/transport';
import { Redactor } from '../../../../src/client/redaction/redaction';
import { operation } from './support/apiHarness';
import { expectOk } from './support/results';

const TOKEN: AccessToken = { value: 'token-value-5678', expiresAt: Infinity, refreshAt: Infinity, scope: 's', requestId: 'r' };
const environment = { id: 'local', authHost: 'http://127.0.0.1:1', apiHost: 'http://127.0.0.1:2' };
const request = { operation: operation('getCountriesList'), params: {}, environment, context: 'private' as const };

function recordingTransport(): Transport & { calls: number } {
  const transport = {
    calls: 0,
    request: async () => {
      transport.calls++;
      return { status: 200, headers: {}, bodyText: '{}' };
    },
  };
  return transport;
}

describe('ApiClient: dispatch', () => {
  it('hands the request to the transport before send() returns when the token is cached', async () => {
    const transport = recordingTransport();
    const tokens: TokenSource = { getToken: async () => TOKEN, cachedToken: () => TOKEN, invalidate: () => undefined };
    const pending = new ApiClient({ transport, tokens, redactor: new Redactor() }).send(request);
    // Any await before dispatch would queue the request behind whatever else is pending.
    assert.equal(transport.calls, 1);
    expectOk(await pending);
  });

  it('waits for getToken when nothing is cached, or the source cannot tell', async () => {
    for (const cachedToken of [() => undefined, undefined]) {
      const transport = recordingTransport();
      const tokens: TokenSource = { getToken: async () => TOKEN, invalidate: () => undefined, ...(cachedToken ? { cachedToken } : {}) };
      const pending = new ApiClient({ transport, tokens, redactor: new Redactor() }).send(request);
      assert.equal(transport.calls, 0);
      expectOk(await pending);
      assert.equal(transport.calls, 1);
    }
  });

  it('turns a defect into an internal failure without its text, and hands the error to the log callback', async () => {
    const broken = new Error('cache broke: token-value-5678');
    const tokens: TokenSource = { getToken: async () => TOKEN, cachedToken: () => { throw broken; }, invalidate: () => undefined };
    const told: [string, unknown][] = [];
    const result = await new ApiClient({ transport: recordingTransport(), tokens, redactor: new Redactor(), onInternalError: (op, error) => told.push([op, error]) }).send(request);
    assert.ok(!result.ok && result.failure.kind === 'internal');
    assert.ok(!JSON.stringify(result).includes('cache broke'), 'the failure carries no error text');
    assert.deepEqual(told, [['getCountriesList', broken]]);
  });
});

// Single-flight on the wire: 50 concurrent ApiClient.send calls on a cold cache, through the real HTTP core,
// against the real local sandbox. The token requests are counted by a pass-through in front of the auth host
// and the API requests by the sandbox's own request log, so neither count comes from the client under test.
import assert from 'node:assert/strict';
import { findOperation, type Operation } from '../../../src/client/catalogue/catalogue';
import { createHttpCore, type HttpCore } from '../../../src/client/http/httpCore';
import { ClientCredentialsTokens } from '../../../src/client/auth/tokens/clientCredentialsTokens';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import type { PsuContext } from '../../../src/client/catalogue/operationTypes';
import { Redactor } from '../../../src/client/redaction/redaction';
import { requestMark, requestsSince } from '../../support/sandboxAdmin';
import { useRecordedSandbox } from './support/tokenRecorder';

const CLIENT = { clientId: 'single-flight-client', clientSecret: 'single-flight-secret-5e2a' };

function operation(id: string): Operation {
  const found = findOperation(id);
  if (!found) throw new Error(`no ${id} in the catalogue`);
  return found;
}

interface Call {
  readonly operation: Operation;
  readonly params: Record<string, string>;
  readonly context: PsuContext;
}

/** 50 calls over three products; ASPSP Information is sent in both contexts but always uses a private token. */
function fiftyCalls(): Call[] {
  const kinds: Call[] = [
    { operation: operation('getCountriesList'), params: {}, context: 'private' },
    { operation: operation('getASPSPList'), params: { isoCountryCodes: 'SE' }, context: 'corporate' },
    { operation: operation('getConsentStatus'), params: { consentId: 'no-such-consent', 'X-BicFi': 'NDEASESS' }, context: 'private' },
    {
      operation: operation('getPaymentInitiationStatus'),
      params: { 'payment-service': 'payments', 'payment-product': 'domestic', paymentId: 'no-such-payment', 'X-BicFi': 'NDEASESS' },
      context: 'private',
    },
  ];
  return Array.from({ length: 50 }, (_, index) => kinds[index % kinds.length] as Call);
}

describe('single-flight token requests on the wire (real HTTP core, real sandbox)', function () {
  this.timeout(30_000);
  const recorded = useRecordedSandbox(CLIENT);
  let core: HttpCore;

  beforeEach(() => {
    // A new core has a cold token cache, as after activation or a change of credentials.
    const redactor = new Redactor();
    core = createHttpCore({ transport: {}, tokens: (fetch) => new ClientCredentialsTokens({ credentials: async () => CLIENT, fetch, redactor }), redactor });
  });
  afterEach(async () => core.close());

  async function sendAll(calls: readonly Call[]): Promise<ApiResult[]> {
    const { sandbox, recorder } = recorded();
    const environment = { id: 'custom', authHost: recorder.origin, apiHost: sandbox.apiHost };
    return Promise.all(calls.map((call) => core.client.send({ ...call, environment })));
  }

  it('50 concurrent calls on a cold cache: exactly 1 token request per scope, and every call is authorised', async () => {
    const { sandbox, recorder } = recorded();
    const mark = await requestMark(sandbox.apiHost);
    const calls = fiftyCalls();
    const results = await sendAll(calls);

    assert.deepEqual(
      recorder.tokenRequests.map((r) => r.scope).sort(),
      ['accountinformation private', 'aspspinformation private', 'paymentinitiation private'],
      'one token request per scope, none for ASPSP Information in the corporate context',
    );
    assert.ok(recorder.tokenRequests.every((r) => r.grantType === 'client_credentials' && r.status === 200 && r.accessToken));

    const wire = await requestsSince(sandbox.apiHost, mark);
    assert.equal(wire.length, 50, 'every call reached the API once');
    assert.ok(wire.every((r) => r.status !== 401), `no call was refused for its token: ${wire.map((r) => r.status).join(',')}`);
    const sentIds = results.map((result) => (result.ok ? result.exchange.requestId : result.failure.requestId));
    assert.equal(new Set(sentIds).size, 50, 'each call had its own X-Request-ID');
    assert.deepEqual(new Set(wire.map((r) => r.requestId)), new Set(sentIds), 'the sandbox received exactly the ids the client reports');
    for (const [index, result] of results.entries()) {
      const attempts = result.ok ? result.exchange.attempts : result.failure.attempts;
      assert.equal(attempts.length, 1, `call ${index} (${calls[index]?.operation.id}) needed no retry`);
      if (!result.ok) assert.notEqual(result.failure.kind, 'token', `call ${index} got its token`);
    }
    assert.ok(results.slice(0, 2).every((result) => result.ok), 'the ASPSP Information calls succeeded');
  });

  it('a second wave on the now warm cache asks for no token at all', async () => {
    const { recorder } = recorded();
    await sendAll(fiftyCalls());
    recorder.tokenRequests.length = 0;
    await sendAll(fiftyCalls());
    assert.equal(recorder.tokenRequests.length, 0);
  });
});

// The assistant's tool core, run against the real request pipeline (ApiClient) over a fake bank: schemas come
// from the catalogue, bad input is a clear tool error, production needs the confirmation, no secret comes back.
import assert from 'node:assert/strict';
import { OPERATIONS } from '../../../src/client/catalogue/catalogue';
import { ApiClient } from '../../../src/client/http/apiClient';
import type { Transport, TransportRequest, TransportResponse } from '../../../src/client/http/transport';
import type { TokenSource } from '../../../src/client/http/tokenSource';
import { TransportError } from '../../../src/client/http/transportErrors';
import { Redactor } from '../../../src/client/redaction/redaction';
import { CallLog, TOOLS, runTool, type ToolContext, type ToolOutcome } from '../../../src/client/index';

const SECRET = 'unit-secret "q/b+p%25#&~ 9f3a';
const TOKEN = 'tok-7d1c4e2a9b8f6051';

type Route = (request: TransportRequest) => TransportResponse | undefined;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  bodyText: JSON.stringify(body),
});

/** A fake bank: answers by method and path, and echoes the secret and token into bodies to test masking. */
function fakeBank(): Route {
  return (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path.endsWith('/aspsps/NOBANKSX')) return json(404, { tppMessages: [{ category: 'ERROR', code: 'RESOURCE_UNKNOWN' }] });
    if (path.endsWith('/aspsps/SWEDSESS')) {
      return json(200, {
        bicFi: 'SWEDSESS',
        name: 'Swedbank',
        country: 'SE',
        globalPaymentProducts: ['domestic'],
        supportedAuthorizationMethods: [{ name: 'DECOUPLED' }],
      });
    }
    if (path.endsWith('/aspsps/NDEASESS')) {
      return json(200, { bicFi: 'NDEASESS', name: 'Nordea', globalPaymentProducts: ['domestic', 'swedish-giro'], supportedAuthorizationMethods: [{ name: 'REDIRECT' }] });
    }
    if (path.endsWith('/aspsps')) {
      return json(200, { aspsps: [{ bicFi: 'NDEASESS', name: 'Nordea' }, { bicFi: 'SWEDSESS', name: 'Swedbank' }, { bicFi: 'ESSESESS', name: 'SEB' }] });
    }
    if (path.endsWith('/consents/c-1/status')) return json(200, { consentStatus: 'valid', note: `secret ${SECRET} token ${TOKEN}` });
    if (path.endsWith('/consents/gone/status')) return json(403, { tppMessages: [{ category: 'ERROR', code: 'CONSENT_UNKNOWN', text: 'no' }] });
    if (path.endsWith('/consents/c-1/authorisations') && request.method === 'POST') {
      return json(201, { authorisationId: 'a-1', scaStatus: 'received', scaMethods: [{ authenticationMethodId: 'mbid', authenticationType: 'PUSH_OTP' }] });
    }
    if (path.endsWith('/consents/c-1/authorisations/a-1') && request.method === 'PUT') {
      const authHost = 'https://auth.test';
      return json(
        200,
        { scaStatus: 'scaMethodSelected', _links: { scaOAuth: { href: `${authHost}/connect/authorize?client_id=[CLIENT_ID]&redirect_uri=[TPP_REDIRECT_URI]&state=[TPP_STATE]&scope=accountinformation` } } },
        { 'aspsp-sca-approach': 'REDIRECT' },
      );
    }
    if (path.includes('/payments/domestic/p-1/status')) return json(200, { transactionStatus: 'ACSC' });
    return undefined;
  };
}

interface Fixture {
  readonly context: ToolContext;
  readonly sent: TransportRequest[];
  run(name: string, input: unknown): Promise<ToolOutcome>;
}

function fixture(environment: Partial<ToolContext['environment']> = {}, options: { readonly hang?: boolean } = {}): Fixture {
  const route = fakeBank();
  const sent: TransportRequest[] = [];
  const transport: Transport = {
    async request(request) {
      sent.push(request);
      // A bank that never answers: only the caller's abort ends the request, as the undici transport reports it.
      if (options.hang) {
        return new Promise((_resolve, reject) => request.signal?.addEventListener('abort', () => reject(new TransportError('cancelled', 'ABORT_ERR'))));
      }
      return route(request) ?? json(404, { tppMessages: [{ category: 'ERROR', code: 'SERVICE_INVALID' }] });
    },
  };
  const tokens: TokenSource = {
    async getToken() {
      return { value: TOKEN, expiresAt: Date.now() + 60_000, refreshAt: Date.now() + 50_000, scope: 'x', requestId: '00000000-0000-4000-8000-000000000000' };
    },
    invalidate() {},
  };
  const redactor = new Redactor();
  redactor.addSecret(SECRET);
  const client = new ApiClient({ transport, tokens, redactor });
  const history = new CallLog();
  const env = { id: 'local', label: 'Local Sandbox', isProduction: false, authHost: 'https://auth.test', apiHost: 'https://api.test', ...environment };
  const context: ToolContext = {
    environment: env,
    redactor,
    history,
    client: { clientId: 'demo-client', redirectUri: 'http://127.0.0.1:53682/callback' },
    newState: () => 'state-1',
    async send(request) {
      const result = await client.send({ ...request, environment: { id: env.id, authHost: env.authHost, apiHost: env.apiHost }, context: request.context ?? 'private' });
      history.record(env.id, request.operation.id, result);
      return result;
    },
  };
  return { context, sent, run: (name, input) => runTool(name, context, input) };
}

function result(outcome: ToolOutcome): Record<string, unknown> {
  assert.ok(outcome.ok, `expected a result, got ${JSON.stringify(outcome)}`);
  return outcome.result as Record<string, unknown>;
}

function error(outcome: ToolOutcome): { kind: string; message: string; requestId?: string } {
  assert.ok(!outcome.ok, `expected a tool error, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

describe('assistant tools (core)', () => {
  it('has one table of nine tools whose schemas come from the catalogue', () => {
    assert.deepEqual(
      TOOLS.map((t) => t.name),
      ['findBanks', 'bankRequirements', 'describeOperation', 'sendRequest', 'explainFailure', 'consentStatus', 'paymentStatus', 'startAuthorisation', 'sandboxScenario'],
    );
    const send = TOOLS.find((t) => t.name === 'sendRequest');
    const idSchema = send?.inputSchema.properties.operationId;
    assert.ok(idSchema?.type === 'string');
    assert.deepEqual(idSchema.enum, OPERATIONS.map((op) => op.id));
    // A catalogue parameter's pattern and description reach the tool's schema as they are.
    const bic = TOOLS.find((t) => t.name === 'bankRequirements')?.inputSchema.properties.bicFi;
    assert.ok(bic?.type === 'string' && bic.pattern === OPERATIONS.find((op) => op.id === 'getASPSPDetails')?.params[0]?.pattern);
  });

  it('finds banks by name within a country and by BIC, and answers an unknown BIC with no bank', async () => {
    const f = fixture();
    const byName = result(await f.run('findBanks', { country: 'se', name: 'bank' }));
    assert.deepEqual(byName.banks, [{ bicFi: 'SWEDSESS', name: 'Swedbank' }]);
    assert.equal(new URL(f.sent[0]!.url).searchParams.get('isoCountryCodes'), 'SE');
    assert.deepEqual(result(await f.run('findBanks', { bic: 'SWEDSESS' })).banks, [{ bicFi: 'SWEDSESS', name: 'Swedbank', country: 'SE' }]);
    assert.deepEqual(result(await f.run('findBanks', { bic: 'NOBANKSX' })).banks, []);
  });

  it("lists a bank's required PSU headers and known rules", async () => {
    const f = fixture();
    const swed = result(await f.run('bankRequirements', { bicFi: 'SWEDSESS' }));
    assert.deepEqual((swed.requiredPsuHeaders as { header: string }[]).map((h) => h.header), ['PSU-IP-Address', 'PSU-User-Agent', 'PSU-ID']);
    assert.deepEqual(swed.scaApproaches, ['DECOUPLED']);
    const nordea = result(await f.run('bankRequirements', { bicFi: 'NDEASESS' }));
    assert.ok((nordea.rules as string[]).some((r) => r.includes('domestic') && r.includes('BBAN')));
  });

  it('describes an operation with its parameters, scope and body template, sending nothing', async () => {
    const f = fixture();
    const d = result(await f.run('describeOperation', { operationId: 'createConsent' }));
    assert.equal(d.method, 'POST');
    assert.match(String(d.scope), /accountinformation private/);
    assert.ok((d.parameters as { name: string }[]).some((p) => p.name === 'X-BicFi'));
    assert.ok(d.bodyTemplate && typeof d.bodyTemplate === 'object' && 'access' in d.bodyTemplate);
    assert.equal(f.sent.length, 0);
  });

  it('sends a request and returns the status, X-Request-ID, masked body and explained tppMessages', async () => {
    const f = fixture();
    const ok = result(await f.run('sendRequest', { operationId: 'getConsentStatus', params: { consentId: 'c-1', 'X-BicFi': 'ESSESESS' } }));
    assert.equal(ok.status, 200);
    assert.equal(ok.requestId, f.sent[0]!.headers['X-Request-ID']);
    const text = JSON.stringify(ok);
    assert.ok(!text.includes(SECRET) && !text.includes(TOKEN), text);
    const failed = result(await f.run('sendRequest', { operationId: 'getConsentStatus', params: { consentId: 'gone', 'X-BicFi': 'ESSESESS' } }));
    assert.equal(failed.ok, false);
    assert.equal(failed.status, 403);
    const [message] = failed.tppMessages as { code: string; explanation?: string }[];
    assert.equal(message?.code, 'CONSENT_UNKNOWN');
    assert.ok(message?.explanation, 'the code is explained from the catalogue');
  });

  it('refuses bad input with a clear tool error naming the field, before anything is sent', async () => {
    const f = fixture();
    assert.match(error(await f.run('sendRequest', { operationId: 'noSuchOperation' })).message, /"operationId" is "noSuchOperation"; it must be one of "getCountriesList"/);
    assert.match(error(await f.run('sendRequest', { operationId: 'getConsentStatus', params: { consentId: 'c-1' } })).message, /params lacks "X-BicFi", which is required.*describeOperation/);
    assert.match(error(await f.run('sendRequest', { operationId: 'getConsentStatus', params: { consentId: 'c-1', 'X-BicFi': 'ESSESESS', bogus: 'x' } })).message, /"bogus", which is not one of its fields/);
    assert.match(error(await f.run('bankRequirements', { bicFi: 'not a bic' })).message, /"bicFi" is "not a bic", which does not have the expected form, for example "ESSESESS"/);
    assert.match(error(await f.run('consentStatus', {})).message, /lacks "consentId", "bicFi"/);
    assert.match(error(await f.run('findBanks', { country: 7 })).message, /"country" must be a string, not number/);
    assert.equal(error(await f.run('noSuchTool', {})).kind, 'unknown_tool');
    assert.equal(f.sent.length, 0);
  });

  it('reads consent and payment statuses, and turns a failed status call into an error with its X-Request-ID', async () => {
    const f = fixture();
    assert.equal(result(await f.run('consentStatus', { consentId: 'c-1', bicFi: 'ESSESESS' })).consentStatus, 'valid');
    assert.equal(result(await f.run('paymentStatus', { paymentId: 'p-1', bicFi: 'ESSESESS', paymentProduct: 'domestic' })).transactionStatus, 'ACSC');
    const failed = error(await f.run('consentStatus', { consentId: 'gone', bicFi: 'ESSESESS' }));
    assert.equal(failed.kind, 'request_failed');
    assert.equal(failed.requestId, f.sent.at(-1)!.headers['X-Request-ID']);
    assert.match(failed.message, /HTTP 403.*CONSENT_UNKNOWN.*explainFailure/);
  });

  it('explains a failed call from History by any of its X-Request-IDs', async () => {
    const f = fixture();
    const failed = error(await f.run('consentStatus', { consentId: 'gone', bicFi: 'ESSESESS' }));
    const explained = result(await f.run('explainFailure', { requestId: failed.requestId?.toUpperCase() }));
    assert.equal(explained.operationId, 'getConsentStatus');
    assert.equal(explained.status, 403);
    assert.ok((explained.explanation as string[]).some((s) => s.startsWith('CONSENT_UNKNOWN:')));
    assert.equal(error(await f.run('explainFailure', { requestId: '11111111-1111-4111-8111-111111111111' })).kind, 'not_found');
  });

  it('starts a redirect SCA and returns the bank link for the user without completing it', async () => {
    const f = fixture();
    const started = result(await f.run('startAuthorisation', { kind: 'consent', bicFi: 'ESSESESS', consentId: 'c-1' }));
    assert.equal(started.approach, 'REDIRECT');
    const link = new URL(String(started.bankLink));
    assert.equal(link.origin + link.pathname, 'https://auth.test/connect/authorize');
    assert.equal(link.searchParams.get('client_id'), 'demo-client');
    assert.equal(link.searchParams.get('state'), 'state-1');
    // Start and method selection only: no status polling, no code exchange.
    assert.deepEqual(f.sent.map((r) => r.method), ['POST', 'PUT']);
    assert.match(error(await f.run('startAuthorisation', { kind: 'payment', bicFi: 'ESSESESS' })).message, /paymentId/);
  });

  it('asks the bank for the approach it is given (TPP-Redirect-Preferred) on every call of the SCA, and only then', async () => {
    const preference = (f: Fixture) => f.sent.map((r) => r.headers['TPP-Redirect-Preferred']);
    const decoupled = fixture();
    await decoupled.run('startAuthorisation', { kind: 'consent', bicFi: 'ESSESESS', consentId: 'c-1', approach: 'decoupled' });
    assert.deepEqual(preference(decoupled), ['false', 'false']);
    const redirect = fixture();
    result(await redirect.run('startAuthorisation', { kind: 'consent', bicFi: 'ESSESESS', consentId: 'c-1', approach: 'redirect' }));
    assert.deepEqual(preference(redirect), ['true', 'true']);
    const unsaid = fixture();
    result(await unsaid.run('startAuthorisation', { kind: 'consent', bicFi: 'ESSESESS', consentId: 'c-1' }));
    assert.deepEqual(preference(unsaid), [undefined, undefined]);
    const wrong = fixture();
    assert.match(error(await wrong.run('startAuthorisation', { kind: 'consent', bicFi: 'ESSESESS', consentId: 'c-1', approach: 'embedded' })).message, /approach/);
    assert.equal(wrong.sent.length, 0);
  });

  it('stops the request under way when the caller cancels the tool call, and sends nothing once it is cancelled', async () => {
    const f = fixture({}, { hang: true });
    const cancel = new AbortController();
    const pending = runTool('consentStatus', f.context, { consentId: 'c-1', bicFi: 'ESSESESS' }, TOOLS, cancel.signal);
    while (f.sent.length === 0) await new Promise((resolve) => setImmediate(resolve));
    cancel.abort();
    const stopped = error(await pending);
    assert.match(stopped.message, /cancelled/);
    assert.equal(f.sent[0]!.signal?.aborted, true, 'the transport saw the abort');
    const again = error(await runTool('findBanks', f.context, { country: 'SE' }, TOOLS, cancel.signal));
    assert.match(again.message, /findBanks was cancelled before it sent anything/);
    assert.equal(f.sent.length, 1);
  });

  it('refuses every calling tool in production without confirmProduction: true, and sends with it', async () => {
    const f = fixture({ id: 'production', label: 'Production', isProduction: true });
    // The guard speaks before the schema check: whatever else is wrong, the caller hears that this is production.
    const calling = TOOLS.filter((t) => t.sendsRequests).map((t) => t.name);
    assert.deepEqual(calling, ['findBanks', 'bankRequirements', 'sendRequest', 'consentStatus', 'paymentStatus', 'startAuthorisation']);
    for (const name of calling) assert.equal(error(await f.run(name, {})).kind, 'production_unconfirmed', name);
    const refused = error(await f.run('consentStatus', { consentId: 'c-1', bicFi: 'ESSESESS' }));
    assert.equal(refused.kind, 'production_unconfirmed');
    assert.match(refused.message, /Production environment.*"confirmProduction": true/);
    assert.equal(error(await f.run('consentStatus', { consentId: 'c-1', bicFi: 'ESSESESS', confirmProduction: false })).kind, 'production_unconfirmed');
    assert.equal(f.sent.length, 0);
    assert.equal(result(await f.run('consentStatus', { consentId: 'c-1', bicFi: 'ESSESESS', confirmProduction: true })).consentStatus, 'valid');
    // describeOperation sends nothing, so it needs no confirmation.
    assert.ok((await f.run('describeOperation', { operationId: 'getConsentStatus' })).ok);
  });
});

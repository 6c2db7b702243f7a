// A hostile platform: every value it chooses (consentId, paymentId, transactionStatus, tppMessages codes and
// texts, the X-Request-ID header, the local sandbox's client id) is markup or a command: link. The real
// extension runs against it with the fake VS Code; no notification or confirmation may contain any of them.
import assert from 'node:assert/strict';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { LocalSandboxCommand } from '../../../src/features/setup/localSandboxCommand';
import { EnvironmentSettings } from '../../../src/host/settings/environmentSettings';
import { SettingsReader } from '../../../src/host/settings/settingsReader';
import { Logger } from '../../../src/host/logger';
import { Redactor } from '../../../src/client/redaction/redaction';
import { sendJson, startServer, type LocalServer, type RecordedRequest } from '../api/http/support/localServer';
import { BOLD, LINK } from '../core/hostileValues';
import { activateExtension, type Activated } from '../fakes/activate';
import { commands, fake, requestsFake } from '../fakes/vscode';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const HOSTILE_HEADERS = { 'x-request-id': LINK, 'x-bank-note': BOLD };
const TPP_MESSAGES = [
  { category: 'ERROR', code: LINK, text: BOLD },
  { category: 'ERROR', code: BOLD, text: LINK },
  { category: 'ERROR', code: 'FORMAT_ERROR', text: LINK },
];

interface Script {
  token: 'ok' | 'invalid_client';
  /** The consentId a created consent gets. */
  consentId: string;
  /** Answer every API call with this error status and the hostile tppMessages. */
  apiError?: number;
}

function hostilePlatform(script: Script): (request: RecordedRequest, res: import('node:http').ServerResponse) => void {
  return (request, res) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/connect/token') {
      if (script.token === 'invalid_client') return sendJson(res, 401, { error: 'invalid_client', error_description: LINK }, HOSTILE_HEADERS);
      return sendJson(res, 200, { access_token: 'hostile-token-1', token_type: 'Bearer', expires_in: 3600 }, HOSTILE_HEADERS);
    }
    if (path === '/__sandbox/demo-client') return sendJson(res, 200, { clientId: LINK, clientSecret: 'hostile-secret-1', redirectUri: BOLD }, HOSTILE_HEADERS);
    if (script.apiError) return sendJson(res, script.apiError, { tppMessages: TPP_MESSAGES }, HOSTILE_HEADERS);
    if (request.method === 'POST' && path === '/psd2/consent/v1/consents') {
      return sendJson(res, 201, { consentId: script.consentId, consentStatus: BOLD, _links: { startAuthorisation: { href: LINK } } }, HOSTILE_HEADERS);
    }
    if (path.startsWith('/psd2/consent/v1/consents/') && path.endsWith('/status')) return sendJson(res, 200, { consentStatus: 'valid' }, HOSTILE_HEADERS);
    if (request.method === 'POST' && path.startsWith('/psd2/paymentinitiation/v1/payments/')) {
      return sendJson(res, 201, { paymentId: LINK, transactionStatus: BOLD, _links: { scaOAuth: { href: LINK } } }, HOSTILE_HEADERS);
    }
    if (path.startsWith('/psd2/paymentinitiation/v1/payments/')) return sendJson(res, 200, { transactionStatus: BOLD }, HOSTILE_HEADERS);
    return sendJson(res, 404, { tppMessages: TPP_MESSAGES }, HOSTILE_HEADERS);
  };
}

describe('notifications never carry server text (fake VS Code, hostile platform)', function () {
  this.timeout(20_000);
  let server: LocalServer;
  let ext: Activated;
  const script: Script = { token: 'ok', consentId: LINK };

  before(async () => {
    server = await startServer(hostilePlatform(script));
  });
  after(async () => server.close());

  beforeEach(async () => {
    script.token = 'ok';
    script.consentId = LINK;
    delete script.apiError;
    ext = await activateExtension();
    requestsFake.reset();
    fake.settings.set('openPayments.environment', { global: 'custom' });
    fake.settings.set('openPayments.authHost', { global: server.origin });
    fake.settings.set('openPayments.apiHost', { global: server.origin });
    await ext.api.credentials.set('custom', { clientId: 'hostile-client', clientSecret: 'hostile-secret-2' });
    await ext.api.environment.refresh();
  });
  afterEach(() => ext.dispose());

  /** Everything a user could read in a notification or a confirmation, as one text. */
  function shownText(skip?: RegExp): string {
    const modal = fake.prompts.filter((p) => p.kind === 'modal').map((p) => `${p.options.message} ${p.options.detail ?? ''}`);
    const messages = fake.messages.filter((m) => !skip?.test(m.message)).map((m) => [m.message, ...m.items.map(String)]);
    return JSON.stringify([...messages, ...modal]);
  }

  function assertClean(skip?: RegExp): void {
    const text = shownText(skip);
    for (const hostile of [LINK, BOLD, 'command:', '](', '**']) assert.ok(!text.includes(hostile), `a notification shows ${hostile}: ${text}`);
  }

  /** The X-Request-ID this client sent on the last request to `path`. */
  function sentRequestId(path: string): string {
    const request = server.requests.filter((r) => r.url.split('?')[0] === path).at(-1);
    const id = request?.headers['x-request-id'];
    assert.ok(typeof id === 'string' && new RegExp(`^${UUID}$`).test(id), `no UUID was sent to ${path}`);
    return id;
  }

  function send(args: Record<string, unknown>): Promise<ApiResult | undefined> {
    return commands.executeCommand<ApiResult | undefined>('openPayments.sendRequest', args);
  }

  it('a rejected call: status and safe codes only, with the X-Request-ID that was sent', async () => {
    for (const status of [400, 429, 503]) {
      script.apiError = status;
      fake.messages.length = 0;
      const result = await send({ operationId: 'getCountriesList', params: {} });
      assert.ok(result && !result.ok);
      const error = fake.messages.find((m) => m.severity === 'error')?.message ?? '';
      assert.ok(error.includes(`X-Request-ID: ${sentRequestId('/psd2/aspspinformation/v1/countries')}.`), error);
      assert.match(error, new RegExp(`HTTP ${status}\\)? \\(FORMAT_ERROR\\)`));
      assertClean();
    }
  });

  it('invalid_client: says which credential to fix, with the id sent to the token endpoint, not the echoed one', async () => {
    script.token = 'invalid_client';
    const result = await send({ operationId: 'getCountriesList', params: {} });
    assert.ok(result && !result.ok);
    const error = fake.messages.find((m) => m.severity === 'error');
    assert.ok(error);
    assert.equal(
      error.message,
      'The token request for ASPSP Information was refused (invalid_client): the auth server did not accept the client ID and client secret ' +
        'stored for the Custom Hosts environment. Set the client credentials for Custom Hosts again, exactly as the Developer Portal shows ' +
        `them for that environment. X-Request-ID: ${sentRequestId('/connect/token')}.`,
    );
    assert.deepEqual(error.items, ['Set Client Credentials', 'Show Log']);
    assertClean();
  });

  it('a created consent with a hostile consentId: status and delete never name it', async () => {
    const created = await send({ operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' }, body: { access: {}, recurringIndicator: true, validUntil: '2099-12-31', frequencyPerDay: 4 } });
    assert.ok(created?.ok, 'the consent was created');
    const consent = { consentId: LINK, bicFi: 'NDEASESS', environmentId: 'custom', status: 'received', createdAt: new Date().toISOString(), context: 'private' };
    const status = await commands.executeCommand<string | undefined>('openPayments.consents.status', { kind: 'consent', consent });
    assert.equal(status, 'valid');
    const info = fake.messages.filter((m) => m.severity === 'info').at(-1);
    assert.match(info?.message ?? '', new RegExp(`^The consent status was read\\..*the response view shows them\\. X-Request-ID: ${UUID}\\.$`));
    assert.deepEqual(info?.items, ['Show Response']);

    fake.answers.push(undefined); // the delete confirmation is declined
    assert.equal(await commands.executeCommand('openPayments.consents.delete', { kind: 'consent', consent }), false);
    assert.ok(fake.prompts.some((p) => p.kind === 'modal' && p.options.message === 'Delete the selected consent?'));
    assertClean();
  });

  it('a consent whose id, bank and status look like ids is named in full', async () => {
    script.consentId = 'c-12345';
    const created = await send({ operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' }, body: { access: {}, recurringIndicator: true, validUntil: '2099-12-31', frequencyPerDay: 4 } });
    assert.ok(created?.ok);
    const consent = { consentId: 'c-12345', bicFi: 'NDEASESS', environmentId: 'custom', status: 'received', createdAt: new Date().toISOString(), context: 'private' };
    await commands.executeCommand('openPayments.consents.status', { kind: 'consent', consent });
    const info = fake.messages.filter((m) => m.severity === 'info').at(-1)?.message ?? '';
    assert.equal(info, `Consent c-12345 at NDEASESS is valid. X-Request-ID: ${sentRequestId('/psd2/consent/v1/consents/c-12345/status')}.`);
  });

  it('a payment with a hostile paymentId and transactionStatus, and a failing status read', async () => {
    const created = await send({
      operationId: 'initiatePayment',
      params: { 'payment-service': 'payments', 'payment-product': 'domestic', 'X-BicFi': 'NDEASESS', 'PSU-IP-Address': '192.168.0.1' },
      body: { instructedAmount: { currency: 'SEK', amount: '10.50' }, debtorAccount: { iban: 'SE4930000000000000000001' }, creditorName: 'A', creditorAccount: { iban: 'SE2230000000000000000002' } },
    });
    assert.ok(created?.ok);
    script.apiError = 500;
    const read = await send({
      operationId: 'getPaymentInitiationStatus',
      params: { 'payment-service': 'payments', 'payment-product': 'domestic', paymentId: LINK, 'X-BicFi': 'NDEASESS' },
    });
    assert.ok(read && !read.ok);
    assert.match(fake.messages.find((m) => m.severity === 'error')?.message ?? '', /failed on the server \(HTTP 500\) \(FORMAT_ERROR\)/);
    // Including the SCA commands' "Payment … was created at …. Authorise it now?" offer.
    assertClean();
  });

  it('Find Bank and Show Details word a hostile failure without its text', async () => {
    script.apiError = 400;
    await commands.executeCommand('openPayments.banks.find');
    await commands.executeCommand('openPayments.banks.showDetails', { kind: 'bank', bank: { bicFi: 'NDEASESS', name: 'x' } });
    const errors = fake.messages.filter((m) => m.severity === 'error');
    assert.ok(errors.length >= 2, 'both failures were reported');
    for (const error of errors) assert.match(error.message, new RegExp(`X-Request-ID: ${UUID}\\.$`));
    assertClean();
  });

  it('Use Local Sandbox does not name a client id that is markup', async () => {
    const command = new LocalSandboxCommand(ext.api.credentials, new EnvironmentSettings(new SettingsReader()), ext.api.environment, new Logger(ext.log as never, new Redactor()), { apiHost: server.origin });
    assert.equal(await command.run(), true);
    assert.equal(fake.messages.at(-1)?.message, "Using the local sandbox with its demo client. Its credentials are in VS Code's secret storage.");
    assertClean();
  });

  it('an operation name passed by any caller is named only if it looks like an id', async () => {
    await send({ operationId: LINK });
    await send({ operationId: 'noSuchOperation' });
    assert.deepEqual(
      fake.messages.map((m) => m.message),
      ['There is no Open Payments operation by that name.', 'There is no Open Payments operation named noSuchOperation.'],
    );
    assertClean();
  });
});

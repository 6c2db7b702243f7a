import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { CONSENT_BODY_TEMPLATE, OPERATIONS, paramsFromSources, paymentBodyTemplate, type OperationId } from '../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../src/client/http/requestFailure';
import type { Exchange } from '../../src/client/http/exchange';
import { eventually, extensionApi, issuedSecrets, postsSince, requestMark, RUN_SECRET, useSandboxEnvironment, withPrompter } from './support';

const BIC = 'HANDSESS'; // decoupled SCA that the sandbox approves at once, so one consent covers AIS
const PIS = { 'payment-service': 'payments', 'payment-product': 'domestic', 'X-BicFi': BIC };

function exchangeOf(result: ApiResult | undefined): Exchange {
  assert.ok(result, 'the command attempted the request');
  const exchange = result.ok ? result.exchange : result.failure.exchange;
  assert.ok(exchange, `a response arrived (${result.ok ? '' : result.failure.summary})`);
  return exchange;
}

function json(exchange: Exchange): Record<string, unknown> {
  assert.equal(typeof exchange.json, 'object', `${exchange.operationId} answered JSON`);
  return exchange.json as Record<string, unknown>;
}

describe('sending every platform operation to the local sandbox', function () {
  this.timeout(120_000);
  const sent = new Map<OperationId, Exchange>();

  useSandboxEnvironment({ 'psu.ipAddress': '192.168.0.1', 'psu.userAgent': 'mozilla/5.0', 'psu.id': '199311219639' });

  async function send(operationId: OperationId, params: Record<string, string> = {}, body?: unknown): Promise<Exchange> {
    const result = await vscode.commands.executeCommand<ApiResult | undefined>('openPayments.sendRequest', { operationId, params, body });
    const exchange = exchangeOf(result);
    sent.set(operationId, exchange);
    // A success opens the response view on this very exchange, its X-Request-ID the one sent (and echoed,
    // below); a failure goes to a notification that names the failing attempt's id (unit-tested wording).
    if (result?.ok) {
      const { responsePanel } = await extensionApi();
      assert.ok(responsePanel.html?.includes(exchange.requestId), `${operationId}: the response view shows the X-Request-ID ${exchange.requestId}`);
    } else {
      assert.equal(result?.failure.requestId, exchange.requestId, `${operationId}: the failure reports the X-Request-ID sent`);
    }
    return exchange;
  }

  it('walks ASPSP information, a consent, accounts and a payment, every call traced by its X-Request-ID', async () => {
    const countries = json(await send('getCountriesList'));
    assert.ok(Array.isArray(countries.countries));
    await send('getCountryDetails', { isoCountryCode: 'SE' });
    const cities = json(await send('getCityList')).cities as { cityId: string }[];
    await send('getCityDetails', { 'city-id': cities[0]?.cityId ?? '' });
    await send('getASPSPList', { isoCountryCodes: 'SE' });
    await send('getASPSPDetails', { bicFi: BIC });

    const consent = json(await send('createConsent', { 'X-BicFi': BIC }, CONSENT_BODY_TEMPLATE));
    const consentId = String(consent.consentId);
    const c = { consentId, 'X-BicFi': BIC };
    await send('getConsentInformation', c);
    const auth = json(await send('startConsentAuthorisation', c));
    const authorisationId = String(auth.authorisationId);
    await send('getConsentAuthorisation', c);
    await send('getConsentScaStatus', { ...c, authorisationId });
    await send('updateConsentsPsuData', { ...c, authorisationId }, { authenticationMethodId: 'mbid' });
    // Each try is a call that History records: polled every 25 ms on a slow machine, the tries alone went past
    // History's 200 entries and pushed this walk's first calls out before the check below.
    await eventually(async () => {
      assert.equal(json(await send('getConsentStatus', c)).consentStatus, 'valid');
    }, 30_000, 300);

    const ais = { 'X-BicFi': BIC, 'Consent-ID': consentId };
    const accounts = json(await send('getAccountList', ais)).accounts as { resourceId: string }[];
    const accountId = accounts[0]?.resourceId ?? '';
    await send('readAccountDetails', { ...ais, 'account-id': accountId });
    await send('getBalances', { ...ais, 'account-id': accountId });
    const transactions = json(await send('getTransactionList', { ...ais, 'account-id': accountId, bookingStatus: 'both' }));
    const booked = (transactions.transactions as { booked?: { transactionId?: string }[] }).booked ?? [];
    await send('getTransactionDetails', { ...ais, 'account-id': accountId, transactionId: booked[0]?.transactionId ?? 'unknown' });

    const payment = json(await send('initiatePayment', PIS, paymentBodyTemplate('domestic')));
    const p = { ...PIS, paymentId: String(payment.paymentId) };
    await send('getPaymentInformation', p);
    await send('getPaymentInitiationStatus', p);
    const paymentAuth = json(await send('startPaymentAuthorisation', p));
    const paymentAuthorisationId = String(paymentAuth.authorisationId);
    await send('getPaymentInitiationAuthorisation', p);
    await send('getPaymentInitiationScaStatus', { ...p, authorisationId: paymentAuthorisationId });
    await send('updatePaymentPsuData', { ...p, authorisationId: paymentAuthorisationId }, { authenticationMethodId: 'mbid' });
    await send('cancelPayment', p);
    await send('startPaymentInitiationCancellationAuthorisation', p);
    await send('getPaymentInitiationCancellationAuthorisationInformation', p);
    await send('getPaymentCancellationScaStatus', { ...p, cancellationId: 'none' });
    await send('updatePaymentCancellationPsuData', { ...p, cancellationId: 'none' }, { authenticationMethodId: 'mbid' });
    // An operation the walk above does not name (a new catalogue entry) is sent all the same: each parameter
    // from the walk's ids by its ParamSource, else the catalogue's example, and the body template.
    const fromWalk = paramsFromSources({
      bicFi: BIC,
      consentId,
      consentAuthorisationId: authorisationId,
      accountId,
      transactionId: booked[0]?.transactionId ?? 'unknown',
      paymentService: PIS['payment-service'],
      paymentProduct: PIS['payment-product'],
      paymentId: p.paymentId,
      paymentAuthorisationId,
      cancellationId: 'none',
      isoCountryCode: 'SE',
      cityId: cities[0]?.cityId ?? '',
    });
    for (const operation of OPERATIONS.filter((o) => !sent.has(o.id) && o.id !== 'deleteConsent')) {
      const params = Object.fromEntries(
        operation.params.flatMap((param) => {
          const value = fromWalk[param.name] ?? param.example ?? param.enum?.[0];
          return value === undefined ? [] : [[param.name, value]];
        }),
      );
      await send(operation.id, params, operation.bodyTemplate);
    }
    const deleted = await send('deleteConsent', c);
    assert.equal(deleted.status, 204);

    assert.deepEqual(
      OPERATIONS.map((o) => o.id).filter((id) => !sent.has(id)),
      [],
      'every catalogue operation was sent',
    );
    for (const [operationId, exchange] of sent) {
      assert.match(exchange.requestId, /^[0-9a-f-]{36}$/, operationId);
      assert.equal(exchange.responseHeaders['x-request-id'], exchange.requestId, `${operationId}: the sandbox echoed the X-Request-ID sent`);
    }
    const ids = [...sent.values()].map((e) => e.requestId);
    assert.equal(new Set(ids).size, ids.length, 'every request got a fresh X-Request-ID');
    const api = await extensionApi();
    const shown = await send('getASPSPList');
    assert.ok(api.responsePanel.html?.includes(shown.requestId), 'the response view shows the X-Request-ID sent and echoed');
    assert.ok(!api.responsePanel.html?.includes(RUN_SECRET), 'the response view holds no secret');
    const html = api.responsePanel.html ?? '';
    assert.deepEqual((await issuedSecrets()).filter((token) => html.includes(token)), [], 'the response view holds no issued token');
    // History writes in the background, after each exchange (and after the views' own loads).
    await eventually(() => {
      const inHistory = new Set(api.history.entries().map((entry) => entry.requestId));
      for (const id of ids) assert.ok(inHistory.has(id), `history lists ${id}`);
    }, 30_000);
    if (process.env.OPENPAYMENTS_IT_SHARED) {
      fs.writeFileSync(path.join(process.env.OPENPAYMENTS_IT_SHARED, 'sent-request-ids.json'), JSON.stringify(ids));
    }
  });

  it('logs one line per exchange, tagged [http], with its X-Request-ID, without secrets', async () => {
    const api = await extensionApi();
    const exchange = await send('getASPSPDetails', { bicFi: 'ESSESESS' });
    const logFile = path.join(api.logUri.fsPath, 'Open Payments.log');
    await eventually(() => {
      const text = fs.readFileSync(logFile, 'utf8');
      assert.match(text, new RegExp(`\\[http\\] GET /psd2/aspspinformation/v1/aspsps/ESSESESS 200 \\d+ ms X-Request-ID ${exchange.requestId}`));
    }, 30_000);
    const text = fs.readFileSync(logFile, 'utf8');
    assert.ok(!text.includes(RUN_SECRET), 'the client secret is not in the log');
    assert.deepEqual((await issuedSecrets()).filter((token) => text.includes(token)), [], 'no issued token is in the log');
  });

  it('sends the user\'s own X-Request-ID when given, and refuses one that is not a UUID', async () => {
    const own = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    const exchange = await send('getCountriesList');
    assert.notEqual(exchange.requestId, own);
    const result = await withPrompter(await extensionApi(), [['X-Request-ID'], own], () =>
      vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList' }),
    );
    assert.equal(exchangeOf(result).requestId, own);
    assert.equal(exchangeOf(result).responseHeaders['x-request-id'], own);
    const invalid = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', {
      operationId: 'getCountriesList',
      params: {},
      requestId: 'not-a-uuid',
    });
    assert.ok(invalid && !invalid.ok);
    assert.equal(invalid.failure.kind, 'validation');
    assert.equal(invalid.failure.causeCode, 'INVALID_REQUEST_ID');
  });

  it('meets a 429 with Retry-After injected from the Local Sandbox view for the next call, waits and retries', async () => {
    const api = await extensionApi();
    const fault = await withPrompter(api, ['rate-limit', 'getCountriesList', '1', '1'], () => vscode.commands.executeCommand('openPayments.localSandbox.injectFault'));
    assert.deepEqual(fault, { kind: 'rate-limit', operations: ['getCountriesList'], times: 1, retryAfterSeconds: 1 });
    const sent = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    assert.ok(sent?.ok);
    assert.deepEqual(sent.exchange.attempts?.map((a) => [a.status, a.retryReason]), [[429, 'rate_limited'], [200, undefined]]);
  });

  it('reports a rejected call with the status, the platform code and the X-Request-ID', async () => {
    const result = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', {
      operationId: 'getConsentStatus',
      params: { consentId: 'no-such-consent', 'X-BicFi': BIC },
    });
    assert.ok(result && !result.ok);
    assert.equal(result.failure.kind, 'http');
    assert.ok(result.failure.requestId);
    assert.ok((result.failure.tppMessages ?? []).length > 0, 'tppMessages are parsed');
  });
});

describe('payment bodies are checked before sending', function () {
  this.timeout(90_000);

  useSandboxEnvironment({ 'psu.ipAddress': '192.168.0.1' });

  it('marks an invalid amount on its field, sends nothing and keeps the body; the corrected body is sent', async () => {
    await vscode.commands.executeCommand('openPayments.sendRequest', {
      operationId: 'initiatePayment',
      params: { 'payment-service': 'payments', 'payment-product': 'domestic', 'X-BicFi': 'NDEASESS' },
    });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the body editor opened');
    const document = editor.document;
    const original = document.getText();
    const broken = original.replace(/"amount": "[^"]*"/, '"amount": "12,5"');
    assert.notEqual(broken, original);
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(original.length)), broken));
    const before = await requestMark();
    assert.equal(await vscode.commands.executeCommand('openPayments.sendBody', document.uri), undefined);
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    assert.ok(diagnostics.some((d) => d.message.startsWith('instructedAmount.amount')), JSON.stringify(diagnostics.map((d) => d.message)));
    const marked = diagnostics.find((d) => d.message.startsWith('instructedAmount.amount'));
    assert.equal(document.getText(marked?.range.with(undefined, marked.range.start.translate(0, 8))), '"amount"');
    assert.deepEqual(await postsSince(before), [], 'nothing was sent');
    assert.equal(document.getText(), broken, 'the body is kept as typed');

    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(broken.length)), original));
    const result = await vscode.commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(result?.ok, 'the corrected body is sent');
    assert.equal(result.exchange.status, 201);
    assert.equal(vscode.languages.getDiagnostics(document.uri).length, 0);
  });

  it('opens a body as a JSON document named for the operation and bank, kept in memory, that closes without asking to save', async () => {
    await vscode.commands.executeCommand('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' } });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the body editor opened');
    const { document } = editor;
    assert.equal(document.uri.scheme, 'openpayments-body');
    assert.equal(path.posix.basename(document.uri.path), 'Create Consent (NDEASESS).json', 'the tab is named for the operation and bank');
    assert.equal(document.languageId, 'json');
    assert.equal(document.isUntitled, false);
    assert.equal(document.isDirty, false, 'an unedited body has nothing to save');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.ok(lenses.some((lens) => lens.command?.command === 'openPayments.sendBody'), 'the Send code lens is offered');

    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '  "note": "typed by the user",\n'));
    assert.equal(document.isDirty, true);
    await eventually(() => assert.equal(document.isDirty, false, 'saved into memory once typing pauses'));
    const typed = document.getText();

    // Closing a dirty document would open a "save changes?" dialog and the tab would stay.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const isOpen = () => vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === document.uri.toString()));
    await eventually(() => assert.equal(isOpen(), false, 'the tab closed without a question'));
    assert.equal((await vscode.workspace.openTextDocument(document.uri)).getText(), typed, 'what was typed is kept');

    // Another body for the same operation and bank, while the first is open, gets a name of its own.
    await vscode.window.showTextDocument(document.uri);
    await vscode.commands.executeCommand('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' } });
    assert.equal(path.posix.basename(vscode.window.activeTextEditor?.document.uri.path ?? ''), 'Create Consent (NDEASESS) 2.json');
  });

  it('puts the cursor where invalid JSON breaks (even where V8 names no position), keeps the document and sends nothing', async () => {
    await vscode.commands.executeCommand('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' } });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the body editor opened');
    const document = editor.document;
    const original = document.getText();
    const broken = original.replace('"recurringIndicator": true', '"recurringIndicator": ture');
    assert.notEqual(broken, original);
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(original.length)), broken));
    const version = document.version;
    const before = await requestMark();

    assert.equal(await vscode.commands.executeCommand('openPayments.sendBody', document.uri), undefined);

    const expected = document.positionAt(broken.indexOf('ture') + 1);
    await eventually(() => {
      const active = vscode.window.activeTextEditor;
      assert.equal(active?.document.uri.toString(), document.uri.toString(), 'the body is the active editor');
      assert.ok(active.selection.active.isEqual(expected), `cursor at ${active.selection.active.line}:${active.selection.active.character}, expected ${expected.line}:${expected.character}`);
    });
    assert.equal(document.getText(), broken, 'the body is kept as typed');
    assert.equal(document.version, version, 'the body was not edited');
    assert.deepEqual(await postsSince(before), [], 'nothing was sent');

    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(broken.length)), original));
    const result = await vscode.commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(result?.ok, 'the same document, fixed, is sent');
  });
});

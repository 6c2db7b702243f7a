import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONSENT_BODY_TEMPLATE, paymentBodyTemplate } from '../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../src/client/http/requestFailure';
import type { ScaOutcome } from '../../src/client/sca/types';
import type { ConsentNode } from '../../src/host/treeNodes';
import { Browser } from '../sandbox/helpers/browser';
import { eventually, extensionApi, SANDBOX_AUTH_HOST as AUTH_HOST, useSandboxEnvironment, withPrompter } from './support';


describe('strong customer authentication through the loopback redirect URI', function () {
  this.timeout(90_000);
  const config = () => vscode.workspace.getConfiguration('openPayments');
  const opened: string[] = [];
  let decision: 'approve' | 'deny' = 'approve';
  let registration: vscode.Disposable | undefined;

  useSandboxEnvironment({ 'psu.ipAddress': '192.168.0.1', 'psu.userAgent': 'mozilla/5.0', 'psu.id': '199311219639' });

  before(async () => {
    const api = await extensionApi();
    // The test plays the PSU's browser: it opens the URL the extension hands to openExternal, logs in on the
    // bank page and follows the auth server back to the extension's loopback listener.
    registration = api.sca.useBrowserOpener(async (url) => {
      opened.push(url);
      const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
      void new Browser(redirectUri)
        .authorise(url, { psuId: '198301014882', decision })
        .then((result) => fetch(result.callback, { redirect: 'follow' }))
        .catch(() => undefined);
      return true;
    });
  });

  after(() => registration?.dispose());

  /** Runs an authorise command, taking the recommended SCA method when the bank offers several. */
  async function authorise(command: string, arg: unknown): Promise<ScaOutcome | undefined> {
    const api = await extensionApi();
    return withPrompter(api, [(items) => items[0]], () => vscode.commands.executeCommand<ScaOutcome>(command, arg));
  }

  async function createConsent(bicFi: string): Promise<ConsentNode> {
    const result = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': bicFi }, body: CONSENT_BODY_TEMPLATE });
    assert.ok(result?.ok, 'consent created');
    const consentId = String((result.exchange.json as { consentId: string }).consentId);
    const { consents } = await extensionApi();
    let node: ConsentNode | undefined;
    await eventually(async () => {
      node = (await consents.getChildren()).find((n) => n.kind === 'consent' && n.consent.consentId === consentId);
      assert.ok(node);
    });
    return node as ConsentNode;
  }

  it('authorises a consent via scaOAuth: bank login in the browser, code back on the loopback listener, consent valid', async () => {
    decision = 'approve';
    const node = await createConsent('NDEASESS');
    const outcome = await authorise('openPayments.consents.authorise', node);
    assert.equal(outcome?.kind, 'finalised', JSON.stringify(outcome));
    assert.equal(outcome.route, 'scaOAuth');
    const url = new URL(opened.at(-1) ?? '');
    assert.equal(url.origin, AUTH_HOST);
    assert.equal(url.pathname, '/connect/authorize');
    assert.equal(url.searchParams.get('redirect_uri'), 'http://127.0.0.1:53682/callback');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.ok((url.searchParams.get('state') ?? '').length >= 16);
    const { consents } = await extensionApi();
    await eventually(async () => {
      const fresh = (await consents.getChildren()).find((n) => n.kind === 'consent' && node.kind === 'consent' && n.consent.consentId === node.consent.consentId);
      assert.ok(fresh?.kind === 'consent' && fresh.consent.status === 'valid');
      const accounts = await consents.getChildren(fresh);
      assert.ok(accounts.length > 0 && accounts[0]?.kind === 'account', 'accounts appear under the authorised consent');
    });
  });

  it('reports a denied bank login, and nothing is authorised', async () => {
    decision = 'deny';
    try {
      const node = await createConsent('NDEASESS');
      assert.ok(node.kind === 'consent');
      const outcome = await authorise('openPayments.consents.authorise', node);
      assert.equal(outcome?.kind, 'denied', JSON.stringify(outcome));
      // Asked at the bank itself, and as the Consents view shows it: the consent did not become valid.
      const status = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', {
        operationId: 'getConsentStatus',
        params: { consentId: node.consent.consentId, 'X-BicFi': 'NDEASESS' },
      });
      assert.ok(status?.ok, 'the status read succeeded');
      assert.notEqual((status.exchange.json as { consentStatus?: string }).consentStatus, 'valid');
      const { consents } = await extensionApi();
      const shown = (await consents.getChildren()).find((n) => n.kind === 'consent' && n.consent.consentId === node.consent.consentId);
      assert.ok(shown?.kind === 'consent' && shown.consent.status !== 'valid', `the view shows ${shown?.kind === 'consent' ? shown.consent.status : 'nothing'}`);
    } finally {
      decision = 'approve';
    }
  });

  it('authorises a decoupled consent at SWEDSESS by polling, with the challenge shown', async () => {
    await config().update('tppRedirectPreferred', 'false', vscode.ConfigurationTarget.Global);
    try {
      const node = await createConsent('SWEDSESS');
      const before = opened.length;
      const outcome = await authorise('openPayments.consents.authorise', node);
      assert.equal(outcome?.kind, 'finalised', JSON.stringify(outcome));
      assert.equal(outcome.route, 'decoupled');
      assert.equal(opened.length, before, 'no browser for decoupled SCA');
      // The challenge panel showed a QR code (an SVG of rectangles) with the bank's SCA status.
      const page = (await extensionApi()).challenges.lastHtml ?? '';
      assert.match(page, /<svg[^>]*>[\s\S]*<\/svg>/, 'a QR code was shown');
      assert.match(page, /Status: \w+/);
      assert.doesNotMatch(page, /<script/i);
    } finally {
      await config().update('tppRedirectPreferred', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('authorises a domestic payment via scaOAuth and its status moves on', async () => {
    const params = { 'payment-service': 'payments', 'payment-product': 'domestic', 'X-BicFi': 'NDEASESS' };
    const created = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'initiatePayment', params, body: paymentBodyTemplate('domestic', 'NDEASESS') });
    assert.ok(created?.ok, 'payment created');
    const paymentId = String((created.exchange.json as { paymentId: string }).paymentId);
    const outcome = await authorise('openPayments.payments.authorise', { bicFi: 'NDEASESS', paymentId, paymentProduct: 'domestic' });
    assert.equal(outcome?.kind, 'finalised', JSON.stringify(outcome));
    assert.notEqual(outcome.parentStatus, 'RCVD');
    // The payment is listed under its bank with the status the flow last read.
    const { banks } = await extensionApi();
    const sweden = (await banks.getChildren()).find((n) => n.kind === 'country' && n.country.isoCountryCode === 'SE');
    assert.ok(sweden);
    const nordea = (await banks.getChildren(sweden)).find((n) => n.kind === 'bank' && n.bank.bicFi === 'NDEASESS');
    assert.ok(nordea);
    const folder = (await banks.getChildren(nordea)).find((n) => n.kind === 'payments');
    assert.ok(folder, 'a Payments folder under the bank');
    await eventually(async () => {
      const listed = (await banks.getChildren(folder)).find((n) => n.kind === 'payment' && n.payment.paymentId === paymentId);
      assert.ok(listed && listed.kind === 'payment');
      // The follow-up may already have read a later status than the flow's last one.
      assert.notEqual(listed.payment.status, 'RCVD');
      assert.match(String(banks.getTreeItem(listed).description), /^[A-Z]{4} · domestic$/);
    });
    // The bank settles it: the extension keeps following the payment in the background, and the Banks view
    // shows ACSC without anyone asking for the status again.
    await eventually(async () => {
      const listed = (await banks.getChildren(folder)).find((n) => n.kind === 'payment' && n.payment.paymentId === paymentId);
      assert.ok(listed?.kind === 'payment' && listed.payment.status === 'ACSC', `status ${listed?.kind === 'payment' ? listed.payment.status : 'not listed'}`);
      assert.match(String(banks.getTreeItem(listed).description), /^ACSC · domestic/);
    }, 30_000);
  });
});

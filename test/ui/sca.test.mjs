// The consent journey through the real UI: Create Consent from the palette, the bank login opened by
// openExternal as a real popup in Chromium, the callback on the extension's loopback listener, and the
// accounts appearing in the Consents & Accounts view; a payment's bank login that shows what is paid; and the
// decoupled QR panel against a sandbox paced like a person signing (4 s). Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import { artifactsDir } from '../harness/codeServer.mjs';
import { openWorkbench, screenshotOnFailure, workbench } from './helpers.mjs';

const SECRET = `ui-sca-secret-${crypto.randomBytes(8).toString('hex')}`;
/** Long enough to see the QR code refresh a few times at the extension's 1 s poll, short for a test. */
const DECOUPLED_SECONDS = 4;

/** A payment created at the bank as a TPP would, so the journey starts at Authorise Payment. */
async function createPayment(sandbox, bicFi, body) {
  const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'paymentinitiation private', client_id: 'ui-client', client_secret: SECRET });
  const token = await (await fetch(`${sandbox.authHost}/connect/token`, { method: 'POST', body: form })).json();
  const res = await fetch(`${sandbox.apiHost}/psd2/paymentinitiation/v1/payments/domestic`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token.access_token}`,
      'content-type': 'application/json',
      'x-request-id': crypto.randomUUID(),
      'x-bicfi': bicFi,
      'psu-ip-address': '192.168.0.1',
      'psu-user-agent': 'mozilla/5.0',
      'psu-id': '199311219639',
    },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status !== 201) throw new Error(`initiatePayment ${res.status}: ${JSON.stringify(json)}`);
  return json.paymentId;
}

describe('workbench UI: consent authorisation through the browser', function () {
  this.timeout(120_000);
  let workbenchUi;
  let page;

  before(async () => {
    workbenchUi = await openWorkbench({
      label: 'ui-sca',
      secret: SECRET,
      clientId: 'ui-client',
      // Swedbank then answers decoupled; the other banks here stay redirect.
      userSettings: { 'openPayments.tppRedirectPreferred': 'false' },
      sandboxOptions: { decoupledSeconds: DECOUPLED_SECONDS },
    });
    page = workbenchUi.page;
  });
  after(async () => workbenchUi?.close());
  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, page, 'ui-sca');
  });

  it('creates a consent, logs in at the bank in a real popup, and shows the accounts', async () => {
    const ui = workbench(page);
    await page.locator('.statusbar-item', { hasText: 'Open Payments: Custom Hosts' }).first().waitFor({ timeout: 30_000 });
    await ui.runCommand('Open Payments: Set Client Credentials');
    await ui.answerInputBox('ui-client');
    await ui.answerPasswordBox(SECRET);
    await ui.toast('Client credentials for Custom Hosts are saved').waitFor({ timeout: 20_000 });

    await ui.runCommand('Open Payments: Create Consent…');
    await ui.pick('NDEASESS');
    await ui.pick('All accounts');
    await ui.pick('Recurring, up to 4 reads a day');
    await ui.answerInputBox(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    // Nordea offers several SCA methods; the recommended one is first.
    await page.locator('.quick-input-widget', { hasText: 'Choose how the PSU authenticates' }).waitFor({ timeout: 20_000 });
    const popup = workbenchUi.browser.context.waitForEvent('page', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    // code-server asks before opening an external link.
    await page.getByRole('button', { name: 'Open', exact: true }).click({ timeout: 20_000 });
    const bank = await popup;
    await bank.waitForLoadState();
    await bank.locator('#psuId').fill('198301014882');
    await bank.screenshot({ path: path.join(artifactsDir, 'ui-sca-bank-page.png') });
    await bank.getByRole('button', { name: 'Approve' }).click();
    await bank.waitForURL(/127\.0\.0\.1:53682/, { timeout: 20_000 });
    await bank.screenshot({ path: path.join(artifactsDir, 'ui-sca-callback-page.png') });

    await ui.toast('is authorised').waitFor({ timeout: 30_000 });
    // Find Bank revealed the bank, so the container may already be open; clicking it again would close it.
    if (!(await ui.sidebar().getByText('Consents & Accounts').first().isVisible().catch(() => false))) {
      await page.locator('.activitybar [aria-label^="Open Payments"]').first().click();
    }
    const consent = ui.sidebar().locator('.monaco-list-row', { hasText: 'NDEASESS · ' }).first();
    await consent.waitFor({ timeout: 20_000 });
    await consent.click();
    await page.keyboard.press('ArrowRight');
    await ui.sidebar().locator('.monaco-list-row', { hasText: 'SEK' }).first().waitFor({ timeout: 20_000 });
    await workbenchUi.screenshot('ui-sca-accounts.png');
  });

  it('a payment\'s bank login shows the amount, the creditor and the bank before the PSU signs', async () => {
    const ui = workbench(page);
    const paymentId = await createPayment(workbenchUi.sandbox, 'ESSESESS', {
      instructedAmount: { currency: 'SEK', amount: '249.90' },
      debtorAccount: { iban: 'SE1230000000000000000001', currency: 'SEK' },
      creditorName: 'Kafé Linnéa AB',
      creditorAccount: { iban: 'SE1230000000000000000002', currency: 'SEK' },
      remittanceInformationUnstructured: 'Order 1187',
    });
    // The input widget is reused from one question to the next: answer each once its title is up.
    const answer = async (title, text) => {
      await page.locator('.quick-input-widget', { hasText: title }).waitFor({ timeout: 20_000 });
      await ui.answerInputBox(text);
    };
    await ui.runCommand('Open Payments: Authorise Payment…');
    await answer('Authorise Payment: BIC of the bank', 'ESSESESS');
    await answer('Authorise Payment: payment product', 'domestic');
    await answer('Authorise Payment: paymentId', paymentId);
    await page.locator('.quick-input-widget', { hasText: 'Choose how the PSU authenticates' }).waitFor({ timeout: 20_000 });
    const popup = workbenchUi.browser.context.waitForEvent('page', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Open', exact: true }).click({ timeout: 20_000 });
    const bank = await popup;
    await bank.waitForLoadState();
    const shown = async (label) => (await bank.locator('#subject dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]').textContent())?.trim();
    assert.equal(await shown('Amount'), '249.90 SEK');
    assert.equal(await shown('To'), 'Kafé Linnéa AB');
    assert.equal(await shown('Creditor account'), 'SE1230000000000000000002 SEK');
    assert.equal(await shown('Bank'), 'Skandinaviska Enskilda Banken AB (ESSESESS)');
    // The page's own style applies under its CSP: the Approve button is filled, not the browser's grey.
    const approveColour = await bank.getByRole('button', { name: 'Approve' }).evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).backgroundColor);
    assert.equal(approveColour, 'rgb(31, 58, 95)');
    await bank.locator('#psuId').fill('9311219639');
    await bank.screenshot({ path: path.join(artifactsDir, 'ui-sca-payment-bank-page.png') });
    await bank.getByRole('button', { name: 'Approve' }).click();
    await bank.waitForURL(/127\.0\.0\.1:53682/, { timeout: 20_000 });
    await bank.close();
    await ui.toast(`payment ${paymentId} at ESSESESS is authorised`).waitFor({ timeout: 30_000 });
  });

  it('the decoupled QR panel stays open and refreshes its code until the PSU has signed', async () => {
    const ui = workbench(page);
    // Create Consent… starts at the bank selected in the Banks view (the first journey revealed Sweden's banks).
    await ui.sidebar().locator('.monaco-list-row', { hasText: 'SWEDSESS' }).first().click();
    await ui.runCommand('Open Payments: Create Consent…');
    await page.locator('.quick-input-widget', { hasText: 'Create Consent at SWEDSESS' }).waitFor({ timeout: 20_000 });
    await ui.pick('All accounts');
    await ui.pick('Recurring, up to 4 reads a day');
    await ui.answerInputBox(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await ui.pick('Mobilt BankID (QR-kod)');
    const tab = page.locator('.tabs-container .tab', { hasText: 'Authorise consent' });
    await tab.waitFor({ timeout: 20_000 });
    const opened = Date.now();
    const qr = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame').locator('.qr');
    await qr.waitFor({ timeout: 20_000 });
    await workbenchUi.screenshot('ui-sca-decoupled-qr.png');
    // Sample the code for a while: a person sees it change, and the panel does not close under them.
    const codes = new Set();
    while (Date.now() - opened < (DECOUPLED_SECONDS - 1.5) * 1000) {
      codes.add(await qr.innerHTML({ timeout: 5_000 }).catch(() => ''));
      assert.ok(await tab.isVisible(), 'the QR panel is still open');
      await page.waitForTimeout(250);
    }
    codes.delete('');
    assert.ok(codes.size >= 2, `the QR code refreshed (${codes.size} different codes seen)`);
    await ui.toast('at SWEDSESS is authorised').waitFor({ timeout: 30_000 });
    const visibleFor = (Date.now() - opened) / 1000;
    assert.ok(visibleFor >= DECOUPLED_SECONDS - 1, `the panel was up for ${visibleFor.toFixed(1)} s, about the sandbox's pace`);
    await tab.waitFor({ state: 'detached', timeout: 10_000 });
  });
});

// The consent journey through the real UI: Create Consent from the palette, the bank login opened by
// openExternal as a real popup in Chromium, the callback on the extension's loopback listener, and the
// accounts appearing in the Consents & Accounts view. Screenshots go to test-artifacts/.
import crypto from 'node:crypto';
import path from 'node:path';
import { artifactsDir } from '../harness/codeServer.mjs';
import { openWorkbench, scaled, screenshotOnFailure, workbench } from './helpers.mjs';

const SECRET = `ui-sca-secret-${crypto.randomBytes(8).toString('hex')}`;

describe('workbench UI: consent authorisation through the browser', function () {
  this.timeout(scaled(120_000));
  let workbenchUi;
  let page;

  before(async () => {
    workbenchUi = await openWorkbench({ label: 'ui-sca', secret: SECRET, clientId: 'ui-client' });
    page = workbenchUi.page;
  });
  after(async () => workbenchUi?.close());
  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, page, 'ui-sca');
  });

  it('creates a consent, logs in at the bank in a real popup, and shows the accounts', async () => {
    const ui = workbench(page);
    // The first command activates the extension; its status bar item appears then.
    // The palette lists our commands once the workbench has read the extension's manifest, which the
    // container's activity bar item shows; it does not activate the extension.
    await page.locator('.activitybar [aria-label^="Open Payments"]').first().waitFor({ timeout: scaled(60_000) });
    await ui.runCommand('Open Payments: Set Client Credentials');
    await ui.answerInputBox('ui-client');
    await ui.answerPasswordBox(SECRET);
    await ui.notification('Client credentials for Custom Hosts are saved');
    await page.locator('.statusbar-item', { hasText: 'Open Payments: Custom Hosts' }).first().waitFor({ timeout: scaled(30_000) });

    await ui.runCommand('Open Payments: Create Consent…');
    await ui.pick('NDEASESS');
    await ui.pick('All accounts');
    await ui.pick('Recurring, up to 4 reads a day');
    await ui.answerInputBox(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    // Nordea offers several SCA methods; the recommended one is first.
    await page.locator('.quick-input-widget', { hasText: 'Choose how the PSU authenticates' }).waitFor({ timeout: scaled(20_000) });
    const popup = workbenchUi.browser.context.waitForEvent('page', { timeout: scaled(30_000) });
    await page.keyboard.press('Enter');
    // code-server asks before opening an external link.
    await page.getByRole('button', { name: 'Open', exact: true }).click({ timeout: scaled(20_000) });
    const bank = await popup;
    await bank.waitForLoadState();
    await bank.locator('#psuId').fill('198301014882');
    await bank.screenshot({ path: path.join(artifactsDir, 'ui-sca-bank-page.png') });
    await bank.getByRole('button', { name: 'Approve' }).click();
    await bank.waitForURL(/127\.0\.0\.1:53682/, { timeout: scaled(20_000) });
    await bank.screenshot({ path: path.join(artifactsDir, 'ui-sca-callback-page.png') });

    await ui.notification('is authorised');
    // Find Bank revealed the bank, so the container may already be open; clicking it again would close it.
    if (!(await ui.sidebar().getByText('Consents & Accounts').first().isVisible().catch(() => false))) {
      await page.locator('.activitybar [aria-label^="Open Payments"]').first().click();
    }
    const consent = ui.sidebar().locator('.monaco-list-row', { hasText: 'NDEASESS · ' }).first();
    await consent.waitFor({ timeout: scaled(20_000) });
    await consent.click();
    await page.keyboard.press('ArrowRight');
    await ui.sidebar().locator('.monaco-list-row', { hasText: 'SEK' }).first().waitFor({ timeout: scaled(20_000) });
    await workbenchUi.screenshot('ui-sca-accounts.png');
  });
});

// A newcomer's whole journey in one go, through the real workbench: first run, the welcome, the local sandbox,
// banks, a consent with the bank's login page, accounts, a payment from an account, the decoupled QR panel,
// History, Copy as cURL and switching environment. Its screenshots are the README's (npm run screenshots), and
// it records how long each click takes to show its result in test-artifacts/ui-timings.json for npm run bench
// (numbers, never asserted).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { artifactsDir, repoRoot } from '../harness/codeServer.mjs';
import { clickTimings, loggedActivations, openWorkbench, scaled, screenshotOnFailure, seenWhen, sidebarRowShown, until, webviewMarkup, webviewShows, workbench } from './helpers.mjs';

// What each timed click's result is, as the page sees it when its DOM changes (sent to the page as source).
function sidebarButtonShown(text) {
  const sidebar = document.getElementById('workbench.parts.sidebar');
  return [...(sidebar?.querySelectorAll('.monaco-button, [role="button"]') ?? [])].some((b) => b.textContent.trim() === text && b.getClientRects().length > 0);
}
function webviewTextShown([selector, text]) {
  return [...document.querySelectorAll(selector)].some((e) => e.textContent.includes(text) && e.getClientRects().length > 0);
}

const EXTENSION = 'open-payments-tools.open-payments-vscode';

describe('a newcomer\'s journey, start to finish', function () {
  this.timeout(scaled(300_000));
  let localSandbox;
  let workbenchUi;
  let page;
  const timings = clickTimings('ui-timings.json');

  before(async () => {
    // The local environment's fixed addresses, as `npm start` and `npm run sandbox` serve it.
    const { start } = await import(path.join(repoRoot, 'dist', 'sandbox', 'index.mjs'));
    // Decoupled SCA paced in time, as `npm start` does, but shorter: the QR panel must stay up long enough to be
    // seen refreshing, which takes longer on a busy machine (the PSU's time is wall-clock time).
    localSandbox = await start({ host: '127.0.0.2', authPort: 8401, apiPort: 8402, decoupledSeconds: Math.round(scaled(8_000) / 1000) });
    workbenchUi = await openWorkbench({
      label: 'journey',
      userSettings: {
        // PSU-IP-Address is left empty: the first request that needs it asks for it inline.
        'openPayments.psu.userAgent': 'Mozilla/5.0 (journey)',
        'openPayments.psu.id': '198301014882',
      },
    });
    page = workbenchUi.page;
    await workbenchUi.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  after(async () => {
    await timings.save().catch(() => undefined);
    await workbenchUi?.close();
    await localSandbox?.close();
  });
  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, page, 'journey');
  });

  const shot = (name) => workbenchUi.screenshot(`journey-${name}.png`);
  /** The user settings file as it is now, or undefined while the workbench is still writing it. */
  const userSettings = () => {
    try {
      return JSON.parse(fs.readFileSync(path.join(workbenchUi.server.dirs.userData, 'User', 'settings.json'), 'utf8'));
    } catch {
      return undefined;
    }
  };

  it('goes from a fresh window to a payment, its history and another environment', async () => {
    const ui = workbench(page);
    const sidebar = () => ui.sidebar();
    const row = (text) => sidebar().locator('.monaco-list-row', { hasText: text }).first();

    // First run: the window starts without running the extension. Startup is over once a built-in extension
    // that waits for onStartupFinished has been activated.
    await until(async () => (await loggedActivations(workbenchUi.server)).some((a) => a.event === 'onStartupFinished'), { what: 'onStartupFinished' });
    const beforeUse = (await loggedActivations(workbenchUi.server)).some((a) => a.extension === EXTENSION);
    timings.note('extension active after workbench start without use', beforeUse);
    assert.equal(beforeUse, false, 'nothing of ours runs in a window that does not use it');

    // Welcome: opening the container is the first use.
    await timings.measure(
      'open the Open Payments container → welcome view',
      () => page.locator('.activitybar [aria-label^="Open Payments"]').first().click(),
      () => sidebar().getByRole('button', { name: 'Use Local Sandbox' }).first().waitFor({ timeout: scaled(60_000) }),
      seenWhen(page, 'workbench', sidebarButtonShown, 'Use Local Sandbox'),
    );
    const activation = await until(async () => (await loggedActivations(workbenchUi.server)).find((a) => a.extension === EXTENSION), { what: 'activation' });
    timings.note('activation event of the first use', activation.event);
    await page.locator('.statusbar-item', { hasText: 'Open Payments: Sandbox' }).first().waitFor({ timeout: scaled(30_000) });
    await shot('01-welcome');

    // The local sandbox, one click: the Banks view lists countries.
    await timings.measure(
      'Use Local Sandbox → countries listed',
      () => sidebar().getByRole('button', { name: 'Use Local Sandbox' }).first().click(),
      () => row('Sweden').waitFor({ timeout: scaled(30_000) }),
      seenWhen(page, 'workbench', sidebarRowShown, 'Sweden'),
    );
    await page.locator('.statusbar-item', { hasText: 'Open Payments: Local Sandbox' }).first().waitFor({ timeout: scaled(30_000) });

    // Banks: a country opens to its banks.
    await timings.measure(
      'expand Sweden → banks listed',
      async () => {
        await row('Sweden').click();
        await page.keyboard.press('ArrowRight');
      },
      () => row('SWEDSESS').waitFor({ timeout: scaled(30_000) }),
      seenWhen(page, 'workbench', sidebarRowShown, 'SWEDSESS'),
    );
    await shot('02-banks');

    // A consent with the bank's login page, opened in a real browser window.
    await ui.runCommand('Open Payments: Create Consent…');
    await ui.pick('SWEDSESS');
    await ui.pick('All accounts');
    await ui.pick('Recurring, up to 4 reads a day');
    await ui.answerInputBox(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    // Swedbank requires PSU-IP-Address and the setting is empty: asked inline, with what it means, then saved.
    await page.locator('.quick-input-widget', { hasText: 'PSU-IP-Address' }).first().waitFor({ timeout: scaled(60_000) });
    await shot('03a-psu-header-asked');
    await ui.answerInputBox('192.0.2.10');
    await ui.pick('Send, and save it in openPayments.psu.ipAddress');
    await until(() => userSettings()?.['openPayments.psu.ipAddress'] === '192.0.2.10', {
      what: 'PSU-IP-Address saved to its setting',
    });
    const popup = workbenchUi.browser.context.waitForEvent('page', { timeout: scaled(60_000) });
    const methods = page.locator('.quick-input-widget', { hasText: 'Choose how the PSU authenticates' });
    // Some banks offer several SCA methods (the recommended one first); others go straight to the login.
    const askedForMethod = await Promise.race([methods.waitFor({ timeout: scaled(60_000) }).then(() => true), popup.then(() => false)]);
    if (askedForMethod) await page.keyboard.press('Enter');
    // code-server asks before opening an external link.
    await page.getByRole('button', { name: 'Open', exact: true }).click({ timeout: scaled(30_000) });
    const bank = await popup;
    await bank.waitForLoadState();
    await bank.locator('#psuId').fill('198301014882');
    await bank.screenshot({ path: path.join(artifactsDir, 'journey-03-bank-login.png') });
    await bank.getByRole('button', { name: 'Approve' }).click();
    await bank.waitForURL(/127\.0\.0\.1:53682/, { timeout: scaled(30_000) });
    await ui.notification('is authorised', { timeout: scaled(60_000) });
    await bank.close();
    // Swedbank authorises a payment decoupled (the QR panel) when the TPP does not prefer redirect. Set now, well
    // before the payment is created, so the workbench has read the changed file by then.
    // Edited in the workbench's own settings.json editor: a file changed behind its back is noticed only when
    // the file watcher gets to it, which a busy machine delays.
    const settingsFile = path.join(workbenchUi.server.dirs.userData, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    await ui.runCommand('Preferences: Open User Settings (JSON)');
    const settingsEditor = page.locator('.editor-instance .monaco-editor').first();
    await page.locator('.tab', { hasText: 'settings.json' }).first().waitFor({ timeout: scaled(30_000) });
    await settingsEditor.click();
    // Pasted, not typed: typing would get the editor's auto-closing brackets and indentation.
    const text = JSON.stringify({ ...settings, 'openPayments.tppRedirectPreferred': 'false' }, null, 2);
    await page.evaluate((value) => globalThis.navigator.clipboard.writeText(value), text);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await page.keyboard.press('ControlOrMeta+S');
    await until(() => fs.readFileSync(settingsFile, 'utf8') === text, { what: 'the saved setting' });
    await ui.runCommand('View: Close Editor');

    // Accounts under the consent.
    const consent = row('SWEDSESS · ');
    await consent.waitFor({ timeout: scaled(30_000) });
    await timings.measure(
      'expand the consent → accounts listed',
      async () => {
        await consent.click();
        await page.keyboard.press('ArrowRight');
      },
      () => row('SEK').waitFor({ timeout: scaled(30_000) }),
      seenWhen(page, 'workbench', sidebarRowShown, 'SEK'),
    );
    await shot('04-accounts');

    // A payment from an account: its context menu, the product, the prefilled body, Send.
    await row('SEK').click({ button: 'right' });
    // A menu ignores a click that comes too soon after it opened; the item under the pointer takes Enter.
    const menuItem = page.locator('.context-view .action-label', { hasText: 'Initiate Payment from Account…' }).first();
    await menuItem.waitFor({ timeout: scaled(30_000) });
    await menuItem.hover();
    await page.keyboard.press('Enter');
    await ui.pick('domestic');
    // PSU-IP-Address was saved at the consent, so the payment is not asked again.
    const sendBody = page.locator('.editor-actions [aria-label^="Send Request Body"]').first();
    await sendBody.waitFor({ timeout: scaled(30_000) });
    await shot('05-payment-body');
    await timings.measure(
      'Send (payment body) → first response view shows the status',
      () => sendBody.click(),
      () => until(() => webviewShows(page, '.status', '201'), { timeout: scaled(60_000), every: 25, what: 'the payment response' }),
      seenWhen(page, 'webviews', webviewTextShown, ['.status', '201']),
    );
    await shot('06-payment-response');

    await ui.notification('Authorise it now?', { click: 'Authorise Payment' });
    const qrMethods = page.locator('.quick-input-widget', { hasText: 'Choose how the PSU authenticates' });
    const qrShown = until(() => webviewShows(page, 'svg'), { timeout: scaled(60_000), what: 'the QR code' });
    if (await Promise.race([qrMethods.waitFor({ timeout: scaled(60_000) }).then(() => true), qrShown.then(() => false)])) await page.keyboard.press('Enter');
    await qrShown;
    await shot('07-decoupled-qr');
    // The panel stays up while the PSU signs, and its QR code changes as the bank's animated token does.
    const qrCodes = new Set();
    await until(
      async () => {
        const svg = await webviewMarkup(page, 'svg');
        if (svg) qrCodes.add(svg);
        return qrCodes.size >= 3;
      },
      { timeout: scaled(30_000), every: 100, what: 'three different QR codes in the panel' },
    );
    await ui.notification(/payment.*authorised/i, { timeout: scaled(60_000) });

    // History lists every request; an entry opens its response.
    // The History view is open below the others (a click on its title would fold it).
    // Every status read of the decoupled SCA is an entry above the payment, more of them the longer the PSU
    // took: scroll down to it, as a user would, in steps shorter than the view, until all of its row is in view
    // (a row the list has rendered can still be cut off below its edge).
    const entry = row('Create Payment Initiation');
    const history = sidebar().locator('.pane', { has: page.locator('.pane-header', { hasText: 'History' }) }).locator('.pane-body');
    const inView = (element) => {
      const list = element.closest('.monaco-list')?.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return Boolean(list && box.top >= list.top && box.bottom <= list.bottom);
    };
    await until(
      async () => {
        if ((await entry.count()) && (await entry.evaluate(inView, undefined, { timeout: 1_000 }).catch(() => false))) return true;
        await history.hover();
        await page.mouse.wheel(0, 66);
        return false;
      },
      { what: 'the payment in the History view' },
    );
    await shot('08-history');

    // Copy as cURL: a command anyone can paste, the token left out.
    await ui.runCommand('Open Payments: Copy as cURL');
    await ui.pick('Create Payment Initiation');
    await ui.notification('The cURL command was copied');
    const curl = await page.evaluate(() => globalThis.navigator.clipboard.readText());
    assert.match(curl, /^curl /);
    assert.match(curl, /X-Request-ID/i);
    assert.match(curl, /<token>/);
    // Each copy carries a fresh X-Request-ID: running it must not repeat an id the platform already saw.
    const copiedId = /X-Request-ID: ([0-9a-f-]{36})/i.exec(curl)?.[1];
    assert.ok(copiedId, 'the command carries an X-Request-ID');
    const seen = await (await fetch(`${localSandbox.apiHost}/__sandbox/requests`)).json();
    const seenIds = seen.requests.map((entry) => entry.requestId);
    assert.ok(seenIds.length > 0, 'the sandbox logged the journey\'s requests');
    assert.ok(!seenIds.includes(copiedId), 'the copied X-Request-ID is new');

    // The Local Sandbox view, shown while the local sandbox is in force: its scenario groups. The other views
    // fold for the picture (a list draws only the rows in sight) and open again afterwards.
    const pane = (name) => page.locator('.pane-header', { hasText: name }).first();
    const setExpanded = async (name, expanded) => {
      await pane(name).waitFor({ timeout: scaled(30_000) });
      if (((await pane(name).getAttribute('aria-expanded')) === 'true') !== expanded) await pane(name).click();
    };
    const others = ['Banks', 'Consents & Accounts', 'History'];
    for (const name of others) await setExpanded(name, false);
    await setExpanded('Local Sandbox', true);
    for (const group of ['Consents', 'Authorisations', 'Payments', 'Faults', 'Sandbox']) {
      await sidebar().locator('.monaco-list-row', { hasText: new RegExp(`^${group}$`) }).first().waitFor({ timeout: scaled(30_000) });
    }
    await row('Reset the Sandbox…').waitFor({ timeout: scaled(30_000) });
    await workbenchUi.screenshot('local-sandbox-view.png');
    for (const name of others) await setExpanded(name, true);

    // Switch environment from the status bar.
    await page.locator('.statusbar-item', { hasText: 'Open Payments: Local Sandbox' }).first().click();
    await ui.pick('Sandbox');
    await page.locator('.statusbar-item', { hasText: 'Open Payments: Sandbox' }).first().waitFor({ timeout: scaled(30_000) });
    await shot('09-switched-environment');
  });
});

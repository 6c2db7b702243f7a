// Playwright helpers shared by the UI journeys.
export function workbench(page) {
  const sidebar = () => page.locator('[id="workbench.parts.sidebar"]');

  async function runCommand(title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  async function answerInputBox(text) {
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await page.keyboard.press('Enter');
  }

  /** Answers the password box that follows another input: the widget is reused, so wait until it is one. */
  async function answerPasswordBox(text) {
    await page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.getAttribute('type') === 'password');
    await answerInputBox(text);
  }

  /** Filters the open quick pick and accepts the first row that shows `label`. */
  async function pick(label) {
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(label);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  function toast(text) {
    return page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  return { sidebar, runCommand, answerInputBox, answerPasswordBox, pick, toast };
}

/**
 * Starts what a UI journey needs: optionally the local sandbox (with a client whose secret is the test's, and
 * `sandboxOptions` such as a decoupled SCA pace),
 * code-server (with settings, optionally installing VSIX files) and Chromium on the workbench page.
 * Returns everything plus close(), which stops it all.
 */
export async function openWorkbench({ label, secret, clientId, userSettings = {}, install, development = true, sandboxOptions = {} }) {
  const { artifactsDir, launchBrowser, repoRoot, startCodeServer, workbenchUrl } = await import('../harness/codeServer.mjs');
  const fs = await import('node:fs');
  const path = await import('node:path');
  fs.mkdirSync(artifactsDir, { recursive: true });
  let sandbox;
  if (secret) {
    const { start } = await import(path.join(repoRoot, 'dist', 'sandbox', 'index.mjs'));
    sandbox = await start({
      ...sandboxOptions,
      clients: [{ clientId, clientSecret: secret, redirectUris: ['http://127.0.0.1:53682/callback'], products: ['aspspinformation', 'accountinformation', 'paymentinitiation'] }],
    });
  }
  const settings = sandbox
    ? { 'openPayments.environment': 'custom', 'openPayments.authHost': sandbox.authHost, 'openPayments.apiHost': sandbox.apiHost, ...userSettings }
    : userSettings;
  const server = await startCodeServer({ label, install, userSettings: { 'workbench.startupEditor': 'none', ...settings } });
  const browser = await launchBrowser(label);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(workbenchUrl(server, { development }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return {
    sandbox,
    server,
    browser,
    page,
    screenshot: (name) => page.screenshot({ path: path.join(artifactsDir, name) }),
    close: async () => {
      await browser.close();
      browser.removeProfile();
      await server.stop();
      await sandbox?.close();
    },
  };
}

/** Mocha afterEach hook body: keeps a screenshot of a failed journey. */
export async function screenshotOnFailure(test, page, label) {
  if (test?.state !== 'failed' || !page) return;
  const { artifactsDir } = await import('../harness/codeServer.mjs');
  const path = await import('node:path');
  await page.screenshot({ path: path.join(artifactsDir, `${label}-failed-${Date.now()}.png`) }).catch(() => undefined);
}

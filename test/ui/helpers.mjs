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

/**
 * Times user actions from the click to the first sight of their result, for `npm run bench` to print. A record,
 * never an assertion: timings depend on the machine and its load, which are saved alongside.
 */
export function clickTimings(file) {
  const rows = [];
  const facts = {};
  return {
    /** Runs `act` (the click), then waits for `visible` (the result) and keeps the time between. */
    async measure(label, act, visible) {
      const started = performance.now();
      await act();
      await visible();
      const ms = Math.round(performance.now() - started);
      rows.push({ label, ms });
      return ms;
    },
    /** A fact about the run that is not a duration (e.g. whether the extension ran before it was used). */
    note(name, value) {
      facts[name] = value;
    },
    async save() {
      const { artifactsDir } = await import('../harness/codeServer.mjs');
      const fs = await import('node:fs');
      const os = await import('node:os');
      const path = await import('node:path');
      fs.mkdirSync(artifactsDir, { recursive: true });
      const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))) };
      fs.writeFileSync(path.join(artifactsDir, file), `${JSON.stringify({ recordedAt: new Date().toISOString(), machine, facts, timings: rows }, null, 2)}\n`);
    },
  };
}

/**
 * The extension activations code-server's extension host logged so far ("ExtensionService#_doActivateExtension
 * <id>, startup: …, activationEvent: '<event>'"), in order.
 */
export async function loggedActivations(server) {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const logs = path.join(server.dirs.userData, 'logs');
  const found = [];
  if (!fs.existsSync(logs)) return found;
  for (const file of fs.readdirSync(logs, { recursive: true }).map(String).filter((f) => f.endsWith('remoteexthost.log')).sort()) {
    const text = fs.readFileSync(path.join(logs, file), 'utf8');
    for (const [, extension, event] of text.matchAll(/_doActivateExtension ([\w.-]+), startup: \w+, activationEvent: '([^']*)'/g)) {
      found.push({ extension, event });
    }
  }
  return found;
}

/** Polls `check` until it returns something truthy (no fixed sleeps: a busy machine only makes it slower). */
export async function until(check, { timeout = 30_000, what = 'condition', every = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

/**
 * The first answer `read` gives for a webview on the page (the response view, the challenge panel), or
 * undefined. A frame that goes away while it is read is passed over.
 */
async function firstInWebviews(page, read) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const answer = await read(frame).catch(() => undefined);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

/** Whether any webview on the page shows `selector` with `text`. */
export async function webviewShows(page, selector, text) {
  const shown = await firstInWebviews(page, async (frame) => ((await frame.locator(selector, text ? { hasText: text } : {}).first().isVisible()) ? true : undefined));
  return shown ?? false;
}

/** The markup of the first visible `selector` in any webview (e.g. the QR code's svg), or undefined. */
export async function webviewMarkup(page, selector) {
  return firstInWebviews(page, async (frame) => {
    const element = frame.locator(selector).first();
    return (await element.isVisible()) ? element.innerHTML() : undefined;
  });
}

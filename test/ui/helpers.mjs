// Playwright helpers shared by the UI journeys.
import os from 'node:os';

/**
 * `ms` stretched by how busy the machine is now (load average per core, between 1× and 4×), or by
 * OPENPAYMENTS_TIMEOUT_SCALE when set: a wait that takes 2 s on an idle machine may take 10 s beside other work,
 * and a timeout only says when to give up, never how long a step should take.
 */
export function scaled(ms) {
  const fixed = Number(process.env.OPENPAYMENTS_TIMEOUT_SCALE);
  const load = os.loadavg()[0] / Math.max(1, os.cpus().length);
  const factor = fixed > 0 ? fixed : Math.min(4, Math.max(1, load));
  return Math.round(ms * factor);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function workbench(page) {
  const sidebar = () => page.locator('[id="workbench.parts.sidebar"]');
  const quickInput = page.locator('.quick-input-widget');
  const input = quickInput.locator('input');

  /**
   * Opens the command palette: F1 again while the palette has not shown (a key pressed while the workbench is
   * still starting, or busy, can go unheard). It has shown when the quick input holds the `>` F1 puts there.
   */
  async function openPalette(deadline) {
    for (;;) {
      await page.keyboard.press('F1');
      const shown = await page
        .waitForFunction(() => {
          const box = document.querySelector('.quick-input-widget input');
          return box?.checkVisibility() && box.value.startsWith('>');
        }, undefined, { timeout: Math.max(1, Math.min(scaled(5_000), deadline - Date.now())) })
        .then(() => true, () => false);
      if (shown) return;
      if (Date.now() > deadline) throw new Error('the command palette did not open (F1)');
    }
  }

  /**
   * Runs a command from the palette, as a user does. The row is the one whose label is exactly `title` (a
   * recently used command that also matches the filter is listed above it, so Enter could run that one). A
   * command the workbench registers late (after it is restored, longer on a busy machine) is missing from a
   * list filtered before: the filter is typed again until the row shows.
   */
  async function runCommand(title, { timeout = scaled(60_000) } = {}) {
    const deadline = Date.now() + timeout;
    const row = quickInput.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first();
    for (let attempt = 1; ; attempt += 1) {
      await openPalette(deadline);
      await input.fill(`>${title}`);
      const shown = await row.waitFor({ timeout: Math.max(1, Math.min(scaled(5_000) * attempt, deadline - Date.now())) }).then(() => true, () => false);
      if (shown) break;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for palette row '${title}'`);
      await input.fill('');
    }
    await row.click({ timeout: Math.max(1, deadline - Date.now()) });
    // Accepted: the palette closes (or its widget turns into the command's own input).
    await page.waitForFunction((value) => {
      const box = document.querySelector('.quick-input-widget input');
      return !box?.checkVisibility() || box.value !== value;
    }, `>${title}`, { timeout: Math.max(1, deadline - Date.now()) });
  }

  async function answerInputBox(text) {
    await input.waitFor({ state: 'visible', timeout: scaled(30_000) });
    await input.fill(text);
    await page.keyboard.press('Enter');
  }

  /** Answers the password box that follows another input: the widget is reused, so wait until it is one. */
  async function answerPasswordBox(text) {
    await page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.getAttribute('type') === 'password', undefined, { timeout: scaled(30_000) });
    await answerInputBox(text);
  }

  /**
   * Filters the open quick pick and accepts the first row that shows `label`. Enter goes only once that row
   * is the focused one under our filter: a step that replaces the items can still be on its way, and may
   * clear what was typed.
   */
  async function pick(label, { timeout = scaled(30_000) } = {}) {
    await input.waitFor({ state: 'visible', timeout });
    await until(
      async () => {
        if ((await input.inputValue()) !== label) {
          await input.fill(label);
          return false;
        }
        return page.evaluate((wanted) => {
          const focused = document.querySelector('.quick-input-widget .monaco-list-row.focused');
          return Boolean(focused?.checkVisibility() && focused.textContent.includes(wanted));
        }, label);
      },
      { timeout, what: `the quick pick row '${label}'` },
    );
    await page.keyboard.press('Enter');
  }

  function toast(text) {
    return page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  /**
   * Whether this workbench shows notifications as toasts. A workbench in automation mode (VS Code's smoke test
   * driver, which 1.139 needs to load an extension under development) puts every notification only in the
   * notification center and marks the bell; it is the one that defines `window.driver`.
   */
  let toastsShown;
  async function showsToasts() {
    toastsShown ??= await page.evaluate(() => !('driver' in globalThis));
    return toastsShown;
  }

  const bell = page.locator('[id="status.notifications"]');
  const center = page.locator('.notifications-center.visible');

  /**
   * Presses a notification's button until the notification closes, as the workbench closes it when a button runs.
   * A click can be lost on a loaded machine (seen on both versions: the button focused, its action never ran),
   * when the toast slides or the center's list re-renders between the press and the release; a notification
   * still there after a moment is pressed again. One that closed is never pressed twice.
   */
  async function pressUntilClosed(shown, name, timeout, reveal) {
    for (let attempt = 1; ; attempt += 1) {
      await reveal?.();
      await shown.getByRole('button', { name }).click({ timeout });
      if (await shown.waitFor({ state: 'detached', timeout: scaled(5_000) }).then(() => true, () => false)) return;
      if (attempt === 3) throw new Error(`the notification stayed open after ${attempt} presses of its ${name} button`);
    }
  }

  /**
   * Waits for the notification that says `text` where this workbench shows it to the user: its toast, or (in
   * automation mode) the notification center, opened with the bell in the status bar. With `click`, presses that
   * button of the notification and leaves the center open: closing it would be a click in the workbench while
   * what the button started may be opening a quick pick, which closes when it loses the focus. Without, the
   * notification is cleared once read (so a later wait cannot take it for a new one) and the center closed.
   */
  async function notification(text, { timeout = scaled(30_000), click } = {}) {
    if (await showsToasts()) {
      const shown = toast(text).first();
      await shown.waitFor({ timeout });
      if (click) await pressUntilClosed(shown, click, timeout);
      return;
    }
    if (!(await center.isVisible())) await bell.click({ timeout });
    const item = center.locator('.notification-list-item', { hasText: text }).first();
    await item.waitFor({ timeout });
    if (click) {
      // A notification in the center shows its buttons once expanded.
      await pressUntilClosed(item, click, timeout, async () => {
        if (!(await item.getByRole('button', { name: click }).isVisible())) await item.locator('.codicon-notifications-expand').click({ timeout });
      });
      return;
    }
    await item.hover({ timeout });
    await item.locator('.codicon-notifications-clear').click({ timeout });
    await item.waitFor({ state: 'detached', timeout });
    // The center hides by itself when its last notification goes; otherwise the bell closes it.
    await until(
      async () => {
        if (!(await center.isVisible())) return true;
        await bell.click({ timeout });
        return center.waitFor({ state: 'hidden', timeout: scaled(2_000) }).then(() => true, () => false);
      },
      { timeout, what: 'the notification center to close' },
    );
  }

  return { sidebar, runCommand, answerInputBox, answerPasswordBox, pick, notification, showsToasts };
}

/**
 * Starts what a UI journey needs: optionally the local sandbox (with a client whose secret is the test's, and
 * `sandboxOptions` such as a decoupled SCA pace),
 * code-server (with settings, optionally installing VSIX files) and Chromium on the workbench page.
 * Returns everything plus close(), which stops it all.
 */
export async function openWorkbench({ label, secret, clientId, userSettings = {}, install, development = true, extensionPath, sandboxOptions = {} }) {
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
  // --disable-telemetry leaves extensions' own telemetry on: the built-in Git extension posted to Microsoft from
  // every test window, and its first HTTPS request loaded the system CA certificates in the extension host we
  // share (120-200 ms of CPU), which landed on a timed click in some runs. A test window sends nothing anywhere.
  const server = await startCodeServer({
    label,
    install,
    development,
    userSettings: { 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', ...settings },
  });
  const browser = await launchBrowser(label);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(scaled(30_000));
  await page.goto(workbenchUrl(server, { development, extensionPath }), { timeout: scaled(60_000) });
  await page.waitForSelector('.monaco-workbench', { timeout: scaled(60_000) });
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
 * How long a timed click waits after the step before it. A person looks at one result before clicking the next,
 * which takes longer than this; a test that clicks at machine speed lands its click on what the previous step
 * left the workbench doing (a view it shows, a file it writes), and charged that to the click (up to 150 ms).
 */
const PAUSE_BEFORE_TIMED_CLICK_MS = 1000;

/**
 * Times user actions from the click to the first sight of their result, for `npm run bench` to print. A record,
 * never an assertion: timings depend on the machine and its load, which are saved alongside.
 *
 * With a `seen` watch, the time is the page's own: from the pointer (or key) going down in the workbench to the
 * DOM change that first puts the result in the page, on the browser's clock. Playwright's own work
 * around the click (actionability checks, its polling of frames) is not what a user waits for; the time
 * Playwright took to see it is kept beside it as `observedMs`.
 */
export function clickTimings(file) {
  const rows = [];
  const facts = { 'pause before each timed click (ms)': PAUSE_BEFORE_TIMED_CLICK_MS };
  return {
    /** Runs `act` (the click), then waits for `visible` (the result) and keeps the time between. */
    async measure(label, act, visible, seen) {
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BEFORE_TIMED_CLICK_MS));
      const armed = seen ? await armSeenWatch(seen) : undefined;
      const started = performance.now();
      await act();
      await visible();
      const observedMs = Math.round(performance.now() - started);
      const inPage = armed ? await armed.elapsed() : undefined;
      const ms = inPage ?? observedMs;
      rows.push({ label, ms, observedMs, clock: inPage === undefined ? 'playwright' : 'page' });
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

/** A `seenWhen` check: a row of the side bar's trees that shows `text` is drawn. Runs in the page, as source. */
export function sidebarRowShown(text) {
  const sidebar = document.getElementById('workbench.parts.sidebar');
  return [...(sidebar?.querySelectorAll('.monaco-list-row') ?? [])].some((r) => r.textContent.includes(text) && r.getClientRects().length > 0);
}

/**
 * What a click's result looks like to the page: `check(arg)` runs in the frames `where` names ('workbench' or
 * 'webviews') on every DOM change until it is true. It must be a self-contained function (it is sent as
 * source).
 */
export function seenWhen(page, where, check, arg) {
  return { page, where, check: check.toString(), arg };
}

/** The workbench's first pointer or key down, and the first DOM change in which each watched frame shows the result. */
async function armSeenWatch({ page, where, check, arg }) {
  const frames = where === 'workbench' ? [page.mainFrame()] : page.frames().filter((f) => f !== page.mainFrame());
  await page.mainFrame().evaluate(() => {
    globalThis.__openPaymentsDown = undefined;
    const mark = () => { globalThis.__openPaymentsDown ??= performance.timeOrigin + performance.now(); };
    globalThis.addEventListener('pointerdown', mark, { capture: true, once: true });
    globalThis.addEventListener('keydown', mark, { capture: true, once: true });
  });
  const watching = [];
  for (const frame of frames) {
    const ok = await frame
      .evaluate(({ source, value }) => {
        const test = new Function(`return (${source})`)();
        globalThis.__openPaymentsSeen = undefined;
        // DOM changes, not animation frames: a page Chromium counts as hidden (another window in front, e.g.
        // the bank's login page) gets no frames, but its mutations are still observed as they happen.
        const observer = new globalThis.MutationObserver(() => look());
        const look = () => {
          if (globalThis.__openPaymentsSeen !== undefined) return observer.disconnect();
          if (test(value)) {
            globalThis.__openPaymentsSeen = performance.timeOrigin + performance.now();
            observer.disconnect();
          }
        };
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'aria-hidden'] });
        look();
        return true;
      }, { source: check, value: arg })
      .catch(() => false);
    if (ok) watching.push(frame);
  }
  return {
    async elapsed() {
      const down = await page.mainFrame().evaluate(() => globalThis.__openPaymentsDown).catch(() => undefined);
      const seen = [];
      for (const frame of watching) {
        // Reading also stops the frame's watch: a frame that never saw the result stops looking.
        const at = await frame.evaluate(() => globalThis.__openPaymentsSeen ?? ((globalThis.__openPaymentsSeen = null), undefined)).catch(() => undefined);
        if (typeof at === 'number') seen.push(at);
      }
      if (process.env.OPENPAYMENTS_DEBUG_TIMING) console.log('seen-watch', { frames: frames.length, watching: watching.length, urls: watching.map((f) => f.url().slice(0, 80)), down, seen });
      if (typeof down !== 'number' || seen.length === 0) return undefined;
      return Math.max(0, Math.round(Math.min(...seen) - down));
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
export async function until(check, { timeout = scaled(30_000), what = 'condition', every = 100 } = {}) {
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

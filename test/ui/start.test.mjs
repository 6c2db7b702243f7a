// The README's first command, as a newcomer runs it: `npm start` builds, starts the local sandbox and a real
// VS Code with the extension and the `local` environment, prints the URL; the first request works after the
// explicit Use Local Sandbox action; Ctrl+C stops everything it started.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { artifactsDir, freePort, launchBrowser, repoRoot } from '../harness/codeServer.mjs';
import { scaled, screenshotOnFailure, workbench } from './helpers.mjs';

function refuses(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('npm start: the product in one command', function () {
  this.timeout(scaled(120_000));
  let child;
  let output = '';
  let browser;
  let page;
  let port;
  let workbenchPort;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpayments-start-'));

  before(async () => {
    port = await freePort();
    // Its own process group, so a failed test can still stop whatever it started.
    child = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.mjs')], {
      cwd: repoRoot,
      env: { ...process.env, OPENPAYMENTS_PORT: String(port), OPENPAYMENTS_START_DATA: dataDir },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const wait = scaled(90_000);
    const deadline = Date.now() + wait;
    while (!/Open this URL in your browser/.test(output)) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start printed no URL within ${wait / 1000} s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  after(async () => {
    await browser?.close();
    browser?.removeProfile();
    if (child?.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, page, 'start');
  });

  it('prints the local sandbox hosts, the demo client and a short URL to open', () => {
    assert.match(output, /AUTH_HOST http:\/\/127\.0\.0\.2:8401\s+API_HOST http:\/\/127\.0\.0\.2:8402/);
    assert.match(output, /redirect URI http:\/\/127\.0\.0\.1:53682\/callback/);
    assert.match(output, new RegExp(`^  http://127\\.0\\.0\\.1:${port}/$`, 'm'), 'the URL is the bare address, easy to copy');
  });

  it('sends that URL to a workbench whose folder lies outside the clone (no "repository in parent folders")', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    const target = new URL(response.headers.get('location'));
    workbenchPort = Number(target.port);
    const folder = target.searchParams.get('folder');
    assert.ok(folder && path.isAbsolute(folder), `the workbench opens a folder: ${target}`);
    const relative = path.relative(repoRoot, folder);
    assert.ok(relative.startsWith('..') || path.isAbsolute(relative), `${folder} is outside the clone ${repoRoot}`);
    assert.ok((await fetch(target)).ok, 'code-server answers the workbench URL');
  });

  it('opens a real VS Code on the local environment; after Use Local Sandbox the Banks view lists countries', async () => {
    const url = `http://127.0.0.1:${port}/`;
    browser = await launchBrowser('start');
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: scaled(60_000) });
    // Opening the container activates the extension; its status bar item appears then.
    await page.locator('.activitybar [aria-label^="Open Payments"]').first().click();
    await page.locator('.statusbar-item', { hasText: 'Open Payments: Local Sandbox' }).first().waitFor({ timeout: scaled(30_000) });
    const ui = workbench(page);
    await ui.sidebar().getByRole('button', { name: 'Use Local Sandbox' }).first().click();
    await ui.sidebar().locator('.monaco-list-row', { hasText: 'Sweden' }).first().waitFor({ timeout: scaled(30_000) });
    await page.screenshot({ path: path.join(artifactsDir, 'start-local-sandbox.png') });
  });

  it('stops code-server and the sandbox on Ctrl+C', async () => {
    await browser?.close();
    browser?.removeProfile();
    browser = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((_, reject) => setTimeout(() => reject(new Error('npm start did not exit within 15 s of Ctrl+C')), 15_000))]);
    for (const [host, p] of [['127.0.0.1', port], ['127.0.0.1', workbenchPort], ['127.0.0.2', 8401], ['127.0.0.2', 8402]]) {
      assert.equal(await refuses(host, p), true, `${host}:${p} is closed after Ctrl+C`);
    }
  });
});

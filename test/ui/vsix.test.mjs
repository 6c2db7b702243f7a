// The packaged extension, as a user installs it: build the VSIX, install it into code-server, set credentials
// and send a request from the command palette, and prove the local sandbox received it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../harness/codeServer.mjs';
import { openWorkbench, screenshotOnFailure, workbench } from './helpers.mjs';

const SECRET = `vsix-secret-${crypto.randomBytes(8).toString('hex')}`;

describe('the packaged extension (VSIX) in code-server', function () {
  this.timeout(120_000);
  let workbenchUi;
  let page;
  let vsixDir;

  before(async () => {
    vsixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpayments-vsix-'));
    const vsix = path.join(vsixDir, 'open-payments-vscode.vsix');
    execFileSync(process.execPath, ['esbuild.js', '--production', '--only=extension'], { cwd: repoRoot });
    execFileSync(
      path.join(repoRoot, 'node_modules', '.bin', 'vsce'),
      ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Only what runs and the documents the marketplace shows: no sources, maps, tests or README pictures.
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
    const shipped = listing.filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length)).sort();
    assert.deepEqual(
      shipped.filter((name) => !name.startsWith('media/walkthrough/')),
      ['LICENSE.txt', 'changelog.md', 'dist/extension.js', 'dist/lazy.js', 'media/icon.png', 'media/open-payments.svg', 'media/response.css', 'package.json', 'readme.md'],
    );
    workbenchUi = await openWorkbench({ label: 'vsix', secret: SECRET, clientId: 'vsix-client', install: [vsix], development: false });
    page = workbenchUi.page;
  });
  after(async () => {
    await workbenchUi?.close();
    if (vsixDir) fs.rmSync(vsixDir, { recursive: true, force: true });
  });
  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, page, 'vsix');
  });

  it('activates from the VSIX on its first command and shows the environment', async () => {
    const ui = workbench(page);
    // The palette lists our commands once the workbench has read the extension's manifest, which the
    // container's activity bar item shows; it does not activate the extension.
    await page.locator('.activitybar [aria-label^="Open Payments"]').first().waitFor({ timeout: 60_000 });
    await ui.runCommand('Open Payments: Set Client Credentials');
    await ui.answerInputBox('vsix-client');
    await ui.answerPasswordBox(SECRET);
    await ui.toast('Client credentials for Custom Hosts are saved').waitFor({ timeout: 20_000 });
    await page.locator('.statusbar-item', { hasText: 'Open Payments: Custom Hosts' }).first().waitFor({ timeout: 30_000 });
  });

  it('sends Get ASPSP List from the palette to the sandbox, traced by its X-Request-ID', async () => {
    const ui = workbench(page);

    await ui.runCommand('Open Payments: Send Request…');
    await ui.pick('Get ASPSP List');
    // The optional-parameters step: Enter sends without them.
    await page.locator('.quick-input-widget', { hasText: 'optional parameters' }).waitFor();
    await page.keyboard.press('Enter');

    let entry;
    for (let i = 0; i < 100 && !entry; i += 1) {
      const log = await (await fetch(`${workbenchUi.sandbox.apiHost}/__sandbox/requests`)).json();
      entry = log.requests.find((r) => r.path === '/psd2/aspspinformation/v1/aspsps');
      if (!entry) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(entry, 'the sandbox received GET /aspsps');
    assert.equal(entry.status, 200);
    assert.match(entry.requestId ?? '', /^[0-9a-f-]{36}$/);
    // The response view shows the status and the very X-Request-ID the sandbox received.
    const view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.locator('body', { hasText: entry.requestId }).waitFor({ timeout: 20_000 });
    assert.equal((await view.locator('.status').first().textContent())?.trim(), '200 OK');
    await workbenchUi.screenshot('vsix-send-request.png');
    assert.ok(!(await page.content()).includes(SECRET), 'the secret is nowhere in the workbench');
  });
});

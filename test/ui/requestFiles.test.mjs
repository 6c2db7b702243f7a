// A request file in the real workbench: opening a .http file (nothing else of ours run) activates the extension,
// which puts "Send with Open Payments" and "Copy as Code" above the block that is a catalogue operation and none
// above the token request. Then the workflow's last steps: send the block, copy it as code in a language from the
// quick pick, and read the program from the clipboard. The screenshots are the README's pictures of both.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, scaled, screenshotOnFailure, until, workbench } from './helpers.mjs';

const SECRET = `ui-files-secret-${crypto.randomBytes(8).toString('hex')}`;
const CONSENT_ID = '00000000-0000-4000-8000-000000000001';

const FILE = [
  `@consentId = ${CONSENT_ID}`,
  '',
  '### Get Consent Status',
  'GET {{API_HOST}}/psd2/consent/v1/consents/{{consentId}}/status',
  'Authorization: Bearer {{token}}',
  'X-Request-ID: {{$guid}}',
  'X-BicFi: ESSESESS',
  '',
  '### A token, which Open Payments gets by itself',
  'POST {{AUTH_HOST}}/connect/token',
  'Content-Type: application/x-www-form-urlencoded',
  '',
  'grant_type=client_credentials',
  '',
].join('\n');

describe('request files in the workbench', function () {
  this.timeout(scaled(120_000));
  let workbenchUi;
  let page;

  before(async () => {
    workbenchUi = await openWorkbench({
      label: 'request-files',
      secret: SECRET,
      clientId: 'ui-files',
      userSettings: { 'openPayments.psu.ipAddress': '192.168.0.1', 'openPayments.psu.userAgent': 'Mozilla/5.0 (request files)' },
    });
    page = workbenchUi.page;
    await workbenchUi.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    fs.writeFileSync(path.join(workbenchUi.server.dirs.workspace, 'open-payments.http'), FILE);
  });
  after(async () => workbenchUi?.close());
  afterEach(async function () {
    await screenshotOnFailure(this.currentTest, page, 'request-files');
  });

  it('shows Send with Open Payments above the catalogue block only, once a .http file is opened', async () => {
    const ui = workbench(page);
    await ui.runCommand('Go to File...');
    await page.keyboard.type('open-payments.http');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'open-payments.http' }).first();
    await row.waitFor({ timeout: scaled(30_000) });
    await page.keyboard.press('Enter');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Send with Open Payments' });
    await lens.first().waitFor({ timeout: scaled(60_000) });
    // The lens of the second block would have shown with the first: both come from one provider call. The
    // workbench may draw the lenses again meanwhile (its cached ones first, then the provider's), leaving none
    // for a moment on a busy machine: the count is read once two reads 200 ms apart agree.
    const settled = await until(
      async () => {
        const first = await lens.count();
        await new Promise((resolve) => setTimeout(resolve, 200));
        return first > 0 && first === (await lens.count()) ? { count: first } : undefined;
      },
      { what: 'the lenses to settle' },
    );
    assert.equal(settled.count, 1, 'one lens: the token request is no catalogue operation');
    await workbenchUi.screenshot('request-file-lens.png');
  });

  it('sends the block, then copies it as code in the language picked: a program with no secret that makes its own X-Request-ID', async () => {
    const ui = workbench(page);
    const { sandbox } = workbenchUi;
    await ui.runCommand('Open Payments: Set Client Credentials');
    await ui.answerInputBox('ui-files');
    await ui.answerPasswordBox(SECRET);
    await ui.notification('Client credentials for Custom Hosts are saved');

    // Sending gets a token from the sandbox: the one secret the copied program must not carry.
    const secrets = async () => {
      const issued = await (await fetch(`${sandbox.apiHost}/__sandbox/secrets`)).json();
      return [issued.accessTokens, issued.authorizationCodes, issued.refreshTokens].flat().map((entry) => entry.value);
    };
    await page.locator('.codelens-decoration a', { hasText: 'Send with Open Payments' }).first().click();
    const tokens = await until(async () => ((await secrets()).length > 0 ? secrets() : undefined), { what: 'the token of the send' });
    const sentIds = async () => (await (await fetch(`${sandbox.apiHost}/__sandbox/requests`)).json()).requests.map((entry) => entry.requestId);
    await until(async () => (await sentIds()).length > 0, { what: 'the request the lens sent' });

    await page.locator('.codelens-decoration a', { hasText: 'Copy as Code' }).first().click();
    const rows = page.locator('.quick-input-widget .monaco-list-row .label-name');
    await page.locator('.quick-input-widget input[placeholder="Choose the language of the program to copy"]').waitFor({ timeout: scaled(30_000) });
    await until(async () => (await rows.count()) === 4, { what: 'the four languages' });
    assert.deepEqual((await rows.allTextContents()).sort(), ['Java (java.net.http)', 'JavaScript (Node.js fetch)', 'Python (urllib, standard library)', 'cURL (sh script)']);
    await workbenchUi.screenshot('copy-as-code.png');
    await ui.pick('JavaScript (Node.js fetch)');
    await ui.notification('The JavaScript (Node.js fetch) program for Get Consent Status was copied to the clipboard');

    const program = await page.evaluate(() => globalThis.navigator.clipboard.readText());
    assert.ok(program.includes(`${sandbox.apiHost}/psd2/consent/v1/consents/${CONSENT_ID}/status`), program);
    assert.match(program, /const requestId = randomUUID\(\);/, 'the program makes a fresh X-Request-ID each time it runs');
    const literalIds = (program.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? []).filter((id) => id !== CONSENT_ID);
    assert.deepEqual(literalIds, [], 'no X-Request-ID is written into the program');
    for (const id of await sentIds()) assert.ok(!program.includes(id), 'the id of the send is not reused');
    assert.match(program, /client_secret: requireEnv\(['"]OPENPAYMENTS_CLIENT_SECRET['"]\)/, 'the client secret comes from the environment when it runs');
    for (const secret of [SECRET, ...tokens]) assert.ok(!program.includes(secret), 'no client secret nor token in the program');
  });
});

// A request file in the real workbench: opening a .http file (nothing else of ours run) activates the extension,
// which puts "Send with Open Payments" above the block that is a catalogue operation and none above the token
// request. The screenshot is the README's picture of the lens.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, scaled, screenshotOnFailure, workbench } from './helpers.mjs';

const FILE = [
  '@consentId = 00000000-0000-4000-8000-000000000001',
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
    workbenchUi = await openWorkbench({ label: 'request-files' });
    page = workbenchUi.page;
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
    // The lens of the second block would have shown with the first: both come from one provider call.
    assert.equal(await lens.count(), 1, 'one lens: the token request is no catalogue operation');
    await workbenchUi.screenshot('request-file-lens.png');
  });
});

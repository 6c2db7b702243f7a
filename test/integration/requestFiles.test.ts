import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONSENT_BODY_TEMPLATE } from '../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../src/client/http/requestFailure';
import { base64Cores, findSecretRanges, type Needle } from '../../src/client/redaction/secretSearch';
import type { CopyBlockOutcome } from '../../src/features/requestFiles/copyBlockCommand';
import type { SendBlockOutcome } from '../../src/features/requestFiles/sendBlockCommand';
import { requestsSince } from '../support/sandboxAdmin';
import type { PostmanImportOutcome } from '../../src/features/postmanImport/postmanImportCommand';
import { EXTENSION_ID, eventually, extensionApi, issuedSecrets, requestMark, RUN_SECRET, SANDBOX_API_HOST, useSandboxEnvironment, withPrompter } from './support';

const BIC = 'HANDSESS'; // decoupled SCA the sandbox approves at once
const SEND = 'openPayments.requestFiles.send';

function needles(secrets: readonly string[]): Needle[] {
  return secrets.flatMap((text) => [{ text, base64: false }, ...base64Cores(text).map((core) => ({ text: core, base64: true }))]);
}

async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function readFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('request files in a real VS Code', function () {
  this.timeout(120_000);
  useSandboxEnvironment({ 'psu.ipAddress': '192.168.0.1', 'psu.userAgent': 'mozilla/5.0', 'psu.id': '199311219639' });

  let folder: vscode.Uri;
  let consentId: string;

  before(async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(workspace, 'the runner opens a workspace folder');
    folder = vscode.Uri.joinPath(workspace, 'request-files-it');
    await vscode.workspace.fs.createDirectory(folder);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('saves a History entry as a block of the shared syntax, with variables in place of the token, the id and the host', async () => {
    const api = await extensionApi();
    const result = await vscode.commands.executeCommand<ApiResult | undefined>('openPayments.sendRequest', {
      operationId: 'createConsent',
      params: { 'X-BicFi': BIC },
      body: CONSENT_BODY_TEMPLATE,
    });
    assert.ok(result?.ok, 'the consent was created');
    consentId = String((result.exchange.json as { consentId: string }).consentId);
    const sentId = result.exchange.requestId;
    await eventually(() => assert.equal(api.history.entries()[0]?.requestId, sentId));
    const entry = api.history.entries()[0];

    const target = vscode.Uri.joinPath(folder, 'saved.http');
    await writeFile(target, '# my requests\n');
    const saved = await withPrompter(api, [(items) => items.find((item) => (item as { id?: string }).id === target.toString())], () =>
      vscode.commands.executeCommand<vscode.Uri | undefined>('openPayments.requestFiles.saveFromHistory', { id: entry?.id }),
    );
    assert.equal(saved?.toString(), target.toString());

    const text = await readFile(target);
    assert.match(text, /^# my requests\n/);
    assert.ok(text.includes('### Create Consent\nPOST {{API_HOST}}/psd2/consent/v1/consents\n'), text);
    assert.ok(text.includes('Authorization: Bearer {{token}}\nX-Request-ID: {{$guid}}\n'), text);
    assert.ok(text.includes(`X-BicFi: ${BIC}\n`), text);
    assert.ok(text.includes('"recurringIndicator": true'), 'the body is written as JSON');
    assert.ok(!text.includes(sentId), 'the X-Request-ID sent is not written: every send gets a fresh one');
    assert.ok(!text.includes(SANDBOX_API_HOST ?? '\u0000'), 'the host is not written');
    const secrets = [RUN_SECRET, ...(await issuedSecrets())];
    assert.ok(secrets.length > 1, 'the sandbox issued a token to search for');
    assert.deepEqual(findSecretRanges(text, needles(secrets)), [], 'no secret in any encoding');
  });

  it('shows Send with Open Payments on catalogue blocks only, and marks a malformed line', async () => {
    const uri = vscode.Uri.joinPath(folder, 'lens.http');
    await writeFile(
      uri,
      [
        '### Countries', // 0
        'GET {{API_HOST}}/psd2/aspspinformation/v1/countries', // 1
        '', // 2
        '### Token', // 3
        'POST {{AUTH_HOST}}/connect/token', // 4
        '', // 5
        '### Elsewhere', // 6
        'GET https://example.com/psd2/aspspinformation/v1/countries', // 7
        '', // 8
        '### Consent status', // 9
        'GET {{API_HOST}}/psd2/consent/v1/consents/{{consentId}}/status', // 10
        `X-BicFi: ${BIC}`, // 11
        '', // 12
        '### Broken', // 13
        'FETCH {{API_HOST}}/psd2/aspspinformation/v1/cities', // 14
        '',
      ].join('\n'),
    );
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'http', 'a .http file has the http language without REST Client or httpYac');
    await eventually(async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      const ours = lenses.filter((lens) => lens.command?.command === SEND);
      assert.deepEqual(
        ours.map((lens) => lens.range.start.line),
        [1, 10],
      );
      assert.equal(ours[0]?.command?.title, 'Send with Open Payments');
    }, 30_000);
    await eventually(() => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Open Payments');
      assert.deepEqual(
        diagnostics.map((diagnostic) => diagnostic.range.start.line),
        [14],
      );
      assert.match(diagnostics[0]?.message ?? '', /"FETCH" is not an HTTP method/);
    }, 30_000);
  });

  it('sends a block through the lens with a fresh X-Request-ID, the last consent for {{consentId}}, into History and the response view', async () => {
    const api = await extensionApi();
    const uri = vscode.Uri.joinPath(folder, 'lens.http');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    const lens = lenses.find((candidate) => candidate.command?.command === SEND && candidate.range.start.line === 10);
    assert.ok(lens?.command, 'the consent-status block has its lens');
    const outcome = await vscode.commands.executeCommand<SendBlockOutcome>(lens.command.command, ...(lens.command.arguments ?? []));
    assert.ok(outcome.sent && outcome.result?.ok, `sent and answered: ${JSON.stringify(outcome)}`);
    const { exchange } = outcome.result;
    assert.equal(exchange.operationId, 'getConsentStatus');
    assert.ok(exchange.url.includes(`/consents/${consentId}/status`), 'the last consent filled {{consentId}}');
    await eventually(() => assert.equal(api.history.entries()[0]?.requestId, exchange.requestId), 30_000);
    assert.ok(api.responsePanel.html?.includes(exchange.requestId), 'the response view shows the exchange');
    assert.ok(!(await readFile(uri)).includes(exchange.requestId));
  });

  it('gives a .rest file the http language and both lenses; Copy as Code copies its block as Send resolves it, without a secret', async () => {
    const uri = vscode.Uri.joinPath(folder, 'copy.rest');
    await writeFile(uri, `### Consent status\nGET {{API_HOST}}/psd2/consent/v1/consents/{{consentId}}/status\nX-BicFi: ${BIC}\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'http', 'a .rest file has the http language without REST Client or httpYac');
    let lenses: vscode.CodeLens[] = [];
    await eventually(async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      lenses = all.filter((lens) => lens.command?.command.startsWith('openPayments.requestFiles.'));
      assert.deepEqual(lenses.map((lens) => [lens.range.start.line, lens.command?.title]), [[1, 'Send with Open Payments'], [1, 'Copy as Code']]);
    }, 30_000);
    const copy = lenses[1]?.command;
    assert.ok(copy);
    const outcome = await vscode.commands.executeCommand<CopyBlockOutcome>(copy.command, ...(copy.arguments ?? []), 'javascript');
    assert.ok(outcome.copied, JSON.stringify(outcome));
    assert.equal(await vscode.env.clipboard.readText(), outcome.code, 'the program is on the clipboard');
    assert.ok(outcome.code.includes(`${SANDBOX_API_HOST}/psd2/consent/v1/consents/${consentId}/status`), 'the last consent filled {{consentId}}, the active environment the host');
    assert.match(outcome.code, /randomUUID\(\)/, 'the program makes its own X-Request-ID');
    assert.deepEqual(findSecretRanges(outcome.code, needles([RUN_SECRET, ...(await issuedSecrets())])), [], 'no secret in any encoding');
  });

  it('refuses a block that is no catalogue operation with a message, and sends nothing', async () => {
    const mark = await requestMark();
    const uri = vscode.Uri.joinPath(folder, 'lens.http');
    for (const [line, wording] of [
      [4, /authorization server/],
      [7, /names its own host/],
    ] as const) {
      const outcome = await vscode.commands.executeCommand<SendBlockOutcome>(SEND, uri, line);
      assert.equal(outcome.sent, false);
      assert.match(outcome.sent ? '' : outcome.message, wording);
    }
    const broken = await vscode.commands.executeCommand<SendBlockOutcome>(SEND, uri, 14);
    assert.match(broken.sent ? '' : broken.message, /Line 15 cannot be read/);
    const sent = await requestsSince(SANDBOX_API_HOST ?? '', mark);
    assert.deepEqual(
      sent.filter((request) => request.path.startsWith('/psd2/aspspinformation/v1/cities')),
      [],
      'nothing was sent',
    );
  });

  it('saves a tree item and the last request sent, ids as variables at the top, and the saved file sends as it is', async () => {
    const api = await extensionApi();
    const target = vscode.Uri.joinPath(folder, 'tree.http');
    const pickTarget = (items: readonly vscode.QuickPickItem[]) => items.find((item) => (item as { id?: string }).id === target.toString());
    await writeFile(target, '');
    const consent = { consentId, bicFi: BIC, environmentId: 'custom', status: 'valid', createdAt: new Date().toISOString(), context: 'private' };
    await withPrompter(api, [pickTarget], () => vscode.commands.executeCommand('openPayments.requestFiles.saveFromTree', { kind: 'consent', consent }));
    await withPrompter(api, [pickTarget], () => vscode.commands.executeCommand('openPayments.requestFiles.saveLast'));

    const text = await readFile(target);
    const lines = text.split('\n');
    assert.ok(lines.indexOf(`@consentId = ${consentId}`) < lines.indexOf('### Get Consent Status'), text);
    assert.equal(text.split('GET {{API_HOST}}/psd2/consent/v1/consents/{{consentId}}/status').length - 1, 2, 'both saves wrote the consent-status request with the id variable');

    const requestLine = lines.indexOf('GET {{API_HOST}}/psd2/consent/v1/consents/{{consentId}}/status');
    const outcome = await vscode.commands.executeCommand<SendBlockOutcome>(SEND, target, requestLine);
    assert.ok(outcome.sent && outcome.result?.ok, `the saved block sends: ${JSON.stringify(outcome)}`);
    assert.ok(outcome.result.exchange.url.includes(`/consents/${consentId}/status`));
  });

  it('imports the official Postman collection and environment from the palette, and its blocks send through the lens in flow order', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const reference = vscode.Uri.joinPath(extension.extensionUri, '..', 'shared', 'reference');
    const collection = vscode.Uri.joinPath(reference, 'obp.postman_collection.json');
    const environment = vscode.Uri.joinPath(reference, 'sandbox.postman_environment.json');
    try {
      await vscode.workspace.fs.stat(collection);
      await vscode.workspace.fs.stat(environment);
    } catch {
      console.log(`      (skipped: the official Postman collection and environment are not in ${reference.fsPath})`);
      this.skip();
    }
    const api = await extensionApi();
    const target = vscode.Uri.joinPath(folder, 'postman');
    await vscode.workspace.fs.createDirectory(target);
    const answers = [[collection], [environment], [target]];
    const dialogs = api.dialogs.use({ open: async () => answers.shift() });
    // The environment file's client id and secret are its placeholders: the import offers nothing, so no prompt is scripted.
    const outcome = await withPrompter(api, [], () => vscode.commands.executeCommand<PostmanImportOutcome | undefined>('openPayments.importPostmanCollection')).finally(() => dialogs.dispose());
    assert.ok(outcome, 'the import ran');
    assert.deepEqual([outcome.mapped, outcome.unmapped, outcome.credentials.kind], [37, 0, 'placeholder']);
    const report = (await vscode.workspace.openTextDocument(outcome.report)).getText();
    assert.match(report, /37 of 37 requests were mapped/);
    const envValues = (JSON.parse(await readFile(environment)) as { values: { key: string; value: string }[] }).values;
    const secrets = envValues.filter((entry) => /^client(Id|Secret)$/.test(entry.key)).map((entry) => entry.value);
    for (const text of [report, ...(await Promise.all(outcome.files.map(readFile)))]) {
      assert.deepEqual(findSecretRanges(text, needles(secrets)), [], 'no client id or secret in a written file or the report');
    }

    // Flow order, as the user sends them: the bank's information, then a consent and its status (the newest consent
    // is {{consentId}}); the user defines the bank the collection's script would have taken from Get ASPSP List.
    const [aspsp, consent] = outcome.files as [vscode.Uri, vscode.Uri];
    for (const uri of [aspsp, consent]) {
      const text = `@bicFi = ${BIC}\n@consentValidUntil = ${new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10)}\n${await readFile(uri)}`;
      await writeFile(uri, text);
      // The import opened the first file in an editor; the lens reads that document once it has the file's new text.
      await eventually(async () => assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), text), 30_000);
    }
    const sent: string[] = [];
    for (const [uri, names] of [
      [aspsp, ['Get Country List', 'Get Country Details', 'Get ASPSP List', 'Get ASPSP Details']],
      [consent, ['Create Consent', 'Get Consent Status']],
    ] as const) {
      const lines = (await readFile(uri)).split('\n');
      for (const name of names) {
        const line = lines.indexOf(`### ${name}`) + 1;
        const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
        const lens = lenses.find((candidate) => candidate.command?.command === SEND && candidate.range.start.line === line);
        assert.ok(lens?.command, `${name} has its lens`);
        const result = await vscode.commands.executeCommand<SendBlockOutcome>(lens.command.command, ...(lens.command.arguments ?? []));
        assert.ok(result.sent && result.result?.ok, `${name} sent and answered: ${JSON.stringify(result)}`);
        sent.push(result.result.exchange.operationId);
      }
    }
    assert.deepEqual(sent, ['getCountriesList', 'getCountryDetails', 'getASPSPList', 'getASPSPDetails', 'createConsent', 'getConsentStatus']);
  });
});

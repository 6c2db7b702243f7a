// Traces a user hands to support, in the real extension host against the local sandbox: Find X-Request-ID…,
// the timeline of a consent, Copy Support Bundle (with the secret scan), and Forget Everything last: it removes
// all the extension keeps, so suites.ts runs this file before those whose History the reloaded session checks.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import * as vscode from 'vscode';
import { CONSENT_BODY_TEMPLATE } from '../../src/client/catalogue/catalogue';
import { ENVIRONMENT_IDS } from '../../src/client/environments/environments';
import type { ApiResult } from '../../src/client/http/requestFailure';
import type { TimelineStep } from '../../src/client/traces/timeline';
import type { FindOutcome } from '../../src/features/traces/findRequestId';
import type { ConsentNode } from '../../src/host/treeNodes';
import { consentNodeOf, eventually, extensionApi, issuedSecrets, RUN_SECRET, useSandboxEnvironment, withPrompter } from './support';

const BIC = 'HANDSESS'; // decoupled SCA the sandbox approves at once

/** Every encoding a secret could hide in: verbatim, URL, form, JSON, base64 alone and inside HTTP Basic. */
function encodings(secret: string): string[] {
  const base64 = (text: string): string => Buffer.from(text).toString('base64');
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    base64(secret),
    Buffer.from(secret).toString('base64url'),
    base64(`it-client:${secret}`),
  ];
}

describe('traces a user can hand to support', function () {
  this.timeout(90_000);
  let consentId = '';
  let createRequestId = '';

  useSandboxEnvironment({ 'psu.ipAddress': '192.168.0.1' });

  const consentNode = (): Promise<ConsentNode> => consentNodeOf(consentId);

  it('Find X-Request-ID opens the exchange of an id pasted with text around it, in any case', async () => {
    const api = await extensionApi();
    const result = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getASPSPList', params: { isoCountryCodes: 'SE' } });
    assert.ok(result?.ok);
    const requestId = result.exchange.requestId;
    await eventually(() => assert.ok(api.history.entries().some((e) => e.requestId === requestId), 'recorded in History'));
    // Another response in the view first, so the find is seen to change it.
    await vscode.commands.executeCommand('openPayments.sendRequest', { operationId: 'getASPSPList', params: { isoCountryCodes: 'FI' } });
    const pasted = `2026-12-06 10:00:00.123 [error] customer ticket #4411: "GET failed, X-Request-ID: ${requestId.toUpperCase()}"  `;
    const outcome = await vscode.commands.executeCommand<FindOutcome>('openPayments.findRequestId', pasted);
    assert.equal(outcome?.kind, 'opened', JSON.stringify(outcome));
    const html = api.responsePanel.html ?? '';
    assert.ok(html.includes(requestId), 'the response view shows that exchange');
    assert.ok(html.includes('isoCountryCodes=SE'), 'its request');
    assert.match(html, /\d+ ms/, 'its timing');
    assert.ok(html.includes('Environment: Custom Hosts'), 'its environment');
  });

  it('Find X-Request-ID says when an id is not in History, and asks for a paste that holds one', async () => {
    const missing = '0f0e0d0c-0b0a-4909-8807-060504030201';
    const outcome = await vscode.commands.executeCommand<FindOutcome>('openPayments.findRequestId', `request ${missing} from our backend`);
    assert.deepEqual(outcome, { kind: 'notFound', candidates: [missing] });
    const api = await extensionApi();
    await withPrompter(api, [undefined], async (prompter) => {
      assert.deepEqual(await vscode.commands.executeCommand<FindOutcome>('openPayments.findRequestId'), { kind: 'cancelled' });
      const input = prompter.asked[0]?.options as vscode.InputBoxOptions;
      assert.equal(input.validateInput?.('nothing here'), 'This text contains no X-Request-ID (a UUID such as 3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b).');
    });
  });

  it('shows the timeline of a consent after create, authorise and status: the exchanges in order, with the status change', async () => {
    const create = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': BIC }, body: CONSENT_BODY_TEMPLATE });
    assert.ok(create?.ok);
    consentId = String((create.exchange.json as { consentId: string }).consentId);
    createRequestId = create.exchange.requestId;
    await eventually(async () => void (await consentNode()));
    const start = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'startConsentAuthorisation', params: { consentId, 'X-BicFi': BIC } });
    assert.ok(start?.ok);
    assert.equal(await vscode.commands.executeCommand<string>('openPayments.consents.status', await consentNode()), 'valid');
    const api = await extensionApi();
    await eventually(() => assert.ok(api.history.entries().some((e) => e.operationId === 'getConsentStatus' && e.pathAndQuery.includes(consentId))));

    const steps = await vscode.commands.executeCommand<readonly TimelineStep[]>('openPayments.showTimeline', await consentNode());
    assert.ok(steps);
    const calls = steps.map((s) => s.operationTitle);
    assert.deepEqual(calls.slice(0, 3), ['Create Consent', 'Start Consent Authorisation Process', 'Get Consent Status'], calls.join(', '));
    assert.equal(steps[0]?.requestId, createRequestId);
    assert.equal(steps[0]?.status, 'received');
    assert.equal(steps[1]?.requestId, start.exchange.requestId);
    assert.deepEqual([steps[2]?.changedFrom, steps[2]?.status], ['received', 'valid']);
    assert.ok(steps.every((s, i) => i === 0 || s.time >= (steps[i - 1]?.time ?? '')), 'oldest first');

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'openpayments-timeline');
    const text = editor.document.getText();
    assert.ok(text.includes(`Timeline of consent ${consentId}`));
    assert.match(text, /status received → valid/);
    // Each line leads to its exchange: its X-Request-ID is a link to Find X-Request-ID with that id.
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    const targets = links.map((link) => decodeURIComponent(link.target?.query ?? ''));
    assert.ok(targets.includes(JSON.stringify([createRequestId])), targets.join('\n'));
    assert.ok(links.every((link) => link.target?.scheme === 'command' && link.target.path === 'openPayments.findRequestId'));
    const opened = await vscode.commands.executeCommand<FindOutcome>('openPayments.findRequestId', ...(JSON.parse(targets[0] ?? '[]') as string[]));
    assert.equal(opened?.kind, 'opened');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('copies a support bundle of a History entry with every field, and no secret in any encoding', async () => {
    const api = await extensionApi();
    const entry = api.history.entries().find((e) => e.requestId === createRequestId);
    assert.ok(entry, 'the consent creation is in History');
    const bundle = await vscode.commands.executeCommand<string>('openPayments.copySupportBundle', entry);
    assert.ok(bundle);
    assert.equal(await vscode.env.clipboard.readText(), bundle, 'it is on the clipboard');
    const lines = bundle.split('\n');
    for (const expected of [
      'Request: POST /psd2/consent/v1/consents',
      `Time (UTC): ${entry.time}`,
      `X-Request-ID: ${createRequestId}`,
      `VS Code: ${vscode.version}`,
      'tppMessages:',
    ]) {
      assert.ok(lines.includes(expected), `missing "${expected}" in\n${bundle}`);
    }
    assert.ok(lines.some((line) => line.startsWith('Environment: Custom Hosts (')));
    assert.ok(lines.some((line) => /^Status: 201\b/.test(line)), 'the status');
    assert.ok(lines.some((line) => /^Extension: open-payments-vscode \d+\.\d+\.\d+/.test(line)), 'the extension version');
    assert.ok(bundle.includes(consentId), 'the response body');
    assert.ok(bundle.includes('"access"'), 'the request body');
    assert.doesNotMatch(bundle, /^authorization:/im);
    const secrets = [RUN_SECRET, ...(await issuedSecrets())];
    assert.ok(secrets.length > 1, 'the sandbox issued tokens to search for');
    const leaks = secrets.flatMap((secret) => encodings(secret).filter((encoded) => encoded.length >= 8 && bundle.includes(encoded)));
    assert.deepEqual(leaks, []);

    // From the response view: the exchange it shows.
    await vscode.commands.executeCommand('openPayments.findRequestId', createRequestId);
    const fromView = await vscode.commands.executeCommand<string>('openPayments.copySupportBundle');
    assert.ok(fromView?.includes(`X-Request-ID: ${createRequestId}`));
  });

  it('Forget Everything leaves no secret, globalState key or file under the extension storage', async () => {
    const api = await extensionApi();
    await api.credentials.set('sandbox', { clientId: 'other-client', clientSecret: 'forget-me-sandbox-secret' });
    await withPrompter(api, ['it-passphrase-1234'], () => vscode.commands.executeCommand('openPayments.setCertificatePassphrase'));
    assert.equal(await api.storage.secrets.get('openPayments.clientCertificatePassphrase'), 'it-passphrase-1234');
    assert.ok(api.history.entries().length > 0 && (await readdir(api.storage.globalStorageUri.fsPath, { recursive: true })).length > 0, 'there is something to forget');

    const forgotten = await withPrompter(api, [true], async (prompter) => {
      const done = await vscode.commands.executeCommand<boolean>('openPayments.forgetEverything');
      assert.equal(prompter.asked.length, 1, 'confirmed once');
      return done;
    });
    assert.equal(forgotten, true);
    for (const id of ENVIRONMENT_IDS) {
      assert.equal(await api.storage.secrets.get(`openPayments.clientCredentials.${id}`), undefined, id);
      assert.equal(await api.credentials.has(id), false, id);
    }
    assert.equal(await api.storage.secrets.get('openPayments.clientCertificatePassphrase'), undefined);
    assert.deepEqual(api.storage.globalState.keys().filter((key) => api.storage.globalState.get(key) !== undefined), []);
    const files = await readdir(api.storage.globalStorageUri.fsPath, { recursive: true }).catch(() => []);
    assert.deepEqual(files, []);
    assert.equal(api.history.entries().length, 0);
    const { consents } = api;
    assert.deepEqual(await consents.getChildren(), []);
    // The suite's after() sets nothing back but settings; its credentials are gone already.
    await api.credentials.set('custom', { clientId: 'it-client', clientSecret: RUN_SECRET });
  });
});

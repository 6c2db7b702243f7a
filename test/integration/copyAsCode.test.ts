// Copy as Code… in the real extension host: a request sent to the run's sandbox, copied from its History entry
// as a Node program, and that program run against the same sandbox, printing a 2xx and the id it echoed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { CONSENT_BODY_TEMPLATE } from '../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../src/client/http/requestFailure';
import { eventually, extensionApi, issuedSecrets, RUN_SECRET, useSandboxEnvironment, withPrompter } from './support';

function runNode(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // The extension host may run inside Electron, whose binary is Node only when told so.
    execFile(process.execPath, [file], { env: { ...env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('Copy as Code…', function () {
  this.timeout(120_000);
  useSandboxEnvironment({ 'psu.ipAddress': '192.168.0.1', 'psu.userAgent': 'mozilla/5.0', 'psu.id': '199311219639' });

  it('copies a sent request from History as a Node program that runs against the sandbox with its own X-Request-ID', async () => {
    const api = await extensionApi();
    const result = await vscode.commands.executeCommand<ApiResult | undefined>('openPayments.sendRequest', {
      operationId: 'createConsent',
      params: { 'X-BicFi': 'HANDSESS' },
      body: CONSENT_BODY_TEMPLATE,
    });
    assert.ok(result?.ok, 'the consent was created');
    const sentId = result.exchange.requestId;
    // History records the exchange as it is reported, a moment after the command resolves.
    await eventually(() => assert.ok(api.history.entries().some((e) => e.requestId === sentId), 'History lists the request'));
    const entry = api.history.entries().find((e) => e.requestId === sentId);

    const code = await withPrompter(api, [(items) => items.find((item) => item.label.startsWith('JavaScript'))], () =>
      vscode.commands.executeCommand<string | undefined>('openPayments.copyAsCode', entry),
    );
    assert.ok(code, 'a program was copied');
    assert.equal(await vscode.env.clipboard.readText(), code);
    assert.ok(!code.includes(sentId), 'the program repeats the recorded X-Request-ID');
    assert.ok(!code.includes(RUN_SECRET), 'the program holds the client secret');
    for (const secret of await issuedSecrets()) assert.ok(!code.includes(secret), 'the program holds a token or code the sandbox issued');

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'op-it-code-'));
    try {
      const file = path.join(folder, 'createConsent.mjs');
      fs.writeFileSync(file, code);
      const run = await runNode(file, { PATH: process.env.PATH, OPENPAYMENTS_CLIENT_ID: 'it-client', OPENPAYMENTS_CLIENT_SECRET: RUN_SECRET });
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /^Status: 201$/m);
      const echoed = /^X-Request-ID: ([0-9a-f-]{36})$/m.exec(run.stdout)?.[1];
      assert.ok(echoed && echoed !== sentId, run.stdout);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

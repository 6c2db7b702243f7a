// Every response bounded, in the real extension host against the harness's sandbox: a body over the size
// limit goes to a masked temporary file the response view previews, and a server trickling its answer is
// stopped by the overall request deadline.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { ApiResult } from '../../src/client/http/requestFailure';
import { extensionApi, RUN_SECRET, SANDBOX_API_HOST, useSandboxEnvironment } from './support';

async function fault(spec: Record<string, unknown>): Promise<void> {
  const set = await fetch(`${SANDBOX_API_HOST ?? ''}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([spec]) });
  assert.equal(set.status, 200);
}

describe('every response bounded (extension host, local sandbox)', function () {
  this.timeout(90_000);
  useSandboxEnvironment();
  const config = () => vscode.workspace.getConfiguration('openPayments');

  afterEach(async () => {
    await fetch(`${SANDBOX_API_HOST ?? ''}/__sandbox/faults`, { method: 'DELETE' });
    await config().update('http.maxResponseBodyMB', undefined, vscode.ConfigurationTarget.Global);
    await config().update('http.requestDeadlineMs', undefined, vscode.ConfigurationTarget.Global);
  });

  it('writes a body over openPayments.http.maxResponseBodyMB, masked, to a private file and previews it', async () => {
    await config().update('http.maxResponseBodyMB', 1, vscode.ConfigurationTarget.Global);
    await fault({ kind: 'huge-body', operations: ['getCityList'], sizeBytes: 3 * 1024 * 1024, times: 1 });
    const result = await vscode.commands.executeCommand<ApiResult | undefined>('openPayments.sendRequest', { operationId: 'getCityList', params: {} });
    assert.ok(result?.ok, result && !result.ok ? result.failure.summary : 'attempted');
    const file = result.exchange.bodyFile;
    assert.ok(file, 'the body went to a file');
    assert.equal(file.bytes, 3 * 1024 * 1024);
    const written = fs.readFileSync(file.path, 'utf8');
    assert.equal(written.length, 3 * 1024 * 1024);
    assert.ok(!written.includes(RUN_SECRET));
    if (process.platform !== 'win32') assert.equal(fs.statSync(file.path).mode & 0o777, 0o600);
    const { responsePanel } = await extensionApi();
    assert.match(responsePanel.html ?? '', /is larger than the limit set in openPayments\.http\.maxResponseBodyMB/);
  });

  it('stops a trickling answer at openPayments.http.requestDeadlineMs', async () => {
    await config().update('http.requestDeadlineMs', 1500, vscode.ConfigurationTarget.Global);
    await fault({ kind: 'trickle', operations: ['getCountriesList'], delayMs: 1000, times: 1 });
    const started = Date.now();
    const result = await vscode.commands.executeCommand<ApiResult | undefined>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    assert.ok(result && !result.ok);
    assert.equal(result.failure.kind, 'timeout');
    assert.equal(result.failure.causeCode, 'DEADLINE_EXCEEDED');
    assert.ok(Date.now() - started < 15_000);
  });
});

// Every response bounded, through the real extension (fake VS Code) against the real sandbox's faults:
// a trickling server is stopped by the overall deadline with a message that says which setting to raise,
// a huge body goes to a masked temporary file the response view opens, and a tree refresh aborts the
// load it made obsolete (the sandbox sees the connection closed).
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import type { FaultSpec } from '../../../sandbox/index';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { eventually } from '../fakes/activate';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, requestsFake, viewsFake } from '../fakes/vscode';
import { requestMark, requestsSince } from '../../support/sandboxAdmin';

const SECRET = 'bounds-client-secret-6d0e';
const DEADLINE_SETTING = 'openPayments.http.requestDeadlineMs';

describe('every response bounded (fake VS Code, real sandbox)', function () {
  this.timeout(30_000);
  const current = useSandboxExtension('bounds-client', SECRET);

  async function fault(spec: FaultSpec): Promise<void> {
    const set = await fetch(`${current().sandbox.apiHost}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([spec]) });
    assert.equal(set.status, 200);
  }

  async function sendCountries(): Promise<ApiResult> {
    const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    assert.ok(result, 'the request was attempted');
    return result;
  }

  it('stops a server trickling one byte a second at the request deadline, names the setting and the X-Request-ID, and opens that setting', async () => {
    requestsFake.reset();
    const opened: unknown[] = [];
    fake.commands.set('workbench.action.openSettings', (query: unknown) => void opened.push(query));
    fake.settings.set(DEADLINE_SETTING, { global: 1500 });
    await fault({ kind: 'trickle', operations: ['getCountriesList'], delayMs: 1000 });
    const mark = await requestMark(current().sandbox.apiHost);
    requestsFake.notificationClicks.push('Open Settings');
    const started = Date.now();
    const result = await sendCountries();
    assert.ok(!result.ok);
    assert.equal(result.failure.kind, 'timeout');
    assert.equal(result.failure.causeCode, 'DEADLINE_EXCEEDED');
    assert.ok(Date.now() - started < 10_000, 'the call ended near the deadline, not when the body was complete');
    const error = fake.messages.find((m) => m.severity === 'error');
    assert.ok(error, 'an error notification was shown');
    assert.equal(
      error.message,
      `Get Country List did not finish within the request deadline set in ${DEADLINE_SETTING}. Try again, or raise the deadline if this server is slow. X-Request-ID: ${result.failure.requestId}.`,
    );
    assert.deepEqual(error.items, ['Open Settings', 'Retry', 'Show Log']);
    assert.deepEqual(opened, [DEADLINE_SETTING]);
    await eventually(async () => {
      const seen = (await requestsSince(current().sandbox.apiHost, mark));
      assert.ok(seen.some((r) => r.path.endsWith('/countries') && r.closedEarly), 'the sandbox saw the connection closed');
    });
  });

  it('writes a body over the size limit, masked, to a private file that the response view previews and opens', async () => {
    fake.settings.set('openPayments.http.maxResponseBodyMB', { global: 1 });
    const opened: unknown[] = [];
    fake.commands.set('vscode.open', (uri: unknown) => void opened.push(uri));
    const bytes = 4 * 1024 * 1024;
    await fault({ kind: 'huge-body', operations: ['getCountriesList'], sizeBytes: bytes });
    const result = await sendCountries();
    assert.ok(result.ok, 'a large success is still a success');
    const file = result.exchange.bodyFile;
    assert.ok(file, 'the body went to a file');
    assert.equal(file.bytes, bytes);
    assert.equal(result.exchange.json, undefined, 'a body too large to hold is not parsed');
    const written = await readFile(file.path, 'utf8');
    assert.equal(written.length, bytes);
    assert.doesNotThrow(() => JSON.parse(written), 'the file holds the whole body');
    assert.ok(!written.includes(SECRET));
    if (process.platform !== 'win32') assert.equal((await stat(file.path)).mode & 0o777, 0o600);
    assert.ok(result.exchange.bodyText.length <= 256 * 1024, 'memory keeps a preview only');

    const panel = viewsFake.panels.at(-1);
    assert.ok(panel, 'the response view opened');
    assert.match(panel.webview.html, /This body \(4\.0 MB\) is larger than the limit set in openPayments\.http\.maxResponseBodyMB/);
    panel.webview.received.fire({ type: 'openBodyInEditor' });
    await eventually(() => assert.equal(opened.length, 1));
    assert.equal((opened[0] as { fsPath: string }).fsPath, file.path);

    // History keeps its own bounded copy, not a path to a file that goes with the window.
    await eventually(() => assert.ok(current().ext.api.history.entries().length > 0));
    const stored = await current().ext.api.history.loadResponse(current().ext.api.history.entries()[0]?.id ?? '');
    assert.ok(stored?.exchange && stored.exchange.bodyFile === undefined);
    assert.equal(stored.bodyCutFrom, bytes);
  });

  it('aborts the Banks tree load a refresh made obsolete (the sandbox sees the connection closed)', async () => {
    await fault({ kind: 'slow', operations: ['getCountriesList'], delayMs: 8000, times: 1 });
    const mark = await requestMark(current().sandbox.apiHost);
    const loading = current().ext.api.banks.getChildren();
    // The request is on the wire once the sandbox holds it; the slow fault answers only after 8 s.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await commands.executeCommand('openPayments.banks.refresh');
    const started = Date.now();
    await loading;
    assert.ok(Date.now() - started < 4000, 'the obsolete load ended at once instead of waiting for the answer');
    await eventually(async () => {
      const seen = (await requestsSince(current().sandbox.apiHost, mark));
      assert.ok(seen.some((r) => r.path.endsWith('/countries') && r.closedEarly), `the sandbox saw the connection closed: ${JSON.stringify(seen)}`);
    }, 4000);
    const fresh = await current().ext.api.banks.getChildren();
    assert.ok(fresh.some((node) => node.kind === 'country'), 'the refreshed tree loads normally');
  });
});

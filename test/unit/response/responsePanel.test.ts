import assert from 'node:assert/strict';
import { Redactor } from '../../../src/client/redaction/redaction';
import { responseRecordFrom } from '../../../src/client/history/responseRecord';
import { Logger } from '../../../src/host/logger';
import { ResponsePanel } from '../../../src/features/requests/response/responsePanel';
import { fake, FakeLogOutputChannel, Uri, viewsFake, ViewColumn } from '../fakes/vscode';
import { apiRequest, exchange, ok, recorded, REQUEST_ID, RETRY_ID } from '../history/fixtures';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('ResponsePanel', () => {
  let log: FakeLogOutputChannel;
  let panel: ResponsePanel;
  let nonces: number;

  beforeEach(() => {
    fake.reset();
    viewsFake.reset();
    log = new FakeLogOutputChannel('test');
    nonces = 0;
    const redactor = new Redactor();
    panel = new ResponsePanel(
      Uri.file('/ext') as never,
      redactor,
      new Logger(log as never, redactor),
      () => `bm9uY2Utbm9uY2Utbm9uY2U${nonces++}`,
      () => 'body { color: var(--vscode-foreground); }',
    );
  });
  afterEach(() => panel.dispose());

  const call = (bodyText = '{"a":[1,2]}') =>
    recorded(
      apiRequest(),
      ok(exchange({ bodyText, attempts: [{ requestId: RETRY_ID, status: 429, durationMs: 1, retryReason: 'rate_limited' }, { requestId: REQUEST_ID, status: 200, durationMs: 1 }] })),
    );
  const record = (bodyText?: string) => responseRecordFrom(call(bodyText), new Redactor());

  /** The page in the panel has loaded and says so, as its script does. */
  const pageReady = async (index = 0) => {
    viewsFake.panels[index]?.webview.received.fire({ type: 'ready' });
    await flush();
  };

  it('opens one locked-down panel beside the editor and reuses it', async () => {
    panel.showRecord(record());
    await pageReady();
    panel.showRecord(record('{"b":true}'));
    assert.equal(viewsFake.panels.length, 1);
    const [created] = viewsFake.panels;
    assert.ok(created);
    assert.equal(created.viewType, 'openPayments.response');
    assert.equal(created.title, 'Response: Get ASPSP List');
    assert.equal(created.showOptions.viewColumn, ViewColumn.Beside);
    assert.equal(created.showOptions.preserveFocus, true);
    const options = created.webview.options;
    assert.equal(options.enableScripts, true);
    assert.equal(options.enableCommandUris, false);
    assert.equal(options.retainContextWhenHidden, false);
    assert.deepEqual(options.localResourceRoots, [], 'the page loads no file');
    assert.match(panel.html ?? '', /"b"/);
    assert.match(panel.html ?? '', /Environment: Sandbox/);
    assert.equal(created.revealCount, 2);
  });

  it('gives a page that has loaded the next response by message, without starting a new page', async () => {
    panel.showRecord(record());
    const [created] = viewsFake.panels;
    assert.ok(created);
    const page = created.webview.html;
    assert.match(page, /<main id="response" data-seq="1">/);
    await pageReady();
    assert.deepEqual(created.webview.posted, [], 'the page shows what it was loaded with');
    panel.showRecord(record('{"second":true}'));
    assert.equal(created.webview.html, page, 'no new page');
    const [message] = created.webview.posted as { type: string; seq: number; title: string; html: string }[];
    assert.equal(message?.type, 'show');
    assert.equal(message?.seq, 2);
    assert.equal(message?.title, 'Response: Get ASPSP List');
    assert.match(message?.html ?? '', /second/);
    assert.doesNotMatch(message?.html ?? '', /<script|<html/, 'content only: the page keeps its own script');
  });

  it('holds a response that comes while the page is loading, and posts it when the page is ready', async () => {
    panel.showRecord(record('{"first":true}'));
    panel.showRecord(record('{"second":true}'));
    const [created] = viewsFake.panels;
    assert.ok(created);
    assert.match(created.webview.html, /first/, 'the loading page is not started again');
    assert.deepEqual(created.webview.posted, []);
    await pageReady();
    assert.equal(created.webview.posted.length, 1);
    assert.match((created.webview.posted[0] as { html: string }).html, /second/);
  });

  it('gives a hidden panel a new page with the newest response, since a hidden page is not running', async () => {
    panel.showRecord(record('{"first":true}'));
    await pageReady();
    const [created] = viewsFake.panels;
    assert.ok(created);
    created.visible = false;
    panel.showRecord(record('{"second":true}'));
    assert.deepEqual(created.webview.posted, []);
    assert.match(created.webview.html, /second/);
    assert.match(created.webview.html, /data-seq="2"/);
  });

  it('starts a new page when a message to the page was not delivered', async () => {
    panel.showRecord(record('{"first":true}'));
    await pageReady();
    const [created] = viewsFake.panels;
    assert.ok(created);
    created.webview.postMessage = async () => false;
    panel.showRecord(record('{"second":true}'));
    await flush();
    assert.match(created.webview.html, /second/);
  });

  it('opens beside a request about to be sent, saying nothing was sent yet, and the response then replaces that by message', async () => {
    panel.prepare({ title: 'Create Payment Initiation', operationId: 'initiatePayment', method: 'POST', path: '/v1/payments/{payment-product}', environment: 'Local Sandbox' });
    const [created] = viewsFake.panels;
    assert.ok(created);
    assert.equal(created.showOptions.viewColumn, ViewColumn.Beside);
    assert.equal(created.showOptions.preserveFocus, true, 'the body editor keeps the focus');
    assert.equal(created.title, 'Response: Create Payment Initiation');
    assert.match(created.webview.html, /Not sent yet/);
    assert.match(created.webview.html, /No response yet\. Edit the body, then choose Send above it/);
    assert.match(created.webview.html, /POST.*\/v1\/payments\/\{payment-product\}/s);
    // Nothing was sent, so there is no request id to copy and no body to open.
    created.webview.received.fire({ type: 'openBodyInEditor' });
    await flush();
    assert.equal(viewsFake.shownDocuments.length, 0);
    await pageReady();
    panel.show(call('{"paymentId":"p-1"}'));
    assert.equal(created.webview.posted.length, 1);
    assert.match((created.webview.posted[0] as { html: string }).html, /p-1/);
    assert.equal(viewsFake.panels.length, 1);
  });

  it('carries its stylesheet inline under the nonce, so showing a page fetches nothing', () => {
    panel.showRecord(record());
    const html = viewsFake.panels[0]?.webview.html ?? '';
    const nonce = /nonce-([^&]+)&/.exec(html)?.[1];
    assert.ok(html.includes(`<style nonce="${nonce}">body { color: var(--vscode-foreground); }</style>`));
    assert.doesNotMatch(html, /<link/);
  });

  it('shows a call the way the request runner reports it', () => {
    panel.show(call('{"fromRunner":true}'));
    assert.match(viewsFake.panels[0]?.webview.html ?? '', /fromRunner/);
    assert.equal(viewsFake.panels[0]?.title, 'Response: Get ASPSP List');
  });

  it('uses a fresh nonce for every page', async () => {
    panel.showRecord(record());
    const first = /nonce-([^&]+)&/.exec(viewsFake.panels[0]?.webview.html ?? '')?.[1];
    await pageReady();
    const created = viewsFake.panels[0];
    assert.ok(created);
    created.visible = false;
    panel.showRecord(record());
    const second = /nonce-([^&]+)&/.exec(viewsFake.panels[0]?.webview.html ?? '')?.[1];
    assert.ok(first && second && first !== second);
  });

  it('copies a shown X-Request-ID, including a retried attempt, and says which', async () => {
    panel.showRecord(record());
    viewsFake.panels[0]?.webview.received.fire({ type: 'copyRequestId', requestId: RETRY_ID });
    await flush();
    assert.equal(viewsFake.clipboard, RETRY_ID);
    assert.equal(fake.messages.at(-1)?.message, `The X-Request-ID ${RETRY_ID} was copied to the clipboard.`);
  });

  it('ignores messages that are not ours or name another request id', async () => {
    panel.showRecord(record());
    const webview = viewsFake.panels[0]?.webview;
    webview?.received.fire({ type: 'copyRequestId', requestId: 'aaaaaaaa-0000-4000-8000-000000000000' });
    webview?.received.fire({ type: 'openBodyInEditor', path: '/etc/passwd' });
    webview?.received.fire({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    await flush();
    assert.equal(viewsFake.clipboard, '');
    assert.equal(viewsFake.documents.length, 0);
    assert.equal(fake.messages.length, 0);
    assert.equal(log.lines.filter((line) => line.includes('Ignored a message')).length, 3);
    assert.ok(!log.lines.join('\n').includes('etc/passwd'), 'the message itself is not logged');
  });

  it('opens the whole body, pretty-printed, in an untitled JSON editor', async () => {
    const big = JSON.stringify({ list: Array.from({ length: 20_000 }, (_, i) => ({ i })) });
    panel.showRecord(record(big));
    viewsFake.panels[0]?.webview.received.fire({ type: 'openBodyInEditor' });
    await flush();
    const [document] = viewsFake.documents;
    assert.equal(document?.languageId, 'json');
    assert.equal(document?.getText(), JSON.stringify(JSON.parse(big), null, 2));
    assert.equal(viewsFake.shownDocuments[0]?.options.preview, false);
  });

  it('opens a body that is not JSON as plain text', async () => {
    panel.showRecord(record('<html>upstream error</html>'));
    viewsFake.panels[0]?.webview.received.fire({ type: 'openBodyInEditor' });
    await flush();
    assert.equal(viewsFake.documents[0]?.languageId, 'plaintext');
    assert.equal(viewsFake.documents[0]?.getText(), '<html>upstream error</html>');
  });

  it('forgets the panel when the user closes it, and opens a new one next time', async () => {
    panel.showRecord(record());
    viewsFake.panels[0]?.dispose();
    viewsFake.panels[0]?.webview.received.fire({ type: 'openBodyInEditor' });
    await flush();
    assert.equal(viewsFake.documents.length, 0, 'a closed panel cannot act');
    panel.showRecord(record());
    assert.equal(viewsFake.panels.length, 2);
    assert.equal(viewsFake.panels[1]?.disposed, false);
  });
});

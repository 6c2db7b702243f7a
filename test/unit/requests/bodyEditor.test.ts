// The body editor with invalid JSON: the message names the line and column, the cursor goes there, the
// document stays exactly as typed, nothing reaches the sandbox, and the same document can be fixed and sent.
import assert from 'node:assert/strict';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import type { ExchangeRecord } from '../../../src/host/requestRunner';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, Position, requestsFake, viewsFake, type FakeRequestDocument, type FakeTextEditor } from '../fakes/vscode';
import { requestMark } from '../../support/sandboxAdmin';

/** 1-based line and column of `offset`, counted here independently of the code under test. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

const BREAKAGES: { name: string; breakIt: (text: string) => string; at: (broken: string) => number }[] = [
  // V8 names no position for an unexpected token: the case the editor used to report without one.
  { name: 'a misspelt literal', breakIt: (t) => t.replace('"recurringIndicator": true', '"recurringIndicator": ture'), at: (b) => b.indexOf('ture') + 1 },
  { name: 'a single-quoted string', breakIt: (t) => t.replace('"validUntil": "2099-12-31"', "\"validUntil\": '2099-12-31'"), at: (b) => b.indexOf("'2099") },
  { name: 'a comment', breakIt: (t) => t.replace('"frequencyPerDay": 4,', '"frequencyPerDay": 4, // daily'), at: (b) => b.indexOf('//') },
  { name: 'a trailing comma', breakIt: (t) => t.replace('"combinedServiceIndicator": false', '"combinedServiceIndicator": false,'), at: (b) => b.lastIndexOf('}') },
  { name: 'a missing end', breakIt: (t) => t.trimEnd().slice(0, -1), at: (b) => b.length },
];

describe('body editor: invalid JSON (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('body-editor-client', 'body-editor-secret-31f2');

  async function openConsentBody(): Promise<{ document: FakeRequestDocument; exchanges: ExchangeRecord[] }> {
    requestsFake.reset();
    const exchanges: ExchangeRecord[] = [];
    current().ext.context.subscriptions.push(current().ext.api.runner.onDidExchange((record) => exchanges.push(record)));
    const opened = await commands.executeCommand('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' } });
    assert.equal(opened, undefined, 'a body is edited first, not sent');
    const document = requestsFake.editors.at(-1)?.document as FakeRequestDocument | undefined;
    assert.ok(document);
    return { document, exchanges };
  }

  for (const breakage of BREAKAGES) {
    it(`${breakage.name}: line and column in the message, cursor there, document kept, nothing sent`, async () => {
      const { document, exchanges } = await openConsentBody();
      const original = document.getText();
      const broken = breakage.breakIt(original);
      assert.notEqual(broken, original, 'the breakage applies to the template');
      document.userEdit(broken);
      const version = document.version;
      const logged = await requestMark(current().sandbox.apiHost);
      fake.messages.length = 0;

      const result = await commands.executeCommand<ApiResult | undefined>('openPayments.sendBody', document.uri);

      assert.equal(result, undefined);
      const { line, column } = lineAndColumn(broken, breakage.at(broken));
      const error = fake.messages.find((m) => m.severity === 'error')?.message ?? '';
      assert.match(error, new RegExp(`^The body of Create Consent is not valid JSON at line ${line}, column ${column}: .+\\. Nothing was sent; fix it and send again\\.$`));
      assert.doesNotMatch(error, /["\n]/, 'the message quotes nothing of the body');
      const editor = requestsFake.editors.at(-1) as FakeTextEditor;
      assert.equal(editor.document, document, 'the body document is shown');
      assert.deepEqual([editor.selection.start, editor.selection.end], [new Position(line - 1, column - 1), new Position(line - 1, column - 1)]);
      assert.deepEqual(editor.revealed.at(-1)?.start, new Position(line - 1, column - 1));
      assert.equal(document.getText(), broken, 'the document is kept as typed');
      assert.equal(document.version, version, 'the document was not edited');
      assert.equal(await requestMark(current().sandbox.apiHost), logged, 'nothing reached the sandbox');
      assert.equal(exchanges.length, 0, 'nothing was attempted');

      document.userEdit(original);
      const sent = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
      assert.ok(sent?.ok, 'the same document, fixed, is sent');
      assert.equal(sent.exchange.status, 201);
    });
  }
});

describe('body editor: the response view beside it (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('body-view-client', 'body-view-secret-7a41');

  it('starts beside a body as it opens, saying nothing was sent, and Send puts the response into that running page', async () => {
    requestsFake.reset();
    viewsFake.panels.length = 0;
    const logged = await requestMark(current().sandbox.apiHost);
    await commands.executeCommand('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS' } });
    const document = requestsFake.editors.at(-1)?.document as FakeRequestDocument | undefined;
    assert.ok(document);
    const [view] = viewsFake.panels;
    assert.ok(view, 'the view opened with the body');
    assert.equal(view.title, 'Response: Create Consent');
    assert.match(view.webview.html, /Not sent yet/);
    assert.match(view.webview.html, /POST.*\/v1\/consents/s);
    assert.equal(await requestMark(current().sandbox.apiHost), logged, 'opening the body sent nothing to the API');
    // The page has loaded (its script says so); the response then goes to it by message.
    view.webview.received.fire({ type: 'ready' });
    const sent = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(sent?.ok);
    assert.equal(viewsFake.panels.length, 1, 'the same view');
    assert.match(view.webview.html, /Not sent yet/, 'no new page');
    const posted = view.webview.posted.at(-1) as { type: string; html: string } | undefined;
    assert.equal(posted?.type, 'show');
    assert.match(posted?.html ?? '', /201/);
    assert.ok(posted?.html.includes(sent.exchange.requestId), 'with the X-Request-ID of the request just sent');
  });
});

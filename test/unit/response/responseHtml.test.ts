import assert from 'node:assert/strict';
import { Redactor } from '../../../src/client/redaction/redaction';
import { plainTranslate } from '../../../src/client/text/translate';
import { responseRecordFrom } from '../../../src/client/history/responseRecord';
import { renderResponseHtml } from '../../../src/features/requests/response/responseHtml';
import { buildResponseViewModel, PREVIEW_CHARS } from '../../../src/features/requests/response/responseViewModel';
import { apiRequest, exchange, failed, ok, recorded, REQUEST_ID, RETRY_ID } from '../history/fixtures';

const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2U=';
const CSP_SOURCE = 'https://fake.vscode-cdn.net';
const OPTIONS = { nonce: NONCE, cspSource: CSP_SOURCE, styleText: 'pre { white-space: pre-wrap; }' };

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  'javascript:alert(4)',
  '[click](command:workbench.action.terminal.new)',
  '<a href="command:workbench.action.terminal.new">run</a>',
  '</pre></details><iframe src="https://evil.example">',
].join(' ');

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'style', 'title', 'body', 'header', 'h1', 'h2', 'h3', 'p', 'span', 'code', 'section', 'button', 'table',
  'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'blockquote', 'pre', 'details', 'summary', 'script', 'main',
]);
const ALLOWED_ATTRIBUTES = new Set(['class', 'lang', 'charset', 'http-equiv', 'content', 'name', 'rel', 'href', 'type', 'data-action', 'data-request-id', 'title', 'scope', 'nonce', 'id', 'data-seq']);

/** Every tag of the page, checked against what the renderer is meant to produce; returns the tags. */
function checkMarkup(html: string): { name: string; attributes: Map<string, string> }[] {
  const tags: { name: string; attributes: Map<string, string> }[] = [];
  const body = html.replace(/^<!DOCTYPE html>/, '');
  for (const match of body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const name = (match[1] as string).toLowerCase();
    assert.ok(ALLOWED_TAGS.has(name), `unexpected <${name}> in the page`);
    const rest = match[2] as string;
    // The whole attribute text must be well-formed name="value" pairs: no stray unquoted markup.
    assert.match(rest, /^(\s+[a-z-]+="[^"<>]*")*$/, `malformed attributes in <${name}${rest}>`);
    const attributes = new Map<string, string>();
    for (const attribute of rest.matchAll(/([a-z-]+)="([^"]*)"/g)) {
      const attributeName = attribute[1] as string;
      assert.ok(ALLOWED_ATTRIBUTES.has(attributeName), `unexpected attribute ${attributeName} on <${name}>`);
      attributes.set(attributeName, attribute[2] as string);
    }
    assert.ok(!attributes.has('href'), `<${name}> links to something`);
    if (attributes.has('nonce')) assert.ok(name === 'script' || name === 'style', `<${name}> carries the nonce`);
    tags.push({ name, attributes });
  }
  return tags;
}

function hostileRecord() {
  const messages = [
    { category: 'ERROR', code: 'CONSENT_UNKNOWN', path: HOSTILE, text: HOSTILE },
    { category: HOSTILE, code: HOSTILE, text: 'second' },
  ];
  const ex = exchange({
    status: 403,
    statusText: HOSTILE,
    url: `https://api.sandbox.openbankingplatform.com/psd2/x?q=${encodeURIComponent(HOSTILE)}`,
    requestHeaders: { 'X-Evil': HOSTILE, 'X-Request-ID': REQUEST_ID },
    requestBody: HOSTILE,
    responseHeaders: { [`x-${'"><img onerror=alert(5)>'}`]: HOSTILE, location: 'javascript:alert(6)' },
    bodyText: JSON.stringify({ tppMessages: messages, _links: { scaRedirect: { href: 'javascript:alert(7)' } }, [HOSTILE]: HOSTILE }),
    tppMessages: messages,
    attempts: [
      { requestId: RETRY_ID, status: 401, durationMs: 5, retryReason: 'token_rejected' },
      { requestId: REQUEST_ID, status: 403, durationMs: 6 },
    ],
  });
  return responseRecordFrom(
    recorded(
      apiRequest('getConsentInformation', { consentId: 'c1', 'X-BicFi': 'ESSESESS' }),
      failed({ kind: 'http', status: 403, requestId: REQUEST_ID, exchange: ex, tppMessages: messages, attempts: ex.attempts, causeCode: HOSTILE }),
    ),
    new Redactor(),
  );
}

describe('response view HTML', () => {
  it('renders hostile server text in bodies, headers and tppMessages only as escaped text', () => {
    const html = renderResponseHtml(buildResponseViewModel(hostileRecord(), new Redactor()), OPTIONS);
    const tags = checkMarkup(html);
    assert.equal(tags.filter((tag) => tag.name === 'script').length, 2, 'one <script> and its closing tag');
    for (const raw of ['<script>alert', '<img', '<svg', '<iframe', '<a ', 'onerror=alert(2)>']) {
      assert.ok(!html.includes(raw), `${raw} appears unescaped`);
    }
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the text is still shown');
    assert.ok(html.includes('[click](command:workbench.action.terminal.new)'), 'markdown stays inert text');
  });

  it('sets a strict CSP with the nonce on the one script and no inline handlers', () => {
    const html = renderResponseHtml(buildResponseViewModel(hostileRecord(), new Redactor()), OPTIONS);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(
      csp,
      `default-src &#39;none&#39;; style-src ${CSP_SOURCE} &#39;nonce-${NONCE}&#39;; script-src &#39;nonce-${NONCE}&#39;; img-src ${CSP_SOURCE} data:`,
    );
    assert.match(html, new RegExp(`<script nonce="${NONCE.replace(/[+/=]/g, '\\$&')}">`));
    // checkMarkup allows no on* or style attribute on any tag.
    checkMarkup(html);
  });

  it('puts the stylesheet inline under the nonce, as one style element whatever its text', () => {
    const html = renderResponseHtml(buildResponseViewModel(hostileRecord(), new Redactor()), { ...OPTIONS, styleText: 'a{}</style><p>x' });
    assert.equal(html.match(/<\/style/gi)?.length, 1);
    assert.ok(html.includes(`<style nonce="${NONCE}">a{}`));
  });

  it('refuses a nonce that is not random-looking base64', () => {
    const model = buildResponseViewModel(hostileRecord(), new Redactor());
    for (const nonce of ['', 'abc', `${NONCE}" onload="x`, "'unsafe-inline'"]) {
      assert.throws(() => renderResponseHtml(model, { ...OPTIONS, nonce }), /nonce/);
    }
  });

  it('shows the X-Request-ID with a copy button, and every attempt when retried', () => {
    const html = renderResponseHtml(buildResponseViewModel(hostileRecord(), new Redactor()), OPTIONS);
    const copies = checkMarkup(html)
      .filter((tag) => tag.attributes.get('data-action') === 'copyRequestId')
      .map((tag) => tag.attributes.get('data-request-id'));
    assert.deepEqual(copies, [REQUEST_ID, RETRY_ID, REQUEST_ID]);
    assert.match(html, /token_rejected/);
  });

  it('lists tppMessages with an explanation of each known code', () => {
    const html = renderResponseHtml(buildResponseViewModel(hostileRecord(), new Redactor()), OPTIONS);
    assert.match(html, /<code class="code">CONSENT_UNKNOWN<\/code>/);
    assert.match(html, /The Consent-ID is not known to the bank/);
    assert.match(html, /This code is not in the Berlin Group list this extension knows\./);
  });

  it('passes its own sentences, code explanations included, through the localiser, and server text never', () => {
    const pseudo = (message: string, ...args: (string | number)[]) => `⟪${plainTranslate(message, ...args)}⟫`;
    const html = renderResponseHtml(buildResponseViewModel(hostileRecord(), new Redactor()), { ...OPTIONS, t: pseudo });
    assert.match(html, /<p class="explanation">⟪The Consent-ID is not known to the bank[^<]*⟫<\/p>/);
    assert.match(html, /⟪Messages from the server \(tppMessages\)⟫/);
    assert.match(html, /<blockquote class="server-text">[^⟪<]*&lt;script&gt;/);
  });

  it('shows a failure without a response: kind, cause code and X-Request-ID', () => {
    const record = responseRecordFrom(
      recorded(
        apiRequest('getASPSPList', { isoCountryCodes: 'SE' }),
        failed({ kind: 'timeout', causeCode: 'UND_ERR_HEADERS_TIMEOUT', requestId: REQUEST_ID, attempts: [{ requestId: REQUEST_ID, error: 'timeout', durationMs: 30_000 }] }),
      ),
      new Redactor(),
    );
    const html = renderResponseHtml(buildResponseViewModel(record, new Redactor()), OPTIONS);
    checkMarkup(html);
    assert.match(html, /The server did not answer in time\./);
    assert.match(html, /UND_ERR_HEADERS_TIMEOUT/);
    assert.match(html, /No response/);
    assert.ok(html.includes(`data-request-id="${REQUEST_ID}"`));
    assert.ok(!html.includes('data-action="openBody"'), 'no body to open');
  });

  it('masks secrets the Redactor knows, even if the record still held them', () => {
    const redactor = new Redactor();
    const record = responseRecordFrom(recorded(apiRequest(), ok(exchange({ bodyText: '{"note":"late-secret-123"}' }))), new Redactor());
    redactor.addSecret('late-secret-123');
    const html = renderResponseHtml(buildResponseViewModel(record, redactor), OPTIONS);
    assert.ok(!html.includes('late-secret-123'));
  });

  // How fast is for bench/render.mjs to say; this test is about what the page holds.
  it('renders a 10 MB body as a bounded preview', () => {
    const banks = Array.from({ length: 150_000 }, (_, i) => ({ bicFi: `BANK${String(i).padStart(6, '0')}`, name: `Bank number ${i} <b>`, country: 'SE' }));
    const bodyText = JSON.stringify({ aspsps: banks });
    assert.ok(bodyText.length > 10_000_000, `${bodyText.length}`);
    const record = responseRecordFrom(recorded(apiRequest(), ok(exchange({ bodyText }))), new Redactor());
    const html = renderResponseHtml(buildResponseViewModel(record, new Redactor()), OPTIONS);
    assert.ok(html.length < PREVIEW_CHARS * 4, `page is ${html.length} characters`);
    assert.match(html, /Showing the first 256 KB of \d+\.\d MB\. Open the body in an editor to see all of it\./);
    assert.ok(html.includes('data-action="openBody"'));
  });
});

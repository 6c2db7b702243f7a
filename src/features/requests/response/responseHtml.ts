// The response view's HTML, as a pure function of the view model. Every value is server-influenced and is
// escaped on the way in; the only script is the nonce'd one below, which posts two kinds of message and
// never reads page text into markup. No links are ever built from response data.
import type { RequestFailureKind } from '../../../client/http/requestFailure';
import { plainTranslate, type Translate } from '../../../client/text/translate';
import { escapeHtml as e } from '../../../client/text/html';
import type { HeaderRow, ResponseViewModel } from './responseViewModel';

export interface RenderOptions {
  /** Fresh per render; base64. */
  readonly nonce: string;
  /** webview.cspSource */
  readonly cspSource: string;
  /**
   * The text of media/response.css, put inline under the nonce: a linked stylesheet is one more fetch through
   * the webview's service worker before the page may show, on every render.
   */
  readonly styleText?: string;
  readonly t?: Translate;
}

const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;

function failureHeadline(kind: RequestFailureKind, t: Translate): string {
  switch (kind) {
    case 'validation': return t('The request was not sent because a parameter is missing or not valid.');
    case 'token': return t('No access token could be obtained for this call.');
    case 'dns': return t('The host name could not be resolved.');
    case 'refused': return t('The server refused the connection.');
    case 'reset': return t('The connection was closed before the response was complete.');
    case 'tls': return t('The TLS connection could not be established (certificate or handshake problem).');
    case 'timeout': return t('The server did not answer in time.');
    case 'cancelled': return t('The request was cancelled.');
    case 'network': return t('A network error stopped the request.');
    case 'http': return t('The server answered with an error status.');
    case 'non_json': return t('The server answered with a success status, but the body is not JSON.');
    case 'empty_body': return t('The server answered with a success status, but without a body.');
    case 'internal': return t('The request failed because of a problem in this extension. The Open Payments log has details.');
  }
}

function formatSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  if (chars >= 1024) return `${Math.round(chars / 1024)} KB`;
  return `${chars} B`;
}

function copyButton(requestId: string, t: Translate): string {
  return `<button type="button" class="copy" data-action="copyRequestId" data-request-id="${e(requestId)}" title="${e(t('Copy X-Request-ID'))}">${e(t('Copy'))}</button>`;
}

function headerTable(rows: readonly HeaderRow[], t: Translate): string {
  if (rows.length === 0) return `<p class="muted">${e(t('None.'))}</p>`;
  const body = rows.map((row) => `<tr><th scope="row">${e(row.name)}</th><td>${e(row.value)}</td></tr>`).join('');
  return `<table class="headers"><tbody>${body}</tbody></table>`;
}

function summary(model: ResponseViewModel, t: Translate): string {
  const ok = model.failure === undefined;
  const status = model.status !== undefined ? `${model.status}${model.statusText ? ` ${model.statusText}` : ''}` : t('No response');
  const facts = [
    `<span class="status ${ok ? 'ok' : 'error'}">${e(status)}</span>`,
    model.durationMs !== undefined ? `<span>${e(t('{0} ms', model.durationMs))}</span>` : '',
    `<span>${e(t('Environment: {0}', model.environment))}</span>`,
    `<span>${e(model.startedAt)}</span>`,
  ].filter((fact) => fact !== '');
  return `<header>
<h1>${e(model.title)} <span class="muted">${e(model.operationId)}</span></h1>
<p class="request-line"><span class="method">${e(model.method)}</span> <code class="url">${e(model.url ?? '')}</code></p>
<p class="facts">${facts.join(' · ')}</p>
</header>`;
}

function requestIdSection(model: ResponseViewModel, t: Translate): string {
  if (model.requestId === undefined && model.attempts.length === 0) return '';
  const main =
    model.requestId !== undefined
      ? `<p class="request-id"><span class="label">X-Request-ID</span> <code>${e(model.requestId)}</code> ${copyButton(model.requestId, t)}</p>`
      : '';
  const attempts =
    model.attempts.length > 1
      ? `<table class="attempts"><thead><tr><th>#</th><th>X-Request-ID</th><th>${e(t('Outcome'))}</th><th>${e(t('Duration'))}</th><th>${e(t('Retried because'))}</th><th></th></tr></thead><tbody>${model.attempts
          .map(
            (a, index) =>
              `<tr><td>${index + 1}</td><td><code>${e(a.requestId)}</code></td><td>${e(a.outcome)}</td><td>${e(t('{0} ms', a.durationMs))}</td><td>${e(a.retryReason ?? '')}</td><td>${copyButton(a.requestId, t)}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '';
  return `<section class="ids"><h2>${e(t('Request ID'))}</h2>${main}${attempts}<p class="muted">${e(t('Quote the X-Request-ID when you contact Open Payments support about this call.'))}</p></section>`;
}

function failureSection(model: ResponseViewModel, t: Translate): string {
  const failure = model.failure;
  if (!failure) return '';
  const details = [
    [t('Kind'), failure.kind],
    [t('HTTP status'), model.status !== undefined ? String(model.status) : undefined],
    [t('Cause code'), failure.causeCode],
    [t('Parameter'), failure.param],
    [t('Bank (BIC)'), failure.bicFi],
    [t('Retry after'), failure.retryAfterMs !== undefined ? t('{0} ms', failure.retryAfterMs) : undefined],
    ['X-Request-ID', model.requestId],
  ].filter((row): row is [string, string] => row[1] !== undefined);
  const rows = details.map(([name, value]) => `<tr><th scope="row">${e(name)}</th><td><code>${e(value)}</code></td></tr>`).join('');
  return `<section class="failure"><h2>${e(t('Failure'))}</h2><p>${e(failureHeadline(failure.kind, t))}</p><table class="headers"><tbody>${rows}</tbody></table></section>`;
}

function tppSection(model: ResponseViewModel, t: Translate): string {
  if (model.tppMessages.length === 0) return '';
  const items = model.tppMessages
    .map(
      (m) => `<li class="tpp ${m.category === 'ERROR' ? 'error' : 'warning'}">
<p><span class="category">${e(m.category)}</span> <code class="code">${e(m.code)}</code>${m.path !== undefined ? ` <span class="muted">${e(t('at {0}', m.path))}</span>` : ''}</p>
${m.explanation !== undefined ? `<p class="explanation">${e(t(m.explanation))}</p>` : `<p class="explanation muted">${e(t('This code is not in the Berlin Group list this extension knows.'))}</p>`}
${m.text !== undefined ? `<blockquote class="server-text">${e(m.text)}</blockquote>` : ''}
</li>`,
    )
    .join('');
  return `<section class="tpp-messages"><h2>${e(t('Messages from the server (tppMessages)'))}</h2><ul>${items}</ul></section>`;
}

function bodySection(model: ResponseViewModel, t: Translate): string {
  const body = model.body;
  if (body.kind === 'none') {
    // A call that failed before any response still says so here, so the view never looks like an older answer.
    const note = model.status !== undefined ? t('The response has no body.') : t('No response came back for this request.');
    return `<section class="body"><h2>${e(t('Response body'))}</h2><p class="muted">${e(note)}</p></section>`;
  }
  const notes: string[] = [];
  if (body.spilledBytes !== undefined) {
    notes.push(
      t(
        'This body ({0}) is larger than the limit set in openPayments.http.maxResponseBodyMB, so it was written to a temporary file with secrets masked, and not parsed. Showing its first {1}; Open in Editor opens all of it.',
        formatSize(body.spilledBytes),
        formatSize(body.previewChars),
      ),
    );
  } else if (body.truncated) {
    notes.push(t('Showing the first {0} of {1}. Open the body in an editor to see all of it.', formatSize(body.previewChars), formatSize(body.totalChars)));
  }
  if (body.storedCutFrom !== undefined) {
    notes.push(t('History kept only the first {0} of this {1} body.', formatSize(body.totalChars), formatSize(body.storedCutFrom)));
  }
  const open = `<button type="button" data-action="openBody">${e(t('Open in Editor'))}</button>`;
  return `<section class="body"><h2>${e(t('Response body'))} ${open}</h2>
${notes.map((note) => `<p class="note">${e(note)}</p>`).join('')}
<pre class="${body.kind === 'json' ? 'json' : 'text'}">${body.html}</pre></section>`;
}

function requestSection(model: ResponseViewModel, t: Translate): string {
  const body = model.requestBody !== undefined ? `<h3>${e(t('Request body'))}</h3><pre class="text">${e(model.requestBody)}</pre>` : '';
  return `<details class="request"><summary>${e(t('Request headers ({0})', model.requestHeaders.length))}</summary>${headerTable(model.requestHeaders, t)}${body}</details>`;
}

// Posts only fixed message shapes; the extension validates them again before acting. The extension replaces
// what the page shows with markup it rendered (escaped like the page itself) by posting {type:'show'}: the
// page is already running then, which is much faster than loading a new one. Each content carries a number
// that only grows; the newest is kept in the webview's state, so a page reloaded from older HTML (after being
// hidden) shows the newest content before it paints.
const SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('response');
  function show(content) {
    if (!main || !content || typeof content.html !== 'string' || typeof content.seq !== 'number') return;
    if (content.seq <= Number(main.getAttribute('data-seq'))) return;
    main.innerHTML = content.html;
    main.setAttribute('data-seq', String(content.seq));
    if (typeof content.title === 'string') document.title = content.title;
    vscode.setState(content);
  }
  show(vscode.getState());
  window.addEventListener('message', function (event) {
    const data = event.data;
    if (data && data.type === 'show') show({ seq: data.seq, html: data.html, title: data.title });
  });
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!target) return;
    const action = target.getAttribute('data-action');
    if (action === 'copyRequestId') vscode.postMessage({ type: 'copyRequestId', requestId: target.getAttribute('data-request-id') });
    if (action === 'openBody') vscode.postMessage({ type: 'openBodyInEditor' });
  });
  vscode.postMessage({ type: 'ready' });
})();`;

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:`;
}

/** Our own stylesheet under the nonce; it can never close its element early. */
function inlineStyle(options: RenderOptions): string {
  if (options.styleText === undefined) return '';
  return `<style nonce="${e(options.nonce)}">${options.styleText.replace(/<\/style/gi, '')}</style>`;
}

function head(title: string, options: RenderOptions): string {
  if (!NONCE.test(options.nonce)) throw new Error('renderResponseHtml: the nonce must be base64 of at least 12 random bytes');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(options.nonce, options.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${inlineStyle(options)}
<title>${e(title)}</title>
</head>`;
}

/** What the page shows for one exchange, without the page around it (see renderResponsePage). */
export function renderResponseContent(model: ResponseViewModel, t: Translate = plainTranslate): string {
  return `${summary(model, t)}
${requestIdSection(model, t)}
${failureSection(model, t)}
${tppSection(model, t)}
${bodySection(model, t)}
<details class="response-headers"><summary>${e(t('Response headers ({0})', model.responseHeaders.length))}</summary>${headerTable(model.responseHeaders, t)}</details>
${requestSection(model, t)}`;
}

/** A request about to be sent, before anything went out: what the view shows beside its body editor. */
export interface PendingRequest {
  readonly title: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly environment: string;
}

export function renderPendingContent(pending: PendingRequest, t: Translate = plainTranslate): string {
  return `<header>
<h1>${e(pending.title)} <span class="muted">${e(pending.operationId)}</span></h1>
<p class="request-line"><span class="method">${e(pending.method)}</span> <code class="url">${e(pending.path)}</code></p>
<p class="facts"><span class="status pending">${e(t('Not sent yet'))}</span> · <span>${e(t('Environment: {0}', pending.environment))}</span></p>
</header>
<section class="body"><h2>${e(t('Response body'))}</h2><p class="muted">${e(t('No response yet. Edit the body, then choose Send above it: the response of that request shows here.'))}</p></section>`;
}

/**
 * The whole page around some content. `seq` numbers the content: the page keeps whichever it has seen with the
 * highest number (see SCRIPT).
 */
export function renderResponsePage(content: string, title: string, seq: number, options: RenderOptions): string {
  return `${head(title, options)}
<body>
<main id="response" data-seq="${e(String(seq))}">
${content}
</main>
<script nonce="${e(options.nonce)}">${SCRIPT}</script>
</body>
</html>`;
}

export function renderResponseHtml(model: ResponseViewModel, options: RenderOptions, seq = 0): string {
  return renderResponsePage(renderResponseContent(model, options.t ?? plainTranslate), model.title, seq, options);
}

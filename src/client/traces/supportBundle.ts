// The text a user hands to Open Payments support for one exchange: what was called, when (UTC), with which
// X-Request-ID, in which environment, what the server said (tppMessages), the extension and VS Code versions,
// and the request and response with every secret masked. Its labels stay English on purpose: the reader is the
// platform's support desk, whatever language the user's editor speaks. Pure.
import { pathAndQueryOf } from '../history/historyEntry';
import type { ResponseRecord } from '../history/responseRecord';
import type { Redactor } from '../redaction/redaction';

export interface BundleVersions {
  readonly extension: string;
  readonly vscode: string;
}

/** Bodies are cut here: support needs the shape and the error, not a 10 MB bank list. */
export const MAX_BUNDLE_BODY_CHARS = 64 * 1024;

const AUTH_HEADER = /^(proxy-)?authorization$/i;

function headerLines(headers: Readonly<Record<string, string>> | undefined, redactor: Redactor): string[] {
  // Authorization never reaches a record, but a bundle is the one text meant to leave the machine: drop it again.
  const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !AUTH_HEADER.test(name)));
  return Object.entries(redactor.redactHeaders(kept))
    .sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .map(([name, value]) => `${name}: ${value}`);
}

function bodyLines(body: string | undefined, redactor: Redactor, storedCutFrom?: number): string[] {
  if (body === undefined || body === '') return ['(no body)'];
  const masked = redactor.redact(body);
  const cut = masked.length > MAX_BUNDLE_BODY_CHARS;
  const notes = [
    ...(cut ? [`(body cut to its first ${MAX_BUNDLE_BODY_CHARS} of ${masked.length} characters)`] : []),
    ...(storedCutFrom !== undefined ? [`(History kept only the first ${masked.length} of ${storedCutFrom} characters)`] : []),
  ];
  return [...notes, cut ? masked.slice(0, MAX_BUNDLE_BODY_CHARS) : masked];
}

/**
 * The bundle for one recorded exchange. `environment` is the label the user knows it by (Sandbox, Production,
 * Custom); every value passes through the Redactor once more on the way out.
 */
export function buildSupportBundle(record: ResponseRecord, environment: string, versions: BundleVersions, redactor: Redactor): string {
  const r = (text: string): string => redactor.redact(text);
  const exchange = record.exchange;
  const status = exchange?.status ?? record.failure?.status;
  const statusText = exchange?.statusText ? ` ${exchange.statusText}` : '';
  const url = exchange?.url ?? record.request?.url;
  const path = pathAndQueryOf(url, '(not known)');
  const tpp = record.tppMessages ?? [];
  const lines = [
    'Open Payments support bundle',
    '============================',
    `Operation: ${r(record.operationTitle)} (${r(record.operationId)})`,
    `Request: ${r(record.method)} ${r(path)}`,
    `Status: ${status !== undefined ? `${status}${r(statusText)}` : 'no response'}${record.failure ? ` (failure: ${record.failure.kind})` : ''}`,
    `Time (UTC): ${r(record.startedAt)}`,
    ...(record.durationMs !== undefined ? [`Duration: ${record.durationMs} ms`] : []),
    `X-Request-ID: ${record.requestId !== undefined ? r(record.requestId) : '(none: the request was never sent)'}`,
    ...(record.attempts.length > 1
      ? [`Attempts: ${record.attempts.map((a) => `${r(a.requestId)} (${a.status ?? a.error ?? '?'}${a.retryReason ? `, retried: ${a.retryReason}` : ''})`).join(', ')}`]
      : []),
    `Environment: ${r(environment)}${url !== undefined ? ` (${r(originOf(url))})` : ''}`,
    `Extension: open-payments-vscode ${r(versions.extension)}`,
    `VS Code: ${r(versions.vscode)}`,
    '',
    'tppMessages:',
    ...(tpp.length === 0
      ? ['  (none)']
      : tpp.map((m) => `  ${r(m.category)} ${m.code}${m.path !== undefined ? ` at ${r(m.path)}` : ''}${m.text !== undefined ? `: ${r(m.text)}` : ''}`)),
    '',
    '--- Request (secrets masked; the Authorization header is never kept) ---',
    `${r(record.method)} ${url !== undefined ? r(url) : path}`,
    ...headerLines(exchange?.requestHeaders ?? record.request?.headers, redactor),
    '',
    ...bodyLines(exchange?.requestBody ?? record.request?.body, redactor),
    '',
    '--- Response (secrets masked) ---',
    ...(exchange
      ? [`HTTP ${exchange.status}${r(statusText)}`, ...headerLines(exchange.responseHeaders, redactor), '', ...bodyLines(exchange.bodyText, redactor, record.bodyCutFrom)]
      : ['(no response came back for this request)']),
    '',
  ];
  return lines.join('\n');
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

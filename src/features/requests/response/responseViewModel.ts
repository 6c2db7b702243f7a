// Turns a ResponseRecord into exactly the strings the response view shows, each passed through the Redactor
// (the record is masked already; this is the last gate before pixels), with the body cut to a preview.
// Pure, no vscode import.
import type { RequestFailureKind } from '../../../client/http/requestFailure';
import { findOperation } from '../../../client/catalogue/catalogue';
import { explainTppCode } from '../../../client/catalogue/tppCodeExplanations';
import { ENVIRONMENT_LABELS, isEnvironmentId } from '../../../client/environments/environments';
import type { Redactor } from '../../../client/redaction/redaction';
import type { ResponseRecord } from '../../../client/history/responseRecord';
import { escapeHtml } from '../../../client/text/html';
import { prettyJson } from './jsonPreview';

export const PREVIEW_CHARS = 256 * 1024;

export interface HeaderRow {
  readonly name: string;
  readonly value: string;
}

export interface AttemptRow {
  readonly requestId: string;
  /** The HTTP status, or the transport failure kind. */
  readonly outcome: string;
  readonly durationMs: number;
  readonly retryReason?: string;
}

export interface TppRow {
  readonly category: string;
  readonly code: string;
  readonly explanation?: string;
  readonly text?: string;
  readonly path?: string;
}

export interface BodyPreview {
  readonly kind: 'json' | 'text' | 'none';
  /** Escaped HTML, safe to place inside <pre>. */
  readonly html: string;
  readonly truncated: boolean;
  readonly totalChars: number;
  /** The preview budget in characters. */
  readonly previewChars: number;
  /** Set when history kept only the start of the body: its original length. */
  readonly storedCutFrom?: number;
  /** Set when the body was over the size limit and went to a temporary file: its size in bytes. */
  readonly spilledBytes?: number;
}

export interface FailureView {
  readonly kind: RequestFailureKind;
  readonly causeCode?: string;
  readonly param?: string;
  readonly bicFi?: string;
  readonly retryAfterMs?: number;
}

export interface ResponseViewModel {
  readonly title: string;
  readonly operationId: string;
  readonly method: string;
  readonly url?: string;
  readonly status?: number;
  readonly statusText?: string;
  readonly durationMs?: number;
  readonly startedAt: string;
  /** The environment's label (Sandbox, Production, ...). */
  readonly environment: string;
  readonly requestId?: string;
  readonly attempts: readonly AttemptRow[];
  readonly failure?: FailureView;
  readonly tppMessages: readonly TppRow[];
  readonly responseHeaders: readonly HeaderRow[];
  readonly requestHeaders: readonly HeaderRow[];
  readonly requestBody?: string;
  readonly body: BodyPreview;
  /** Every X-Request-ID on the page: the only values a "copy" message may name. */
  readonly requestIds: readonly string[];
}

function rows(headers: Readonly<Record<string, string>> | undefined, redactor: Redactor): HeaderRow[] {
  return Object.entries(redactor.redactHeaders(headers ?? {}))
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The body's first `previewChars` characters, pretty-printed when it is JSON. */
export function bodyPreview(bodyText: string, previewChars: number): Omit<BodyPreview, 'storedCutFrom' | 'spilledBytes'> {
  const totalChars = bodyText.length;
  if (totalChars === 0) return { kind: 'none', html: '', truncated: false, totalChars, previewChars };
  const pretty = prettyJson(bodyText, { maxChars: previewChars, html: true });
  if (pretty) return { kind: 'json', html: pretty.output, truncated: pretty.truncated, totalChars, previewChars };
  const truncated = totalChars > previewChars;
  return { kind: 'text', html: escapeHtml(truncated ? bodyText.slice(0, previewChars) : bodyText), truncated, totalChars, previewChars };
}

export function buildResponseViewModel(record: ResponseRecord, redactor: Redactor, previewChars = PREVIEW_CHARS): ResponseViewModel {
  const r = (text: string): string => redactor.redact(text);
  const exchange = record.exchange;
  const attempts = record.attempts.map((a) => ({
    requestId: r(a.requestId),
    outcome: a.status !== undefined ? String(a.status) : r(a.error ?? ''),
    durationMs: a.durationMs,
    ...(a.retryReason !== undefined ? { retryReason: a.retryReason } : {}),
  }));
  const requestId = record.requestId !== undefined ? r(record.requestId) : undefined;
  const status = exchange?.status ?? record.failure?.status;
  const failure = record.failure;
  const body = bodyPreview(exchange ? r(exchange.bodyText) : '', previewChars);
  const requestBody = exchange?.requestBody ?? record.request?.body;
  const group = findOperation(record.operationId)?.group;
  return {
    title: r(record.operationTitle),
    operationId: r(record.operationId),
    method: r(record.method),
    ...(record.request?.url !== undefined ? { url: r(record.request.url) } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(exchange?.statusText !== undefined ? { statusText: r(exchange.statusText) } : {}),
    ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
    startedAt: r(record.startedAt),
    environment: isEnvironmentId(record.environmentId) ? ENVIRONMENT_LABELS[record.environmentId] : r(record.environmentId),
    ...(requestId !== undefined ? { requestId } : {}),
    attempts,
    ...(failure
      ? {
          failure: {
            kind: failure.kind,
            ...(failure.causeCode !== undefined ? { causeCode: r(failure.causeCode) } : {}),
            ...(failure.param !== undefined ? { param: r(failure.param) } : {}),
            ...(failure.bicFi !== undefined ? { bicFi: r(failure.bicFi) } : {}),
            ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
          },
        }
      : {}),
    tppMessages: (record.tppMessages ?? []).map((m) => {
      // Explained for the operation it answered: RESOURCE_UNKNOWN is a bank on Get ASPSP Details, a payment on PIS.
      const explanation = explainTppCode(m.code, group);
      return {
        category: r(m.category),
        // Masking the code on its own keeps it readable (only JSON "code" fields in a body look like OAuth codes).
        code: r(m.code),
        ...(explanation !== undefined ? { explanation } : {}),
        ...(m.text !== undefined ? { text: r(m.text) } : {}),
        ...(m.path !== undefined ? { path: r(m.path) } : {}),
      };
    }),
    responseHeaders: rows(exchange?.responseHeaders, redactor),
    requestHeaders: rows(exchange?.requestHeaders ?? record.request?.headers, redactor),
    ...(requestBody !== undefined ? { requestBody: r(requestBody) } : {}),
    body: {
      ...body,
      ...(record.bodyCutFrom !== undefined ? { storedCutFrom: record.bodyCutFrom } : {}),
      ...(exchange?.bodyFile ? { spilledBytes: exchange.bodyFile.bytes } : {}),
    },
    requestIds: [...new Set([...(requestId !== undefined ? [requestId] : []), ...attempts.map((a) => a.requestId)])],
  };
}

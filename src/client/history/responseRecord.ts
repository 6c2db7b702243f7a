// What the response view shows and history keeps for one call: the masked exchange (when a response
// arrived), the failure as plain data, and the request as it went out minus its Authorization header.
// Built once per call from what the request runner reports (a RecordedCall); everything passes through the
// Redactor here, so nothing downstream ever holds an unmasked value.
import type { Exchange, ExchangeAttempt } from '../http/exchange';
import type { ApiResult, RequestFailure, RequestFailureKind } from '../http/requestFailure';
import type { PsuHeaderSettings } from '../http/psuHeaderRules';
import { prepareRequest, type ParamValues } from '../http/requestPreparation';
import type { TppMessage } from '../http/tppMessages';
import type { Operation } from '../catalogue/catalogue';
import type { PsuContext } from '../catalogue/operationTypes';
import type { Redactor } from '../redaction/redaction';

/**
 * One finished call as the request runner reports it (its ExchangeRecord has this shape): the operation,
 * the environment it went to, what the user asked for, and the outcome.
 */
export interface RecordedCall {
  readonly operation: Operation;
  readonly environmentId: string;
  readonly input: {
    readonly params: ParamValues;
    /** Parsed JSON (object) or JSON text. */
    readonly body?: unknown;
    /** Absent when the call used the context setting. */
    readonly context?: PsuContext;
  };
  readonly result: ApiResult;
}

/**
 * What the settings were when the call went out, for the parts a RecordedCall leaves implicit: used to
 * rebuild a request that never got a response, and to fill in the context for Send Again.
 */
export interface CallDefaults {
  readonly context: PsuContext;
  readonly apiHost?: string;
  readonly psuHeaders?: PsuHeaderSettings;
}

export interface FailureRecord {
  readonly kind: RequestFailureKind;
  readonly status?: number;
  readonly causeCode?: string;
  readonly requestId?: string;
  /** For validation failures: the parameter or header at fault. */
  readonly param?: string;
  readonly bicFi?: string;
  readonly retryAfterMs?: number;
}

/** The request as sent (or as it would have been sent, when it failed before a response). */
export interface RequestSnapshot {
  readonly url: string;
  /** Every header except Authorization, which is never kept. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface ResponseRecord {
  readonly operationId: string;
  readonly operationTitle: string;
  readonly environmentId: string;
  readonly method: string;
  /** ISO time the call started. */
  readonly startedAt: string;
  readonly durationMs?: number;
  /** The X-Request-ID the outcome belongs to (the last attempt's). */
  readonly requestId?: string;
  readonly attempts: readonly ExchangeAttempt[];
  readonly request?: RequestSnapshot;
  readonly exchange?: Exchange;
  readonly failure?: FailureRecord;
  readonly tppMessages?: readonly TppMessage[];
  /** Set when history cut the body to keep its files small: the body's full length in characters. */
  readonly bodyCutFrom?: number;
}

const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization']);

/** Headers without any Authorization, every value masked. */
export function safeHeaders(headers: Readonly<Record<string, string>>, redactor: Redactor): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !AUTH_HEADERS.has(name.toLowerCase())));
  return redactor.redactHeaders(kept);
}

function safeTppMessages(messages: readonly TppMessage[] | undefined, redactor: Redactor): TppMessage[] | undefined {
  // The code stays as sent: the Redactor would read a JSON "code" as an OAuth code, and codes are what users need.
  return messages?.map((m) => ({
    category: redactor.redact(m.category),
    code: m.code,
    ...(m.path !== undefined ? { path: redactor.redact(m.path) } : {}),
    ...(m.text !== undefined ? { text: redactor.redact(m.text) } : {}),
  }));
}

/** The exchange with every string masked again and no Authorization; the parsed JSON is dropped (the text is kept). */
export function safeExchange(exchange: Exchange, redactor: Redactor): Exchange {
  const tppMessages = safeTppMessages(exchange.tppMessages, redactor);
  return {
    operationId: exchange.operationId,
    method: exchange.method,
    url: redactor.redact(exchange.url),
    status: exchange.status,
    ...(exchange.statusText !== undefined ? { statusText: redactor.redact(exchange.statusText) } : {}),
    startedAt: exchange.startedAt,
    durationMs: exchange.durationMs,
    requestId: exchange.requestId,
    attempts: exchange.attempts,
    requestHeaders: safeHeaders(exchange.requestHeaders, redactor),
    ...(exchange.requestBody !== undefined ? { requestBody: redactor.redact(exchange.requestBody) } : {}),
    responseHeaders: redactor.redactHeaders(exchange.responseHeaders),
    bodyText: redactor.redact(exchange.bodyText),
    // Our own temporary file (masked as it was written), not server text.
    ...(exchange.bodyFile ? { bodyFile: exchange.bodyFile } : {}),
    ...(tppMessages ? { tppMessages } : {}),
  };
}

/** Rebuilds the request for a call that got no response, so it can still be shown and copied as cURL. */
function preparedSnapshot(call: RecordedCall, defaults: CallDefaults, requestId: string | undefined, redactor: Redactor): RequestSnapshot | undefined {
  if (defaults.apiHost === undefined) return undefined;
  let preparation: ReturnType<typeof prepareRequest>;
  try {
    preparation = prepareRequest({
      ...call.input,
      operation: call.operation,
      apiHost: defaults.apiHost,
      context: call.input.context ?? defaults.context,
      psuHeaders: defaults.psuHeaders ?? {},
    });
  } catch {
    return undefined;
  }
  if (!preparation.ok) return undefined;
  const { url, headers, body } = preparation.request;
  return {
    url: redactor.redact(url.toString()),
    headers: safeHeaders({ ...headers, ...(requestId ? { 'X-Request-ID': requestId } : {}) }, redactor),
    ...(body !== undefined ? { body: redactor.redact(body) } : {}),
  };
}

export function responseRecordFrom(
  call: RecordedCall,
  redactor: Redactor,
  defaults: CallDefaults = { context: 'private' },
  now: () => number = Date.now,
): ResponseRecord {
  const { operation, result } = call;
  const failure = result.ok ? undefined : result.failure;
  const raw = result.ok ? result.exchange : result.failure.exchange;
  const exchange = raw ? safeExchange(raw, redactor) : undefined;
  const requestId = exchange?.requestId ?? failure?.requestId;
  const snapshot: RequestSnapshot | undefined = exchange
    ? { url: exchange.url, headers: exchange.requestHeaders, ...(exchange.requestBody !== undefined ? { body: exchange.requestBody } : {}) }
    : preparedSnapshot(call, defaults, requestId, redactor);
  const attempts = exchange?.attempts ?? failure?.attempts ?? [];
  const tppMessages = exchange?.tppMessages ?? safeTppMessages(failure?.tppMessages, redactor);
  return {
    operationId: operation.id,
    operationTitle: operation.title,
    environmentId: call.environmentId,
    method: operation.method,
    startedAt: exchange?.startedAt ?? new Date(now()).toISOString(),
    ...(exchange ? { durationMs: exchange.durationMs } : attempts.length > 0 ? { durationMs: attempts.reduce((sum, a) => sum + a.durationMs, 0) } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    attempts,
    ...(snapshot ? { request: snapshot } : {}),
    ...(exchange ? { exchange } : {}),
    ...(failure ? { failure: failureRecord(failure, redactor) } : {}),
    ...(tppMessages ? { tppMessages } : {}),
  };
}

function failureRecord(failure: RequestFailure, redactor: Redactor): FailureRecord {
  return {
    kind: failure.kind,
    ...(failure.status !== undefined ? { status: failure.status } : {}),
    ...(failure.causeCode !== undefined ? { causeCode: redactor.redact(failure.causeCode) } : {}),
    ...(failure.requestId !== undefined ? { requestId: failure.requestId } : {}),
    ...(failure.param !== undefined ? { param: redactor.redact(failure.param) } : {}),
    ...(failure.bicFi !== undefined ? { bicFi: redactor.redact(failure.bicFi) } : {}),
    ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
  };
}

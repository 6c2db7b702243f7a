// One line of history as kept in globalState: what the History view lists and what "Send Again" needs.
// Never a secret: values come from a ResponseRecord (already masked) or pass through the Redactor here.
import type { RequestFailureKind } from '../http/requestFailure';
import type { PsuContext } from '../catalogue/operationTypes';
import type { Redactor } from '../redaction/redaction';
import type { RecordedCall, ResponseRecord } from './responseRecord';
import { isShape, isString, isStringRecord, optional } from './shapeChecks';

/** The one argument of `openPayments.sendRequest` when a history entry is sent again. */
export interface ReplayRequest {
  readonly operationId: string;
  readonly params: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly context: PsuContext;
  readonly environmentId: string;
}

export interface HistoryEntry {
  readonly id: string;
  readonly operationId: string;
  readonly operationTitle: string;
  readonly method: string;
  /** Path and query on the API host, e.g. /psd2/aspspinformation/v1/aspsps?isoCountryCodes=SE. */
  readonly pathAndQuery: string;
  readonly status?: number;
  readonly failureKind?: RequestFailureKind;
  /** The X-Request-ID of the final attempt. */
  readonly requestId?: string;
  /** Every attempt's X-Request-ID, in order (more than one when the call was retried). */
  readonly attemptRequestIds: readonly string[];
  /** ISO time the call started. */
  readonly time: string;
  readonly durationMs?: number;
  readonly environmentId: string;
  /**
   * The PSU context the call was sent with, kept apart from `replay` so a live token for Copy as cURL has the
   * right scope even when the body was too large to keep. Absent in entries written before it was added.
   */
  readonly context?: PsuContext;
  /** Absent when the request body was too large to keep. */
  readonly replay?: ReplayRequest;
  /** Whether the response details were written to a file (they may be pruned later). */
  readonly hasDetails: boolean;
}

/** Request bodies of this API are small; a huge one is not worth keeping in globalState. */
export const MAX_REPLAY_BODY_CHARS = 256 * 1024;

const AUTH_PARAM = /^(proxy-)?authorization$/i;

export function replayFrom(call: RecordedCall, context: PsuContext, redactor: Redactor): ReplayRequest | undefined {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.input.params)) {
    if (value !== undefined && !AUTH_PARAM.test(name)) params[name] = redactor.redact(value);
  }
  const body = call.input.body;
  const rawBody = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  if (rawBody !== undefined && rawBody.length > MAX_REPLAY_BODY_CHARS) return undefined;
  return {
    operationId: call.operation.id,
    params,
    ...(rawBody !== undefined ? { body: redactor.redact(rawBody) } : {}),
    context,
    environmentId: call.environmentId,
  };
}

/** The path and query of a recorded URL, or `fallback` when there is none or it does not parse. */
export function pathAndQueryOf<T>(url: string | undefined, fallback: T): string | T {
  if (url === undefined) return fallback;
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return fallback;
  }
}

export function historyEntryFrom(
  id: string,
  record: ResponseRecord,
  call: RecordedCall,
  context: PsuContext,
  redactor: Redactor,
  hasDetails: boolean,
): HistoryEntry {
  const status = record.exchange?.status ?? record.failure?.status;
  const replay = replayFrom(call, context, redactor);
  return {
    id,
    operationId: record.operationId,
    operationTitle: record.operationTitle,
    method: record.method,
    pathAndQuery: pathAndQueryOf(record.request?.url, call.operation.path),
    ...(status !== undefined ? { status } : {}),
    ...(record.failure ? { failureKind: record.failure.kind } : {}),
    ...(record.requestId !== undefined ? { requestId: record.requestId } : {}),
    attemptRequestIds: record.attempts.map((attempt) => attempt.requestId),
    time: record.startedAt,
    ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
    environmentId: record.environmentId,
    context,
    ...(replay ? { replay } : {}),
    hasDetails,
  };
}

// ---- reading back what globalState holds (it may be from another version, or damaged) -------------------

function isPsuContext(value: unknown): value is PsuContext {
  return value === 'private' || value === 'corporate';
}

function isReplay(value: unknown): value is ReplayRequest {
  return (
    isShape(value) &&
    isString(value.operationId) &&
    isStringRecord(value.params) &&
    optional(value.body, isString) &&
    isPsuContext(value.context) &&
    isString(value.environmentId)
  );
}

export function isHistoryEntry(value: unknown): value is HistoryEntry {
  return (
    isShape(value) &&
    isString(value.id) &&
    isString(value.operationId) &&
    isString(value.operationTitle) &&
    isString(value.method) &&
    isString(value.pathAndQuery) &&
    optional(value.status, Number.isInteger) &&
    optional(value.failureKind, isString) &&
    optional(value.requestId, isString) &&
    Array.isArray(value.attemptRequestIds) &&
    value.attemptRequestIds.every(isString) &&
    isString(value.time) &&
    optional(value.durationMs, (v) => typeof v === 'number') &&
    isString(value.environmentId) &&
    optional(value.context, isPsuContext) &&
    optional(value.replay, isReplay) &&
    typeof value.hasDetails === 'boolean'
  );
}

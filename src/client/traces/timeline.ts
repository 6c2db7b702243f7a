// The story of one consent or one payment as History saw it: every recorded exchange that named it (in its
// path, its parameters or its response), oldest first, with the status each response reported and where that
// status changed. Built from History's entries and their stored responses only. Pure.
import type { HistoryEntry } from '../history/historyEntry';
import type { ResponseRecord } from '../history/responseRecord';

export type TimelineSubjectKind = 'consent' | 'payment';

export interface TimelineSubject {
  readonly kind: TimelineSubjectKind;
  readonly id: string;
  readonly environmentId: string;
}

/** One entry of History with its stored response, when History still has it. */
export interface StoredExchange {
  readonly entry: HistoryEntry;
  readonly record?: ResponseRecord;
}

export interface TimelineStep {
  readonly entryId: string;
  /** ISO time the call started. */
  readonly time: string;
  readonly operationTitle: string;
  readonly method: string;
  readonly pathAndQuery: string;
  /** The HTTP status, or the kind of failure when no response came. */
  readonly outcome: string;
  readonly requestId?: string;
  /** The consent's or payment's status as this response reported it (consentStatus / transactionStatus). */
  readonly status?: string;
  /** The SCA status this response reported (an authorisation's scaStatus). */
  readonly scaStatus?: string;
  /** The status before this step, when this response reported a different one. */
  readonly changedFrom?: string;
  /** True for the first status seen. */
  readonly firstStatus: boolean;
}

const STATUS_FIELD: Readonly<Record<TimelineSubjectKind, string>> = { consent: 'consentStatus', payment: 'transactionStatus' };
// Status, creation and authorisation answers are small; a larger body (an account or transaction list) holds
// no top-level status, and parsing 200 of them at 1 MB each took 1.4 s for nothing.
const MAX_STATUS_BODY_CHARS = 64 * 1024;
// Statuses are short codes; anything else in that field is not shown as one.
const STATUS_SHAPE = /^[A-Za-z]{2,32}$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function namedIn(stored: StoredExchange, id: string): boolean {
  const { entry, record } = stored;
  // Whole path segment or query value only: an id that is a prefix of another must not pull that one in.
  const inPath = new RegExp(`(?:^|[/=?&])${escapeRegExp(encodeURIComponent(id))}(?:$|[/?&#])`).test(entry.pathAndQuery);
  if (inPath) return true;
  if (entry.replay && Object.values(entry.replay.params).some((value) => value === id)) return true;
  const body = record?.exchange?.bodyText;
  return body !== undefined && body.includes(JSON.stringify(id));
}

function topLevelString(json: unknown, field: string): string | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const value = (json as Record<string, unknown>)[field];
  return typeof value === 'string' && STATUS_SHAPE.test(value) ? value : undefined;
}

function parsedBody(record: ResponseRecord | undefined): unknown {
  const text = record?.exchange?.bodyText;
  // Stored bodies may be cut short (see storedResponse.ts); a status read from half a body is no status.
  if (text === undefined || record?.bodyCutFrom !== undefined || text.length > MAX_STATUS_BODY_CHARS) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function outcomeOf(entry: HistoryEntry): string {
  if (entry.status !== undefined) return String(entry.status);
  return entry.failureKind ?? '';
}

/** Every exchange that touched the subject, oldest first, with the status changes marked. */
export function buildTimeline(subject: TimelineSubject, exchanges: readonly StoredExchange[]): TimelineStep[] {
  const touching = exchanges
    .filter((stored) => stored.entry.environmentId === subject.environmentId && namedIn(stored, subject.id))
    // History lists newest first and the same instant can hold two calls; keep History's order among equals.
    .map((stored, index) => ({ stored, index }))
    .sort((a, b) => Date.parse(a.stored.entry.time) - Date.parse(b.stored.entry.time) || b.index - a.index)
    .map(({ stored }) => stored);
  const steps: TimelineStep[] = [];
  let last: string | undefined;
  for (const { entry, record } of touching) {
    const json = parsedBody(record);
    const status = topLevelString(json, STATUS_FIELD[subject.kind]);
    const scaStatus = topLevelString(json, 'scaStatus');
    const changedFrom = status !== undefined && last !== undefined && status !== last ? last : undefined;
    steps.push({
      entryId: entry.id,
      time: entry.time,
      operationTitle: entry.operationTitle,
      method: entry.method,
      pathAndQuery: entry.pathAndQuery,
      outcome: outcomeOf(entry),
      ...(entry.requestId !== undefined ? { requestId: entry.requestId } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(scaStatus !== undefined ? { scaStatus } : {}),
      ...(changedFrom !== undefined ? { changedFrom } : {}),
      firstStatus: status !== undefined && last === undefined,
    });
    if (status !== undefined) last = status;
  }
  return steps;
}

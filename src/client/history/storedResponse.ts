// The file format of one history entry's response. Bodies are cut so 200 entries of 10 MB bank lists do
// not fill the disk; the record says so, and the response view tells the user.
import type { ResponseRecord } from './responseRecord';
import { isShape, isStringRecord } from './shapeChecks';

export const MAX_STORED_BODY_CHARS = 1024 * 1024;
const FORMAT_VERSION = 1;

export function serialiseStoredResponse(record: ResponseRecord, maxBodyChars = MAX_STORED_BODY_CHARS): string {
  const withFile = record.exchange;
  // A body over the size limit lives in a temporary file that goes with the window; history keeps the
  // preview it already has and says how large the whole was.
  const { bodyFile, ...exchange } = withFile ?? { bodyFile: undefined };
  const kept: ResponseRecord = withFile && bodyFile ? { ...record, exchange: exchange as typeof withFile, bodyCutFrom: bodyFile.bytes } : record;
  const keptExchange = kept.exchange;
  const cut = keptExchange !== undefined && keptExchange.bodyText.length > maxBodyChars;
  const stored: ResponseRecord = cut
    ? { ...kept, exchange: { ...keptExchange, bodyText: keptExchange.bodyText.slice(0, maxBodyChars) }, bodyCutFrom: kept.bodyCutFrom ?? keptExchange.bodyText.length }
    : kept;
  return JSON.stringify({ v: FORMAT_VERSION, record: stored });
}

function isAttempt(value: unknown): boolean {
  return isShape(value) && typeof value.requestId === 'string' && typeof value.durationMs === 'number';
}

function isExchange(value: unknown): boolean {
  return (
    isShape(value) &&
    typeof value.url === 'string' &&
    typeof value.status === 'number' &&
    typeof value.bodyText === 'string' &&
    typeof value.requestId === 'string' &&
    typeof value.durationMs === 'number' &&
    isStringRecord(value.requestHeaders) &&
    isStringRecord(value.responseHeaders) &&
    Array.isArray(value.attempts) &&
    value.attempts.every(isAttempt)
  );
}

function isTppMessage(value: unknown): boolean {
  return isShape(value) && typeof value.code === 'string' && typeof value.category === 'string';
}

/** Undefined for anything that is not a file this version wrote intact. */
export function parseStoredResponse(text: string): ResponseRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isShape(parsed) || parsed.v !== FORMAT_VERSION || !isShape(parsed.record)) return undefined;
  const r = parsed.record;
  const valid =
    typeof r.operationId === 'string' &&
    typeof r.operationTitle === 'string' &&
    typeof r.environmentId === 'string' &&
    typeof r.method === 'string' &&
    typeof r.startedAt === 'string' &&
    Array.isArray(r.attempts) &&
    r.attempts.every(isAttempt) &&
    (r.exchange === undefined || isExchange(r.exchange)) &&
    (r.failure === undefined || (isShape(r.failure) && typeof r.failure.kind === 'string')) &&
    (r.request === undefined || (isShape(r.request) && typeof r.request.url === 'string' && isStringRecord(r.request.headers))) &&
    (r.tppMessages === undefined || (Array.isArray(r.tppMessages) && r.tppMessages.every(isTppMessage)));
  return valid ? (r as unknown as ResponseRecord) : undefined;
}

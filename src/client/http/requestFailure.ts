// A failed call as plain data. The VS Code layer words it for the user; `summary` is only a neutral
// one-liner for logs, built from codes, never from server-chosen text.
import type { TokenErrorDetails } from './tokenError';
import type { Exchange, ExchangeAttempt } from './exchange';
import type { TppMessage } from './tppMessages';
import type { TransportFailureKind } from './transportErrors';

export type RequestFailureKind =
  | 'validation'
  | 'token'
  | TransportFailureKind
  /** The server answered 3xx, 4xx or 5xx. */
  | 'http'
  /** A success status with a body that is not JSON. */
  | 'non_json'
  /** A success status that should carry a body (not 204/205) with none. */
  | 'empty_body'
  /** A defect in this client; reported rather than thrown. */
  | 'internal';

export interface RequestFailure {
  readonly kind: RequestFailureKind;
  readonly operationId: string;
  /** The X-Request-ID of the last attempt sent (or of the token request, for kind "token"). */
  readonly requestId?: string;
  readonly status?: number;
  /** The most specific code: ENOTFOUND, UND_ERR_HEADERS_TIMEOUT, MISSING_PARAM, invalid_scope, ... */
  readonly causeCode?: string;
  readonly tppMessages?: readonly TppMessage[];
  /** Present whenever a response arrived. */
  readonly exchange?: Exchange;
  readonly attempts: readonly ExchangeAttempt[];
  /** For validation failures: the parameter or header at fault. */
  readonly param?: string;
  /** For MISSING_BANK_HEADER: the bank whose rule requires the header. */
  readonly bicFi?: string;
  /** For token failures: which product/credential, for wording the fix. */
  readonly token?: TokenErrorDetails;
  /** For an unretried 429: how long the server asked to wait. */
  readonly retryAfterMs?: number;
  /**
   * For connection failures where a client certificate or a private CA was in play: the settings that name
   * them, so the message can say which file to fix.
   */
  readonly certificateSettings?: { readonly clientCertificate?: string; readonly caCertificate?: string };
  /** For a client certificate outside its validity: the day (yyyy-mm-dd) it ended, or starts. */
  readonly certificateDate?: string;
  readonly summary: string;
}

export type ApiResult = { readonly ok: true; readonly exchange: Exchange } | { readonly ok: false; readonly failure: RequestFailure };

// Codes are echoed only when they look like codes, so a hostile server cannot put prose into the summary.
const CODE_LIKE = /^[A-Za-z0-9_.-]{1,64}$/;

export function failureSummary(failure: Omit<RequestFailure, 'summary'>): string {
  const parts = [`${failure.operationId}: ${failure.kind}`];
  if (failure.status !== undefined) parts.push(`HTTP ${failure.status}`);
  const codes = [failure.causeCode, ...(failure.tppMessages ?? []).map((m) => m.code)].filter(
    (c): c is string => c !== undefined && CODE_LIKE.test(c),
  );
  if (codes.length > 0) parts.push(`(${[...new Set(codes)].join(', ')})`);
  if (failure.param) parts.push(`param ${failure.param}`);
  if (failure.requestId) parts.push(`X-Request-ID ${failure.requestId}`);
  return parts.join(' ');
}

export function requestFailure(failure: Omit<RequestFailure, 'summary'>): RequestFailure {
  return { ...failure, summary: failureSummary(failure) };
}

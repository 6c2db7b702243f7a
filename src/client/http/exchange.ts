// The record of one logical call (all its attempts) as history and the UI show it. Secrets are masked
// before a value lands here.
import type { SpilledBody } from './boundedBody';
import type { TppMessage } from './tppMessages';
import type { TransportFailureKind } from './transportErrors';

export type RetryReason = 'token_rejected' | 'rate_limited';

export interface ExchangeAttempt {
  readonly requestId: string;
  readonly status?: number;
  readonly error?: TransportFailureKind;
  readonly durationMs: number;
  /** Why a further attempt followed this one. */
  readonly retryReason?: RetryReason;
}

export interface Exchange {
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly statusText?: string;
  /** ISO time the first attempt started. */
  readonly startedAt: string;
  /** All attempts, retries and waits included. */
  readonly durationMs: number;
  /** The final attempt's X-Request-ID (the one the response belongs to). */
  readonly requestId: string;
  readonly attempts: readonly ExchangeAttempt[];
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  readonly responseHeaders: Readonly<Record<string, string>>;
  /** The body; when it was over the size limit, only its start (the whole is in bodyFile). */
  readonly bodyText: string;
  /** Set when the body was over the size limit: the file holding all of it, masked. */
  readonly bodyFile?: SpilledBody;
  /** The parsed body, when it is JSON. */
  readonly json?: unknown;
  readonly tppMessages?: readonly TppMessage[];
}

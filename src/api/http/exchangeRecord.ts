// Builds the Exchange of a finished call. Masking is most of the pipeline's own CPU time (every header
// value and the whole body pass through every Redactor rule), while most readers look at a few fields
// (status, request id, parsed JSON), so each masked field is computed on first read and then kept.
// Masking later never masks less: the Redactor only learns secrets during a session (nothing removes one
// while exchanges are alive), and the raw values never leave this module.
import type { Redactor } from '../../core/redaction';
import type { Exchange, ExchangeAttempt } from './exchange';
import { parseJson } from './jsonBody';
import { defineLazy } from './lazyFields';
import type { TppMessage } from './tppMessages';
import type { TransportResponse } from './transport';

export interface ExchangeInput {
  readonly operationId: string;
  readonly method: string;
  readonly url: URL;
  /** Epoch ms the first attempt started. */
  readonly startedAt: number;
  readonly durationMs: number;
  readonly attempts: readonly ExchangeAttempt[];
  readonly requestId: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  readonly response: TransportResponse;
  /** The unmasked parse of the body, when it is JSON. */
  readonly json?: unknown;
  /** Taken from the unmasked parse (see below). */
  readonly tppMessages?: readonly TppMessage[];
}

function maskStrings<T extends object>(value: T, mask: (text: string) => string): T {
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, typeof v === 'string' ? mask(v) : v])) as T;
}

/** Masked values, filled in as they are first read. */
interface Masked {
  url?: string;
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  bodyText?: string;
}

export function recordExchange(input: ExchangeInput, redactor: Redactor): Exchange {
  const { response, json, tppMessages, requestBody } = input;
  const rawBody = response.bodyText;
  const masked: Masked = {};
  const bodyText = (): string => (masked.bodyText ??= redactor.redact(rawBody));
  // A literal with getters is several times cheaper to build than defining each property; only keys that
  // may be absent are added afterwards.
  const exchange: Exchange = {
    operationId: input.operationId,
    method: input.method,
    get url() {
      return (masked.url ??= redactor.redact(input.url.toString()));
    },
    status: response.status,
    ...(response.statusText ? { statusText: response.statusText } : {}),
    startedAt: new Date(input.startedAt).toISOString(),
    durationMs: input.durationMs,
    requestId: input.requestId,
    attempts: input.attempts,
    get requestHeaders() {
      return (masked.requestHeaders ??= redactor.redactHeaders(input.requestHeaders));
    },
    get responseHeaders() {
      return (masked.responseHeaders ??= redactor.redactHeaders(response.headers));
    },
    get bodyText() {
      return bodyText();
    },
  };
  if (requestBody !== undefined) defineLazy(exchange, 'requestBody', () => redactor.redact(requestBody));
  if (json !== undefined) {
    // The parsed copy must be as masked as the text, so parse the masked text when masking changed it.
    defineLazy(exchange, 'json', () => {
      const text = bodyText();
      if (text === rawBody) return json;
      const reparsed = parseJson(text);
      return reparsed.ok ? reparsed.value : undefined;
    });
  }
  if (tppMessages) {
    // Value by value from the unmasked parse: masking the JSON text would also hide every tppMessages
    // "code", because the Redactor treats a JSON "code" field as an OAuth authorization code.
    defineLazy(exchange, 'tppMessages', () => tppMessages.map((m) => maskStrings(m, (text) => redactor.redact(text))));
  }
  return exchange;
}

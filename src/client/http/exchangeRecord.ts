// Builds the Exchange of a finished call. Masking is most of the pipeline's own CPU time (every header
// value and the whole body pass through every Redactor rule), while most readers look at a few fields
// (status, request id, parsed JSON), so each masked field is computed on first read and then kept.
// Masking later never masks less: the Redactor only learns secrets during a session (nothing removes one
// while exchanges are alive), and the raw values never leave this module. startedAt is derived the same
// way: formatting a Date costs about as much as the rest of the record, and few readers ever look at it.
//
// The masked fields are enumerable own accessors, so spread, JSON.stringify, structuredClone and deep
// equality see a plain object. Their getter functions are shared by every exchange and find their inputs
// in a hidden slot: per-call closures would give each exchange its own hidden class and cost ~3x as much.
import type { Redactor } from '../redaction/redaction';
import type { Exchange, ExchangeAttempt } from './exchange';
import { parseJson } from './jsonBody';
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
  /** Taken from the unmasked parse (see tppMessages below). */
  readonly tppMessages?: readonly TppMessage[];
}

type LazyField = 'url' | 'startedAt' | 'requestHeaders' | 'requestBody' | 'responseHeaders' | 'bodyText' | 'json' | 'tppMessages';

/** What the getters read: the raw values, the Redactor, and what has been computed so far. */
interface Sources {
  readonly input: ExchangeInput;
  readonly redactor: Redactor;
  readonly masked: { -readonly [K in LazyField]?: Exchange[K] };
}

const SOURCES = Symbol('exchange sources');

/** The largest time value a Date can hold (ECMA-262 TimeClip). */
const MAX_TIME_MS = 8.64e15;

function sourcesOf(exchange: object): Sources {
  return (exchange as { [SOURCES]: Sources })[SOURCES];
}

function maskStrings<T extends object>(value: T, mask: (text: string) => string): T {
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, typeof v === 'string' ? mask(v) : v])) as T;
}

function maskedBody(s: Sources): string {
  return (s.masked.bodyText ??= s.redactor.redact(s.input.response.bodyText));
}

/** A getter shared by every exchange that computes `field` on first read and keeps the result. */
function lazy<K extends LazyField>(field: K, compute: (s: Sources) => Exchange[K]): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: object): Exchange[K] {
      const s = sourcesOf(this);
      if (!(field in s.masked)) s.masked[field] = compute(s);
      return s.masked[field] as Exchange[K];
    },
  };
}

const DESCRIPTORS: Readonly<Record<LazyField, PropertyDescriptor>> = {
  url: lazy('url', (s) => s.redactor.redact(s.input.url.toString())),
  startedAt: lazy('startedAt', (s) => new Date(s.input.startedAt).toISOString()),
  requestHeaders: lazy('requestHeaders', (s) => s.redactor.redactHeaders(s.input.requestHeaders)),
  requestBody: lazy('requestBody', (s) => (s.input.requestBody === undefined ? undefined : s.redactor.redact(s.input.requestBody))),
  responseHeaders: lazy('responseHeaders', (s) => s.redactor.redactHeaders(s.input.response.headers)),
  bodyText: lazy('bodyText', maskedBody),
  // The parsed copy must be as masked as the text, so parse the masked text when masking changed it.
  json: lazy('json', (s) => {
    const text = maskedBody(s);
    if (text === s.input.response.bodyText) return s.input.json;
    const reparsed = parseJson(text);
    return reparsed.ok ? reparsed.value : undefined;
  }),
  // Value by value from the unmasked parse: masking the JSON text would also hide every tppMessages
  // "code", because the Redactor treats a JSON "code" field as an OAuth authorization code.
  tppMessages: lazy('tppMessages', (s) => s.input.tppMessages?.map((m) => maskStrings(m, (text) => s.redactor.redact(text)))),
};

export function recordExchange(input: ExchangeInput, redactor: Redactor): Exchange {
  const { response } = input;
  const exchange: Record<string, unknown> = { operationId: input.operationId, method: input.method };
  Object.defineProperty(exchange, SOURCES, { value: { input, redactor, masked: {} } satisfies Sources });
  // Keys in the order an eagerly built exchange had them; optional ones only when present.
  Object.defineProperty(exchange, 'url', DESCRIPTORS.url);
  exchange.status = response.status;
  if (response.statusText) exchange.statusText = response.statusText;
  // A time toISOString() cannot format fails the call now, as it did when startedAt was formatted here.
  if (!(Math.abs(input.startedAt) <= MAX_TIME_MS)) throw new RangeError('Invalid time value');
  Object.defineProperty(exchange, 'startedAt', DESCRIPTORS.startedAt);
  exchange.durationMs = input.durationMs;
  exchange.requestId = input.requestId;
  exchange.attempts = input.attempts;
  Object.defineProperty(exchange, 'requestHeaders', DESCRIPTORS.requestHeaders);
  if (input.requestBody !== undefined) Object.defineProperty(exchange, 'requestBody', DESCRIPTORS.requestBody);
  Object.defineProperty(exchange, 'responseHeaders', DESCRIPTORS.responseHeaders);
  Object.defineProperty(exchange, 'bodyText', DESCRIPTORS.bodyText);
  if (response.bodyFile) exchange.bodyFile = response.bodyFile;
  if (input.json !== undefined) Object.defineProperty(exchange, 'json', DESCRIPTORS.json);
  if (input.tppMessages) Object.defineProperty(exchange, 'tppMessages', DESCRIPTORS.tppMessages);
  return exchange as unknown as Exchange;
}

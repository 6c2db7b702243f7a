// The request pipeline: prepare, authorise, send, retry where it is safe, and record. send() never
// rejects: every outcome is an ApiResult, so no caller can leak an unhandled rejection or a raw error.
import { setTimeout as delay } from 'node:timers/promises';
import type { Operation } from '../catalogue/catalogue';
import type { PsuContext } from '../catalogue/operationTypes';
import { isClientError } from '../errors';
import type { Redactor } from '../redaction/redaction';
import type { Exchange, ExchangeAttempt } from './exchange';
import { recordExchange } from './exchangeRecord';
import { parseJson, type JsonParse } from './jsonBody';
import type { PsuHeaderSettings } from './psuHeaderRules';
import { isRequestId, newRequestId } from './requestId';
import { PreparationPlans } from './preparationPlans';
import { prepareRequest, type ParamValues, type PreparedRequest } from './requestPreparation';
import { requestFailure, type ApiResult, type RequestFailure } from './requestFailure';
import { parseRetryAfter } from './retryAfter';
import { extractTppMessages, hasTppCode } from './tppMessages';
import type { Transport, TransportResponse } from './transport';
import type { AccessToken, TokenScope, TokenSource } from './tokenSource';
import { TransportError } from './transportErrors';

export interface ApiEnvironment {
  readonly id: string;
  readonly authHost: string;
  readonly apiHost: string;
}

export interface ApiRequest {
  readonly operation: Operation;
  /** Path, query and header values by wire name. */
  readonly params: ParamValues;
  /** An object is sent as JSON; a string is sent as written (it must be JSON). */
  readonly body?: unknown;
  readonly environment: ApiEnvironment;
  readonly context: PsuContext;
  readonly psuHeaders?: PsuHeaderSettings;
  /** Used for the first attempt only; must be a UUID. */
  readonly requestId?: string;
  readonly signal?: AbortSignal;
}

export interface RetryPolicy {
  /** 429 retries for GET requests. */
  readonly maxRateLimitRetries: number;
  /** A Retry-After longer than this is not waited for; the 429 is returned instead. */
  readonly retryAfterCapMs: number;
}

export interface ApiClientOptions {
  readonly transport: Transport;
  readonly tokens: TokenSource;
  readonly redactor: Redactor;
  readonly retry?: Partial<RetryPolicy>;
  readonly now?: () => number;
  /** Waits between retries; resolves early as a rejection when `signal` aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told of a defect send() turned into an `internal` failure, so the log can say what it was. */
  readonly onInternalError?: (operationId: string, error: unknown) => void;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRateLimitRetries: 2, retryAfterCapMs: 10_000 };

// Codes meaning "this bearer token is no good", where a fresh token can help (reference §5, 401 codes).
const TOKEN_REJECTED_CODES: ReadonlySet<string> = new Set(['TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_UNKNOWN']);
const NO_BODY_STATUSES = new Set([204, 205]);

/**
 * The prepared headers plus this attempt's X-Request-ID and bearer token, in that order. Copied key by key:
 * V8 builds `{ ...headers, 'X-Request-ID': id }` through a slow path (~1 µs per key added after a spread),
 * which made this line one of the costliest of a call.
 */
function attemptHeaders(prepared: Readonly<Record<string, string>>, requestId: string, token: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(prepared)) headers[name] = prepared[name] as string;
  headers['X-Request-ID'] = requestId;
  headers.Authorization = `Bearer ${token}`;
  return headers;
}


/** State of one send() call across its attempts. */
interface CallState {
  readonly request: ApiRequest;
  readonly prepared: PreparedRequest;
  readonly scope: TokenScope;
  readonly startedAt: number;
  readonly attempts: ExchangeAttempt[];
}

export class ApiClient {
  private readonly retry: RetryPolicy;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  // Tokens already handed to the Redactor: a cached token is reused for many calls, and teaching the
  // Redactor a secret it knows still costs a re-sort of its list on every call.
  private readonly knownTokens = new WeakSet<AccessToken>();
  private readonly plans = new PreparationPlans();

  constructor(private readonly options: ApiClientOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.now = options.now ?? Date.now;
    // Node's abortable timer rejects on abort, which the retry loop reports as cancelled.
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
  }

  // Not async: an async wrapper just to catch costs ~5 µs per call when its code is cold, as it is between
  // network waits (an awaiting frame, a promise and a resumption on top of attemptLoop's own).
  send(request: ApiRequest): Promise<ApiResult> {
    try {
      const outcome = this.start(request);
      return outcome instanceof Promise ? outcome.catch((error: unknown) => this.internalFailure(request, error)) : Promise.resolve(outcome);
    } catch (error) {
      return Promise.resolve(this.internalFailure(request, error));
    }
  }

  /**
   * What send() answers when something it did not expect went wrong. The failure itself stays without the
   * error (it could carry anything, and nothing above may show a stack); only the log callback sees it.
   */
  private internalFailure(request: ApiRequest, error: unknown): ApiResult {
    this.options.onInternalError?.(request.operation.id, error);
    return { ok: false, failure: requestFailure({ kind: 'internal', operationId: request.operation.id, attempts: [] }) };
  }

  /** Validates and prepares synchronously; not async itself, so a sent call passes through one async frame fewer. */
  private start(request: ApiRequest): ApiResult | Promise<ApiResult> {
    const operationId = request.operation.id;
    if (request.requestId !== undefined && !isRequestId(request.requestId)) {
      return this.fail({ kind: 'validation', operationId, causeCode: 'INVALID_REQUEST_ID', param: 'X-Request-ID', attempts: [] });
    }
    const input = {
      operation: request.operation,
      params: request.params,
      body: request.body,
      apiHost: request.environment.apiHost,
      context: request.context,
      psuHeaders: request.psuHeaders ?? {},
    };
    const preparation = prepareRequest(input, this.plans);
    if (!preparation.ok) {
      const { code, ...where } = preparation.problem;
      return this.fail({ kind: 'validation', operationId, causeCode: code, ...where, attempts: [] });
    }
    const state: CallState = {
      request,
      prepared: preparation.request,
      scope: {
        environmentId: request.environment.id,
        authHost: request.environment.authHost,
        product: request.operation.product,
        // ASPSP Information is bank- and PSU-neutral; the docs only ever request "aspspinformation private",
        // so a corporate session must not turn it into a scope the client may not be registered for.
        context: request.operation.product === 'aspspinformation' ? 'private' : request.context,
      },
      startedAt: this.now(),
      attempts: [],
    };
    return this.attemptLoop(state);
  }

  private async attemptLoop(state: CallState): Promise<ApiResult> {
    const { request } = state;
    const operationId = request.operation.id;
    let tokenRetried = false;
    let rateLimitRetries = 0;
    for (;;) {
      const requestId = state.attempts.length === 0 && request.requestId ? request.requestId : newRequestId();
      let token: AccessToken | undefined = this.options.tokens.cachedToken?.(state.scope);
      try {
        token ??= await this.options.tokens.getToken(state.scope, request.signal);
      } catch (error) {
        return this.tokenFailure(state, error);
      }
      if (!this.knownTokens.has(token)) {
        this.options.redactor.addIssued(token.value);
        this.knownTokens.add(token);
      }
      const headers = attemptHeaders(state.prepared.headers, requestId, token.value);
      const attemptStart = this.now();
      let response: TransportResponse;
      try {
        response = await this.options.transport.request({
          url: state.prepared.url,
          method: request.operation.method,
          headers,
          body: state.prepared.body,
          signal: request.signal,
        });
      } catch (error) {
        const transportError = isClientError(error, 'transport') ? error : new TransportError('network', undefined);
        state.attempts.push({ requestId, error: transportError.kind, durationMs: this.now() - attemptStart });
        return this.fail({ kind: transportError.kind, operationId, requestId, causeCode: transportError.causeCode, attempts: state.attempts });
      }
      const attempt: ExchangeAttempt = { requestId, status: response.status, durationMs: this.now() - attemptStart };
      // A body over the size limit is only a preview here; parsing it would be parsing half a document.
      const parsed = response.bodyText.length > 0 && !response.bodyFile ? parseJson(response.bodyText) : undefined;
      const tppMessages = parsed?.ok ? extractTppMessages(parsed.value) : undefined;

      if (response.status === 401 && !tokenRetried && hasTppCode(tppMessages, TOKEN_REJECTED_CODES)) {
        state.attempts.push({ ...attempt, retryReason: 'token_rejected' });
        this.options.tokens.invalidate(state.scope, token);
        tokenRetried = true;
        continue;
      }
      const retryAfterMs = response.status === 429 ? parseRetryAfter(response.headers['retry-after'], this.now()) : undefined;
      if (
        retryAfterMs !== undefined &&
        request.operation.method === 'GET' &&
        rateLimitRetries < this.retry.maxRateLimitRetries &&
        retryAfterMs <= this.retry.retryAfterCapMs
      ) {
        state.attempts.push({ ...attempt, retryReason: 'rate_limited' });
        rateLimitRetries++;
        try {
          await this.sleep(retryAfterMs, request.signal);
        } catch {
          return this.fail({ kind: 'cancelled', operationId, requestId, causeCode: 'ABORT_ERR', attempts: state.attempts });
        }
        continue;
      }
      state.attempts.push(attempt);
      const exchange = recordExchange(
        {
          operationId,
          method: request.operation.method,
          url: state.prepared.url,
          startedAt: state.startedAt,
          durationMs: this.now() - state.startedAt,
          attempts: state.attempts,
          requestId,
          requestHeaders: headers,
          requestBody: state.prepared.body,
          response,
          json: parsed?.ok ? parsed.value : undefined,
          tppMessages,
        },
        this.options.redactor,
      );
      return this.classify(exchange, parsed, retryAfterMs);
    }
  }

  private classify(exchange: Exchange, parsed: JsonParse | undefined, retryAfterMs: number | undefined): ApiResult {
    if (exchange.status < 300 && parsed?.ok) return { ok: true, exchange };
    // Too large to hold, so unparsed: the call succeeded, and the response view offers the whole body.
    if (exchange.status < 300 && exchange.bodyFile) return { ok: true, exchange };
    const base = {
      operationId: exchange.operationId,
      requestId: exchange.requestId,
      status: exchange.status,
      attempts: exchange.attempts,
      exchange,
      ...(exchange.tppMessages ? { tppMessages: exchange.tppMessages } : {}),
    };
    if (exchange.status >= 300) {
      return this.fail({ ...base, kind: 'http', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    }
    if (parsed === undefined && !NO_BODY_STATUSES.has(exchange.status)) return this.fail({ ...base, kind: 'empty_body' });
    if (parsed !== undefined && !parsed.ok) return this.fail({ ...base, kind: 'non_json' });
    return { ok: true, exchange };
  }

  private tokenFailure(state: CallState, error: unknown): ApiResult {
    const operationId = state.request.operation.id;
    if (!isClientError(error, 'token')) {
      return this.fail({ kind: 'internal', operationId, attempts: state.attempts });
    }
    return this.fail({
      kind: error.kind === 'cancelled' ? 'cancelled' : 'token',
      operationId,
      requestId: error.requestId,
      causeCode: error.details.oauthError ?? error.kind,
      attempts: state.attempts,
      token: error.details,
    });
  }

  private fail(failure: Omit<RequestFailure, 'summary'>): ApiResult {
    return { ok: false, failure: requestFailure(failure) };
  }
}

// Scripted fakes for ScaFlow: API answers by operation id, a fake clock whose sleep advances time at once,
// and a listener whose callback the test decides. Runs a whole flow in milliseconds.
import crypto from 'node:crypto';
import type { ApiResult, Exchange, ParamValues, RequestFailure } from '../../../../src/client/http';
import type { CodeExchangeResult } from '../../../../src/client/auth/authorizationCode';
import type { CallbackResult, RedirectListener } from '../../../../src/client/auth/loopback';
import type { CodeExchangeRequest, ListenerRequest, ScaChallenge, ScaFlowDeps, ScaProgress } from '../../../../src/client/sca';

export type Answer = ApiResult | ((params: ParamValues, body: unknown) => ApiResult);

const requestId = (): string => crypto.randomUUID();

export function okAnswer(json: unknown, headers: Record<string, string> = {}): ApiResult {
  const exchange: Exchange = {
    operationId: 'op',
    method: 'GET',
    url: 'http://api.invalid/',
    status: 200,
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    requestId: requestId(),
    attempts: [],
    requestHeaders: {},
    responseHeaders: { 'content-type': 'application/json', ...headers },
    bodyText: JSON.stringify(json),
    json,
  };
  return { ok: true, exchange };
}

export function failedAnswer(kind: RequestFailure['kind'], status?: number): ApiResult {
  return {
    ok: false,
    failure: { kind, operationId: 'op', requestId: requestId(), attempts: [], summary: kind, ...(status !== undefined ? { status } : {}) },
  };
}

export interface SentCall {
  readonly operationId: string;
  readonly params: ParamValues;
  readonly body: unknown;
}

export class Script {
  clock = 0;
  readonly sent: SentCall[] = [];
  readonly sleeps: number[] = [];
  readonly opened: string[] = [];
  readonly listenerRequests: ListenerRequest[] = [];
  readonly exchanges: CodeExchangeRequest[] = [];
  readonly challenges: ScaChallenge[] = [];
  readonly progress: ScaProgress[] = [];
  listenerClosed = 0;
  openResult = true;
  /** What the browser sends back, given the opened URL (its state). */
  callback: (openedUrl: URL) => CallbackResult = (url) => ({ kind: 'code', code: `code-for-${url.searchParams.get('state')}` });
  exchangeResult: CodeExchangeResult = { ok: true, requestId: 'exchange-request-id' };
  listenerError: Error | undefined;
  /** Called on every sleep: lets a test abort or change answers mid-poll. */
  onSleep: () => void = () => undefined;
  private readonly answers = new Map<string, Answer[]>();

  /** Queues answers for an operation; the last one repeats. */
  on(operationId: string, ...answers: Answer[]): this {
    this.answers.set(operationId, [...(this.answers.get(operationId) ?? []), ...answers]);
    return this;
  }

  operations(): string[] {
    return this.sent.map((c) => c.operationId);
  }

  deps(overrides: Partial<ScaFlowDeps> = {}): ScaFlowDeps {
    let resolveCallback: (result: CallbackResult) => void = () => undefined;
    return {
      send: async (operationId, params, body) => {
        this.sent.push({ operationId, params, body });
        const queue = this.answers.get(operationId);
        const answer = queue && (queue.length > 1 ? queue.shift() : queue[0]);
        if (!answer) throw new Error(`no scripted answer for ${operationId}`);
        return typeof answer === 'function' ? answer(params, body) : answer;
      },
      openBrowser: async (url) => {
        this.opened.push(url);
        if (this.openResult) resolveCallback(this.callback(new URL(url)));
        return this.openResult;
      },
      startListener: async (request) => {
        this.listenerRequests.push(request);
        if (this.listenerError) throw this.listenerError;
        const result = new Promise<CallbackResult>((resolve) => (resolveCallback = resolve));
        const listener: RedirectListener = {
          redirectUri: 'http://127.0.0.1:53682/callback',
          result,
          close: async () => {
            this.listenerClosed += 1;
            resolveCallback({ kind: 'cancelled' });
          },
        };
        return listener;
      },
      exchangeCode: async (request) => {
        this.exchanges.push(request);
        return this.exchangeResult;
      },
      sleep: async (ms) => {
        this.sleeps.push(ms);
        this.clock += ms;
        this.onSleep();
      },
      onChallenge: (challenge) => this.challenges.push(challenge),
      onStatus: (progress) => this.progress.push(progress),
      createState: () => `state-${this.listenerRequests.length + 1}`,
      now: () => this.clock,
      ...overrides,
    };
  }
}

export const AUTH_HOST = 'https://auth.example';
export const SETTINGS = { authHost: AUTH_HOST, clientId: 'client-1', pollIntervalMs: 2_000, decoupledPollIntervalMs: 1_000, timeoutMs: 60_000 };

export const METHODS = [
  { authenticationType: 'PUSH_OTP', authenticationMethodId: 'mbid' },
  { authenticationType: 'PUSH_OTP', authenticationMethodId: 'mbid_same_device' },
  { authenticationType: 'PUSH_OTP', authenticationMethodId: 'mbid_animated_qr_token' },
];

export function started(approach: string, extra: Record<string, unknown> = {}): ApiResult {
  return okAnswer({ authorisationId: 'auth-1', scaStatus: 'received', scaMethods: METHODS, ...extra }, { 'ASPSP-SCA-Approach': approach });
}

export function oauthTemplate(kind: 'consent' | 'payment' = 'consent'): string {
  const ids = kind === 'consent' ? 'consentId:c-1%20consentAuthorisationId:auth-1' : 'paymentId:p-1%20paymentAuthorisationId:auth-1';
  return `${AUTH_HOST}/connect/authorize?client_id=[CLIENT_ID]&scope=accountinformation%20private&response_type=code&redirect_uri=[TPP_REDIRECT_URI]&state=[TPP_STATE]&acr_values=idp:NDEASESS%20${ids}`;
}

export function selected(link: 'scaOAuth' | 'scaRedirect', template = oauthTemplate()): ApiResult {
  return okAnswer({ scaStatus: 'scaMethodSelected', _links: { scaStatus: { href: '/x' }, [link]: { href: template } } }, { 'aspsp-sca-approach': 'REDIRECT' });
}

export const sca = (scaStatus: string, extra: Record<string, unknown> = {}): ApiResult => okAnswer({ scaStatus, ...extra });
export const consent = (consentStatus: string): ApiResult => okAnswer({ consentStatus });
export const payment = (transactionStatus: string): ApiResult => okAnswer({ transactionStatus });

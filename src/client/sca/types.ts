// The vocabulary of one SCA run: what is authorised, how, what the UI hears while it runs, and how it ended.
import type { OperationId } from '../catalogue/catalogue';
import type { ApiResult, ParamValues, RequestFailure } from '../http';
import type { AuthorisationTarget, CodeExchangeFailure, CodeExchangeResult, PkcePair, ScaTemplateProblem } from '../auth/authorizationCode';
import type { CallbackMode, LoopbackErrorDetails, RedirectListener } from '../auth/loopback';

export type ScaSubject =
  | { readonly kind: 'consent'; readonly bicFi: string; readonly consentId: string }
  | {
      readonly kind: 'payment';
      readonly bicFi: string;
      readonly paymentId: string;
      readonly paymentProduct: string;
      /** "payments" unless given. */
      readonly paymentService?: string;
    };

export type ScaApproach = 'REDIRECT' | 'DECOUPLED' | 'EMBEDDED';

/** How this run authenticates the PSU. "none": the bank finalised (or exempted) at Start Authorisation. */
export type ScaRoute = 'scaOAuth' | 'scaRedirect' | 'decoupled' | 'none';

export interface ScaMethod {
  readonly authenticationMethodId: string;
  readonly authenticationType?: string;
  readonly name?: string;
}

/** What a decoupled SCA asks the UI to show, ready to render (see describeChallenge). */
export interface ScaChallenge {
  readonly methodId?: string;
  readonly scaStatus?: string;
  /** Text to encode as a QR code: the animated QR token itself, or the BankID autostart link. */
  readonly qrText?: string;
  /** A link that starts BankID on this device (bankid:///?autostarttoken=…). */
  readonly autostartUrl?: string;
  /** Base64 PNG from challengeData.image (animated QR image methods). */
  readonly imageBase64?: string;
  readonly imageLink?: string;
  readonly psuMessage?: string;
}

export type ScaPhase = 'starting' | 'choosingMethod' | 'selectingMethod' | 'waitingForBrowser' | 'activating' | 'waitingForSca' | 'waitingForStatus';

export interface ScaProgress {
  readonly phase: ScaPhase;
  readonly route?: ScaRoute;
  readonly authorisationId?: string;
  readonly scaStatus?: string;
  /** consentStatus or transactionStatus. */
  readonly parentStatus?: string;
}

export type ScaFailureReason =
  /** An API call failed; see failure. */
  | 'request_failed'
  /** A 2xx answer without what the flow needs (authorisationId, scaStatus, ...). */
  | 'unexpected_response'
  | 'no_sca_method'
  | 'unsupported_approach'
  /** REDIRECT without a usable scaOAuth/scaRedirect link; see templateProblem. */
  | 'invalid_sca_link'
  | 'browser_not_opened'
  | 'listener_failed'
  /** The callback had our state but neither code nor error. */
  | 'callback_malformed'
  | 'code_exchange_failed'
  /** scaStatus became failed. */
  | 'sca_failed'
  /** consentStatus rejected/expired/… or transactionStatus RJCT/CANC. */
  | 'parent_rejected'
  /** An injected function threw; a defect, reported rather than thrown. */
  | 'internal';

export interface ScaOutcomeCommon {
  readonly subject: ScaSubject;
  readonly authorisationId?: string;
  readonly route?: ScaRoute;
  readonly methodId?: string;
  readonly scaStatus?: string;
  readonly parentStatus?: string;
  /** X-Request-IDs of the last calls (API and code exchange), oldest first, for support. */
  readonly requestIds: readonly string[];
}

export type ScaOutcome =
  | (ScaOutcomeCommon & { readonly kind: 'finalised' })
  | (ScaOutcomeCommon & {
      readonly kind: 'failed';
      readonly reason: ScaFailureReason;
      readonly failure?: RequestFailure;
      readonly exchangeFailure?: CodeExchangeFailure;
      readonly listenerError?: LoopbackErrorDetails;
      readonly templateProblem?: ScaTemplateProblem;
    })
  /** The PSU or the bank said no on the redirect (error=… on the callback). Server text, show as plain text. */
  | (ScaOutcomeCommon & { readonly kind: 'denied'; readonly error: string; readonly errorDescription?: string })
  | (ScaOutcomeCommon & { readonly kind: 'timedOut'; readonly phase: ScaPhase })
  | (ScaOutcomeCommon & { readonly kind: 'cancelled' });

export interface ListenerRequest {
  readonly expectedState: string;
  readonly mode: CallbackMode;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

export interface CodeExchangeRequest {
  readonly code: string;
  readonly codeVerifier?: string;
  readonly redirectUri: string;
  readonly iss?: string;
  readonly target: AuthorisationTarget;
  readonly signal: AbortSignal;
}

/** Everything with a side effect, injected so the flow is a pure state machine in tests. */
export interface ScaFlowDeps {
  /** One catalogue operation through the extension's runner (PSU headers come from settings there). */
  send(operationId: OperationId, params: ParamValues, body?: unknown, signal?: AbortSignal): Promise<ApiResult>;
  /** Opens the PSU's browser; false when the user declined or it could not open. */
  openBrowser(url: string): Promise<boolean>;
  /** Binds the registered redirect URI (RedirectListeners.listen with it). */
  startListener(request: ListenerRequest): Promise<RedirectListener>;
  /** exchangeAuthorizationCode with the environment, credentials and auth transport filled in. */
  exchangeCode(request: CodeExchangeRequest): Promise<CodeExchangeResult>;
  /** Waits; may resolve or reject early when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  onChallenge?(challenge: ScaChallenge): void;
  onStatus?(progress: ScaProgress): void;
  /** Picks an authenticationMethodId; undefined cancels. Default: preferredMethod. */
  chooseMethod?(methods: readonly ScaMethod[], approach: ScaApproach | undefined): Promise<string | undefined>;
  createPkce?(): Promise<PkcePair>;
  createState?(): string;
  now?(): number;
  /** Told of a defect the flow turned into a `failed: internal` outcome, so the log can say what it was. */
  onInternalError?(error: unknown): void;
}

export interface ScaFlowSettings {
  readonly authHost: string;
  readonly clientId: string;
  /** Between SCA/consent/payment status reads after a redirect. */
  readonly pollIntervalMs?: number;
  /** Between SCA status reads during decoupled SCA (the animated QR changes every second). */
  readonly decoupledPollIntervalMs?: number;
  /** The whole run, browser login included. */
  readonly timeoutMs?: number;
}

/** How a run ended, without the fields every outcome shares. */
export type ScaEnd = ScaOutcome extends infer O ? (O extends ScaOutcome ? Omit<O, keyof ScaOutcomeCommon> : never) : never;

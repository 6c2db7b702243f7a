// The state of one SCA run and the moves every step shares: call an operation, wait under the deadline and
// the cancel signal, report progress, and end early by throwing ScaStop (caught once, in ScaFlow).
import type { OperationId } from '../catalogue/catalogue';
import { ClientError } from '../errors';
import type { ApiResult, Exchange, ParamValues, RequestFailure, RequestFailureKind } from '../http';
import type { ScaEnd, ScaFlowDeps, ScaFlowSettings, ScaOutcome, ScaPhase, ScaRoute, ScaSubject } from './types';

/** Ends a run early with its outcome; ScaFlow turns it into the result, so it never leaves the flow. */
export class ScaStop extends ClientError<ScaEnd> {
  readonly family = 'scaStop';

  constructor(end: ScaEnd) {
    super('ScaStop', end, end.kind);
  }
}

declare module '../errors' {
  interface ClientErrorFamilies {
    scaStop: ScaStop;
  }
}

export const SCA_DEFAULTS = { pollIntervalMs: 2_000, decoupledPollIntervalMs: 1_000, timeoutMs: 300_000 };
const KEPT_REQUEST_IDS = 10;
// A poll survives a few transient failures (the ApiClient already retried 429s); a 4xx is final.
const TRANSIENT: ReadonlySet<RequestFailureKind> = new Set(['dns', 'refused', 'reset', 'timeout', 'network']);
const MAX_CONSECUTIVE_POLL_FAILURES = 3;

/** A failure another read may not meet: the network, or the server's own 5xx. */
export function isTransientFailure(failure: RequestFailure): boolean {
  return TRANSIENT.has(failure.kind) || (failure.kind === 'http' && (failure.status ?? 0) >= 500);
}

export class ScaRun {
  authorisationId: string | undefined;
  route: ScaRoute | undefined;
  methodId: string | undefined;
  scaStatus: string | undefined;
  parentStatus: string | undefined;
  readonly signal: AbortSignal;
  readonly settings: Required<ScaFlowSettings>;
  private readonly requestIds: string[] = [];
  private readonly deadline: number;
  private readonly now: () => number;
  private pollFailures = 0;

  constructor(
    readonly deps: ScaFlowDeps,
    settings: ScaFlowSettings,
    readonly subject: ScaSubject,
    signal: AbortSignal | undefined,
  ) {
    this.settings = { ...SCA_DEFAULTS, ...settings };
    this.now = deps.now ?? Date.now;
    this.deadline = this.now() + this.settings.timeoutMs;
    this.signal = signal ?? new AbortController().signal;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.now());
  }

  checkCancelled(): void {
    if (this.signal.aborted) throw new ScaStop({ kind: 'cancelled' });
  }

  noteRequestId(requestId: string | undefined): void {
    if (!requestId) return;
    this.requestIds.push(requestId);
    if (this.requestIds.length > KEPT_REQUEST_IDS) this.requestIds.shift();
  }

  progress(phase: ScaPhase): void {
    this.deps.onStatus?.({
      phase,
      ...(this.route ? { route: this.route } : {}),
      ...(this.authorisationId ? { authorisationId: this.authorisationId } : {}),
      ...(this.scaStatus ? { scaStatus: this.scaStatus } : {}),
      ...(this.parentStatus ? { parentStatus: this.parentStatus } : {}),
    });
  }

  private async send(operationId: OperationId, params: ParamValues, body?: unknown): Promise<ApiResult> {
    this.checkCancelled();
    const result = await this.deps.send(operationId, params, body, this.signal);
    this.noteRequestId(result.ok ? result.exchange.requestId : result.failure.requestId);
    if (!result.ok && (result.failure.kind === 'cancelled' || this.signal.aborted)) throw new ScaStop({ kind: 'cancelled' });
    return result;
  }

  /** A call the run cannot go on without. */
  async call(operationId: OperationId, params: ParamValues, body?: unknown): Promise<Exchange> {
    const result = await this.send(operationId, params, body);
    if (!result.ok) throw new ScaStop({ kind: 'failed', reason: 'request_failed', failure: result.failure });
    return result.exchange;
  }

  /** A status read: undefined after a transient failure (poll again), a stop after too many or a final one. */
  async poll(operationId: OperationId, params: ParamValues): Promise<Exchange | undefined> {
    const result = await this.send(operationId, params);
    if (result.ok) {
      this.pollFailures = 0;
      return result.exchange;
    }
    if (isTransientFailure(result.failure) && ++this.pollFailures < MAX_CONSECUTIVE_POLL_FAILURES) return undefined;
    throw new ScaStop({ kind: 'failed', reason: 'request_failed', failure: result.failure });
  }

  /** Sleeps before the next poll; ends the run when cancelled or when the deadline has passed. */
  async wait(ms: number, phase: ScaPhase): Promise<void> {
    if (this.remainingMs() <= 0) throw new ScaStop({ kind: 'timedOut', phase });
    try {
      await this.deps.sleep(Math.min(ms, this.remainingMs()), this.signal);
    } catch {
      // An aborted sleep may reject; the signal check below decides what it meant.
    }
    this.checkCancelled();
    if (this.remainingMs() <= 0) throw new ScaStop({ kind: 'timedOut', phase });
  }

  outcome(end: ScaEnd): ScaOutcome {
    return {
      ...end,
      subject: this.subject,
      ...(this.authorisationId ? { authorisationId: this.authorisationId } : {}),
      ...(this.route ? { route: this.route } : {}),
      ...(this.methodId ? { methodId: this.methodId } : {}),
      ...(this.scaStatus ? { scaStatus: this.scaStatus } : {}),
      ...(this.parentStatus ? { parentStatus: this.parentStatus } : {}),
      requestIds: [...this.requestIds],
    } as ScaOutcome;
  }
}

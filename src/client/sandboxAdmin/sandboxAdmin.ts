// The local sandbox's loopback-only admin endpoints (/__sandbox/ on its API host, see sandbox/README.md): what an
// integrator triggers to test their own error handling. Refuses any host that is not plain http on a loopback
// address, so nothing here can reach a bank. No vscode: the extension's Local Sandbox view and the MCP server's
// tools both use it. node:http rather than fetch() for the reason given in localSandboxClient.ts.
import { isLoopbackHostname } from '../environments/environments';
import { loopbackJson } from '../environments/loopbackJson';

export type ConsentScenario = 'expire' | 'revoke';
export type AuthorisationScenario = 'approve' | 'deny';
export type PaymentScenario = 'settle' | 'reject';

/** The faults an integrator tests error handling with; the sandbox offers more (a sandbox test checks these are among them). */
export const SCENARIO_FAULT_KINDS = ['rate-limit', 'server-error', 'unavailable', 'token-expired', 'slow', 'reset'] as const;
export type ScenarioFaultKind = (typeof SCENARIO_FAULT_KINDS)[number];

export interface ScenarioFault {
  readonly kind: ScenarioFaultKind;
  /** Catalogue operation ids; every operation when empty. */
  readonly operations: readonly string[];
  /** How many calls it answers before it switches itself off. */
  readonly times: number;
  /** rate-limit and unavailable: the Retry-After header's seconds. */
  readonly retryAfterSeconds?: number;
  /** slow: how long each answer waits. */
  readonly delayMs?: number;
}

export interface SandboxConsent {
  readonly consentId: string;
  readonly bicFi: string;
  readonly consentStatus: string;
}

export interface SandboxPayment {
  readonly paymentId: string;
  readonly bicFi: string;
  readonly paymentProduct: string;
  readonly transactionStatus: string;
}

export interface SandboxAuthorisation {
  readonly authorisationId: string;
  readonly kind: 'consent' | 'payment';
  readonly parentId: string;
  readonly bicFi: string;
  readonly flow: string;
  readonly scaStatus: string;
}

export interface ResetSummary {
  readonly consents: number;
  readonly payments: number;
  readonly authorisations: number;
  readonly faults: number;
}

export type AdminFailure =
  /** The host is not plain http on a loopback address: nothing was sent. */
  | { readonly ok: false; readonly reason: 'notLoopback' }
  /** Nothing answers there (the sandbox is not running), or it did not answer in time. */
  | { readonly ok: false; readonly reason: 'unreachable' }
  /** Something answered, but not as the sandbox does. */
  | { readonly ok: false; readonly reason: 'notSandbox' }
  /** The sandbox refused: 404 for an id it does not hold, 409 for a change the resource's state does not allow, 400 for bad input. */
  | { readonly ok: false; readonly reason: 'refused'; readonly status: number };

export type AdminResult<T> = { readonly ok: true; readonly value: T } | AdminFailure;

const MAX_ANSWER_BYTES = 1024 * 1024;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: Json, keys: readonly string[]): boolean => keys.every((key) => typeof value[key] === 'string');

export class SandboxAdmin {
  private readonly base: URL | undefined;

  /** `apiHost` is the local sandbox's API host, e.g. http://127.0.0.2:8402. */
  constructor(
    apiHost: string,
    private readonly timeoutMs = 5000,
  ) {
    let url: URL | undefined;
    try {
      url = new URL('/__sandbox/', apiHost);
    } catch {
      url = undefined;
    }
    // The admin endpoints change state and list every client's resources: never ask a remote host.
    this.base = url && url.protocol === 'http:' && isLoopbackHostname(url.hostname) ? url : undefined;
  }

  /** Whether the host may be asked at all (plain http on a loopback address). */
  get isLoopback(): boolean {
    return this.base !== undefined;
  }

  consents(): Promise<AdminResult<SandboxConsent[]>> {
    return this.list('consents', (item) => strings(item, ['consentId', 'bicFi', 'consentStatus']));
  }

  payments(): Promise<AdminResult<SandboxPayment[]>> {
    return this.list('payments', (item) => strings(item, ['paymentId', 'bicFi', 'paymentProduct', 'transactionStatus']));
  }

  authorisations(): Promise<AdminResult<SandboxAuthorisation[]>> {
    return this.list('authorisations', (item) => strings(item, ['authorisationId', 'kind', 'parentId', 'bicFi', 'flow', 'scaStatus']));
  }

  /** The consent's status afterwards (`expired`, `revokedByPsu`). */
  consent(consentId: string, scenario: ConsentScenario): Promise<AdminResult<string>> {
    return this.call('POST', `consents/${encodeURIComponent(consentId)}/${scenario}`, undefined, (body) => (typeof body['consentStatus'] === 'string' ? body['consentStatus'] : undefined));
  }

  /** Answered at the authorisation's next SCA status read, as a PSU answering in the bank's app. */
  authorisation(authorisationId: string, scenario: AuthorisationScenario): Promise<AdminResult<AuthorisationScenario>> {
    return this.call('POST', `authorisations/${encodeURIComponent(authorisationId)}/${scenario}`, undefined, () => scenario);
  }

  /** The payment's transaction status afterwards (the bank's settled status, or RJCT). */
  payment(paymentId: string, scenario: PaymentScenario): Promise<AdminResult<string>> {
    return this.call('POST', `payments/${encodeURIComponent(paymentId)}/${scenario}`, undefined, (body) => (typeof body['transactionStatus'] === 'string' ? body['transactionStatus'] : undefined));
  }

  /** Adds the fault to those already set; answers how many faults are now set. */
  addFault(fault: ScenarioFault): Promise<AdminResult<number>> {
    return this.call('POST', 'faults', { append: true, faults: [fault] }, faultCount);
  }

  clearFaults(): Promise<AdminResult<number>> {
    return this.call('DELETE', 'faults', undefined, faultCount);
  }

  /** Forgets every consent, payment, authorisation and fault; answers how many of each were removed. */
  reset(): Promise<AdminResult<ResetSummary>> {
    return this.call('POST', 'reset', undefined, (body) => {
      const removed = body['removed'];
      if (!isObject(removed)) return undefined;
      const counts = ['consents', 'payments', 'authorisations', 'faults'].map((key) => removed[key]);
      if (!counts.every((n) => typeof n === 'number')) return undefined;
      const [consents, payments, authorisations, faults] = counts as number[];
      return { consents: consents!, payments: payments!, authorisations: authorisations!, faults: faults! };
    });
  }

  private list<T>(area: string, valid: (item: Json) => boolean): Promise<AdminResult<T[]>> {
    return this.call('GET', area, undefined, (body) => {
      const items = body[area];
      return Array.isArray(items) && items.every((item) => isObject(item) && valid(item)) ? (items as T[]) : undefined;
    });
  }

  private async call<T>(method: string, path: string, payload: unknown, read: (body: Json) => T | undefined): Promise<AdminResult<T>> {
    if (!this.base) return { ok: false, reason: 'notLoopback' };
    const answer = await loopbackJson(new URL(path, this.base), method, payload, this.timeoutMs, MAX_ANSWER_BYTES);
    if (answer === 'unreachable' || answer === 'notSandbox') return { ok: false, reason: answer };
    // The sandbox's refusals carry tppMessages; the status says enough, and their text stays out of notifications.
    if (answer.status === 400 || answer.status === 404 || answer.status === 409) return { ok: false, reason: 'refused', status: answer.status };
    const value = answer.status === 200 && isObject(answer.body) ? read(answer.body) : undefined;
    return value === undefined ? { ok: false, reason: 'notSandbox' } : { ok: true, value };
  }
}

function faultCount(body: Json): number | undefined {
  return Array.isArray(body['faults']) ? body['faults'].length : undefined;
}

// After SCA a payment is accepted, not settled: banks move it on to ACSC over seconds or minutes (reference
// §6.4; Nordea "may take several minutes"). Following it reads the status with doubling pauses until a final
// status, a bounded total wait, or cancellation. Pure: the reads and the clock are injected.
import type { RequestFailure } from '../http';
import { SCA_OPERATIONS, subjectParams } from './operations';
import { bodyOf, stringField } from './responses';
import { isTransientFailure } from './scaRun';
import { paymentSettlement } from './statusRules';
import type { ScaFlowDeps, ScaSubject } from './types';

export type PaymentSubject = Extract<ScaSubject, { kind: 'payment' }>;

export interface FollowUpSettings {
  /** The pause before the first read; each later pause doubles, up to maxDelayMs. */
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
  /** The sum of all pauses: no read is scheduled past it. */
  readonly budgetMs?: number;
}

export const FOLLOW_UP_DEFAULTS: Required<FollowUpSettings> = { firstDelayMs: 2_000, maxDelayMs: 30_000, budgetMs: 120_000 };

export interface FollowUpDeps {
  readonly send: ScaFlowDeps['send'];
  /** Waits; may resolve or reject early when the signal aborts. */
  readonly sleep: ScaFlowDeps['sleep'];
  /** Every status read, in order. */
  readonly onStatus?: (status: string) => void;
}

export type FollowUpEnd =
  /** ACSC or ACCC. */
  | { readonly kind: 'settled'; readonly status: string; readonly reads: number }
  /** RJCT or CANC. */
  | { readonly kind: 'ended'; readonly status: string; readonly reads: number }
  /** The budget is spent and the payment is still open; Show Payment Status reads it later. */
  | { readonly kind: 'gaveUp'; readonly status?: string; readonly reads: number }
  | { readonly kind: 'cancelled'; readonly status?: string; readonly reads: number }
  /** A read failed in a way another read will not fix (a 4xx, a validation problem). */
  | { readonly kind: 'failed'; readonly status?: string; readonly reads: number; readonly failure: RequestFailure };

/** The pauses before each read: doubling from firstDelayMs, capped, until the budget would be passed. */
export function followUpPauses(settings: FollowUpSettings = {}): number[] {
  const { firstDelayMs, maxDelayMs, budgetMs } = { ...FOLLOW_UP_DEFAULTS, ...settings };
  const pauses: number[] = [];
  let total = 0;
  for (let next = Math.max(1, firstDelayMs); total + next <= budgetMs; next = Math.min(next * 2, maxDelayMs)) {
    pauses.push(next);
    total += next;
  }
  return pauses;
}

/** Never rejects. `lastStatus` is what the SCA run read last: an already final one ends at once. */
export async function followPayment(subject: PaymentSubject, deps: FollowUpDeps, settings: FollowUpSettings, signal: AbortSignal, lastStatus?: string): Promise<FollowUpEnd> {
  let status = lastStatus;
  let reads = 0;
  const final = (): FollowUpEnd | undefined => {
    if (status === undefined) return undefined;
    const settlement = paymentSettlement(status);
    return settlement === 'open' ? undefined : { kind: settlement, status, reads };
  };
  const known = (): { status?: string } => (status !== undefined ? { status } : {});
  const operation = SCA_OPERATIONS.payment.parentStatus;
  const params = subjectParams(subject);
  try {
    const already = final();
    if (already) return already;
    for (const pause of followUpPauses(settings)) {
      if (signal.aborted) return { kind: 'cancelled', ...known(), reads };
      try {
        await deps.sleep(pause, signal);
      } catch {
        // An aborted sleep may reject; the signal decides below.
      }
      if (signal.aborted) return { kind: 'cancelled', ...known(), reads };
      const result = await deps.send(operation, params, undefined, signal);
      reads += 1;
      if (signal.aborted) return { kind: 'cancelled', ...known(), reads };
      if (!result.ok) {
        if (isTransientFailure(result.failure)) continue;
        return { kind: 'failed', ...known(), reads, failure: result.failure };
      }
      const read = stringField(bodyOf(result.exchange), 'transactionStatus');
      if (read === undefined) continue;
      status = read;
      deps.onStatus?.(read);
      const done = final();
      if (done) return done;
    }
    return { kind: 'gaveUp', ...known(), reads };
  } catch {
    // An injected function threw: following is a courtesy, so it ends quietly instead of rejecting.
    return { kind: signal.aborted ? 'cancelled' : 'gaveUp', ...known(), reads };
  }
}

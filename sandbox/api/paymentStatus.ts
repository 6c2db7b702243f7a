// A payment's transaction status, derived from where it is in its life: created, in SCA (from its latest
// authorisation), rejected, or signed and then moving to settlement one step per status read. Each stage
// shows the status its bank's row of the reference's table gives (reference §6.4, data/paymentStatuses.ts).
import type { TransactionStatus } from '../data/paymentStatuses';
import type { Bank } from '../data/types';
import type { PaymentStatusTable } from '../data/paymentStatuses';
import type { Authorisation, Payment } from '../state/types';
import type { SandboxEnv } from './context';

const SETTLED_STEP = 1;

type UnsignedStage = keyof Pick<PaymentStatusTable, 'created' | 'loginStarted' | 'loggedIn' | 'signedNotActivated'>;

function unsignedStage(auth: Authorisation | undefined): UnsignedStage {
  if (!auth) return 'created';
  if (auth.psuApproved) return 'signedNotActivated';
  // Decoupled SCA: "started" follows authentication, while the PSU signs in the app (reference §6.2).
  if (auth.scaStatus === 'started' || auth.scaStatus === 'psuAuthenticated') return 'loggedIn';
  if (auth.scaStatus === 'authenticationStarted' || auth.loginShown) return 'loginStarted';
  return 'created';
}

function latestAuthorisation(env: SandboxEnv, payment: Payment): Authorisation | undefined {
  const id = payment.authorisationIds[payment.authorisationIds.length - 1];
  return id === undefined ? undefined : env.store.authorisations.get(id);
}

export function transactionStatus(env: SandboxEnv, payment: Payment, bank: Bank): TransactionStatus {
  const table = bank.paymentStatuses;
  if (payment.rejected) return 'RJCT';
  if (payment.signedStep < 0) return table[unsignedStage(latestAuthorisation(env, payment))];
  if (payment.futureDated) return table.futureDated;
  if (payment.creditorAtSameBank && table.withinBank) return table.withinBank;
  return payment.signedStep < SETTLED_STEP ? table.locked : table.settled;
}

/** After a status read: a signed payment due today moves on towards settlement. */
export function advanceSettlement(payment: Payment): void {
  if (payment.signedStep >= 0 && !payment.futureDated) payment.signedStep = Math.min(payment.signedStep + 1, SETTLED_STEP);
}

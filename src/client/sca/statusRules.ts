// When to stop polling (reference §6.2, §6.4). Unknown values keep the poll going until the deadline.
export type Verdict = 'done' | 'failed' | 'pending';

export function scaVerdict(scaStatus: string | undefined): Verdict {
  if (scaStatus === 'finalised' || scaStatus === 'exempted') return 'done';
  return scaStatus === 'failed' ? 'failed' : 'pending';
}

const CONSENT_ENDED = new Set(['rejected', 'revokedByPsu', 'expired', 'terminatedByTpp']);

export function consentVerdict(consentStatus: string | undefined): Verdict {
  if (consentStatus === 'valid') return 'done';
  return consentStatus !== undefined && CONSENT_ENDED.has(consentStatus) ? 'failed' : 'pending';
}

// "PNDG" is how one bank's document spells PDNG (reference §6.4); both mean not yet moved on.
const PAYMENT_WAITING = new Set(['RCVD', 'PDNG', 'PNDG']);
const PAYMENT_ENDED = new Set(['RJCT', 'CANC']);

/** A payment is "done" for SCA once it leaves RCVD/PDNG; settlement (ACSC) may take minutes more. */
export function paymentVerdict(transactionStatus: string | undefined): Verdict {
  if (transactionStatus === undefined || PAYMENT_WAITING.has(transactionStatus)) return 'pending';
  return PAYMENT_ENDED.has(transactionStatus) ? 'failed' : 'done';
}

// Settled on the debtor's (ACSC) or creditor's (ACCC) side: every bank in reference §6.4 ends there.
// ACSP, ACWC and ACWP are not final: they are "accepted", with execution, a change or posting still to come.
const PAYMENT_SETTLED = new Set(['ACSC', 'ACCC']);

/** After SCA: has the payment reached a status it will not leave (settled, rejected or cancelled)? */
export function paymentSettlement(transactionStatus: string | undefined): 'settled' | 'ended' | 'open' {
  if (transactionStatus !== undefined && PAYMENT_SETTLED.has(transactionStatus)) return 'settled';
  return transactionStatus !== undefined && PAYMENT_ENDED.has(transactionStatus) ? 'ended' : 'open';
}

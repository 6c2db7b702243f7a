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

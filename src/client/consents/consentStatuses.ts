// The consent statuses of Berlin Group NextGenPSD2 1.3.3 (reference §6.4, OAS consentStatus): what the
// extension's consent store accepts and what the sandbox answers, from one list.
export const CONSENT_STATUSES = ['received', 'rejected', 'valid', 'revokedByPsu', 'expired', 'terminatedByTpp'] as const;

export type BgConsentStatus = (typeof CONSENT_STATUSES)[number];

// The answers of the guided Create Consent, checked and turned into the request body (reference §4.3.1).
// Pure: the command asks the questions and words the problems these checks name.
import { CONSENT_BODY_TEMPLATE } from '../api/catalogue';

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 3600 * 1000;
/** A typo guard, not a platform rule: banks cap unattended reads far lower (PSD2 RTS: 4 a day). */
export const MAX_FREQUENCY_PER_DAY = 100;

export type AccessChoice = { readonly kind: 'all' } | { readonly kind: 'ibans'; readonly ibans: readonly string[] };

/** How often the TPP may read the accounts without the PSU present. */
export interface Frequency {
  readonly recurringIndicator: boolean;
  readonly frequencyPerDay: number;
}

export const RECURRING_DEFAULT: Frequency = { recurringIndicator: true, frequencyPerDay: 4 };
export const ONE_OFF: Frequency = { recurringIndicator: false, frequencyPerDay: 1 };

export interface ConsentDraft {
  readonly access: AccessChoice;
  readonly frequency: Frequency;
  /** yyyy-MM-dd */
  readonly validUntil: string;
}

export type IbanProblem = { readonly kind: 'empty' } | { readonly kind: 'invalid'; readonly value: string };

/** IBANs separated by commas or white space, upper-cased and without repeats. */
export function parseIbans(text: string): { readonly ibans: readonly string[] } | IbanProblem {
  const ibans = [...new Set(text.split(/[\s,;]+/).filter(Boolean).map((iban) => iban.toUpperCase()))];
  if (!ibans.length) return { kind: 'empty' };
  const bad = ibans.find((iban) => !IBAN.test(iban));
  return bad ? { kind: 'invalid', value: bad } : { ibans };
}

/** 89 days from today: just under the 90 days after which banks ask the PSU for SCA again. */
export function defaultValidUntil(today: Date): string {
  return new Date(today.getTime() + 89 * DAY_MS).toISOString().slice(0, 10);
}

/** A real calendar day (2024-02-31 is not), today or later. */
export function validUntilProblem(text: string, today: Date): 'format' | 'past' | undefined {
  const value = text.trim();
  if (!DAY.test(value)) return 'format';
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return 'format';
  return value < today.toISOString().slice(0, 10) ? 'past' : undefined;
}

/** A whole number of reads a day, 1 to MAX_FREQUENCY_PER_DAY. */
export function frequencyProblem(text: string): 'integer' | 'range' | undefined {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return 'integer';
  const n = Number(value);
  return n < 1 || n > MAX_FREQUENCY_PER_DAY ? 'range' : undefined;
}

export function consentBody(draft: ConsentDraft): Record<string, unknown> {
  const refs = draft.access.kind === 'ibans' ? draft.access.ibans.map((iban) => ({ iban })) : undefined;
  return {
    ...CONSENT_BODY_TEMPLATE,
    access: refs ? { accounts: refs, balances: refs, transactions: refs } : {},
    recurringIndicator: draft.frequency.recurringIndicator,
    frequencyPerDay: draft.frequency.frequencyPerDay,
    validUntil: draft.validUntil.trim(),
  };
}

/**
 * The body for a consent that replaces an ended one, from the old one's Get Consent answer: the same access,
 * recurrence and frequency, and its validUntil when that is still ahead (else the default). Undefined when
 * the answer does not describe the access.
 */
export function renewalBody(information: unknown, today: Date): Record<string, unknown> | undefined {
  if (typeof information !== 'object' || information === null) return undefined;
  const old = information as Record<string, unknown>;
  const access = old['access'];
  if (typeof access !== 'object' || access === null || Array.isArray(access)) return undefined;
  const recurring = typeof old['recurringIndicator'] === 'boolean' ? old['recurringIndicator'] : RECURRING_DEFAULT.recurringIndicator;
  const frequency = old['frequencyPerDay'];
  const validUntil = typeof old['validUntil'] === 'string' && !validUntilProblem(old['validUntil'], today) ? old['validUntil'] : defaultValidUntil(today);
  return {
    ...CONSENT_BODY_TEMPLATE,
    access,
    recurringIndicator: recurring,
    frequencyPerDay: typeof frequency === 'number' && !frequencyProblem(String(frequency)) ? frequency : recurring ? RECURRING_DEFAULT.frequencyPerDay : ONE_OFF.frequencyPerDay,
    validUntil,
  };
}

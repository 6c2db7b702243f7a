// The answers of the guided Create Consent, checked and turned into the request body (reference §4.3.1).
// Pure: the command asks the questions and words the problems these checks name.
import { CONSENT_BODY_TEMPLATE } from '../catalogue/catalogue';
import { ibanProblem, normaliseIban, type IbanProblem as IbanReason } from '../text/iban';

/** How a printed IBAN's next group may start a new IBAN: a country code and two check digits. */
const IBAN_START = /^[A-Z]{2}\d{2}/;
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

export type IbanProblem = { readonly kind: 'empty' } | { readonly kind: 'invalid'; readonly value: string; readonly reason: IbanReason };

/** IBAN lengths (ISO 13616): at most 34 characters. */
const MAX_IBAN = 34;

/**
 * The IBANs of one comma-free stretch of text, where spaces both group an IBAN's characters (the printed form,
 * `SE45 5000 0000 …`) and separate IBANs. From each group on, the longest run of groups that forms a valid
 * IBAN is taken; when none does, the run up to the next group that starts like an IBAN, so a bad one is named
 * as the user wrote it.
 */
function splitOnSpaces(text: string): string[] {
  const groups = text.split(/\s+/).filter(Boolean).map(normaliseIban);
  const found: string[] = [];
  let start = 0;
  while (start < groups.length) {
    let joined = '';
    let validEnd = -1;
    for (let end = start; end < groups.length && joined.length + (groups[end] as string).length <= MAX_IBAN; end++) {
      joined += groups[end];
      if (ibanProblem(joined) === undefined) validEnd = end;
    }
    let end = validEnd;
    if (end < 0) {
      end = start;
      while (end + 1 < groups.length && !IBAN_START.test(groups[end + 1] as string)) end++;
    }
    found.push(groups.slice(start, end + 1).join(''));
    start = end + 1;
  }
  return found;
}

/**
 * IBANs separated by commas, semicolons, line breaks or spaces, each as typed or printed (groups of four, any
 * case), normalised and without repeats; the first that fails ISO 13616 (shape or mod-97 check digits) is named.
 */
export function parseIbans(text: string): { readonly ibans: readonly string[] } | IbanProblem {
  const ibans = [...new Set(text.split(/[,;\r\n]+/).flatMap(splitOnSpaces))];
  if (!ibans.length) return { kind: 'empty' };
  for (const iban of ibans) {
    const reason = ibanProblem(iban);
    if (reason) return { kind: 'invalid', value: iban, reason };
  }
  return { ibans };
}

const ACCESS_LISTS = ['accounts', 'balances', 'transactions'] as const;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each IBAN in a consent body's access lists, with its dotted path (access.accounts.0.iban). */
function accessIbans(body: unknown): { readonly path: string; readonly iban: string }[] {
  const access = isRecord(body) ? body['access'] : undefined;
  if (!isRecord(access)) return [];
  const found: { path: string; iban: string }[] = [];
  for (const list of ACCESS_LISTS) {
    const refs = access[list];
    if (!Array.isArray(refs)) continue;
    refs.forEach((ref: unknown, index) => {
      if (isRecord(ref) && typeof ref['iban'] === 'string') found.push({ path: `access.${list}.${index}.iban`, iban: ref['iban'] });
    });
  }
  return found;
}

/**
 * A Create Consent body typed in the editor with the IBANs of its access lists as banks expect them (spaces
 * of the printed form removed, upper case); the body itself when there is nothing to change.
 */
export function normaliseConsentIbans(body: unknown): unknown {
  if (!accessIbans(body).some(({ iban }) => normaliseIban(iban) !== iban)) return body;
  const record = body as Readonly<Record<string, unknown>>;
  const access = record['access'] as Readonly<Record<string, unknown>>;
  const lists: Record<string, unknown> = { ...access };
  for (const list of ACCESS_LISTS) {
    const refs = access[list];
    if (!Array.isArray(refs)) continue;
    lists[list] = refs.map((ref: unknown) => (isRecord(ref) && typeof ref['iban'] === 'string' ? { ...ref, iban: normaliseIban(ref['iban']) } : ref));
  }
  return { ...record, access: lists };
}

/** The IBANs of a (normalised) consent body that fail ISO 13616, with their paths and why. */
export function consentIbanProblems(body: unknown): { readonly path: string; readonly iban: string; readonly reason: IbanReason }[] {
  return accessIbans(body).flatMap(({ path, iban }) => {
    const reason = ibanProblem(iban);
    return reason ? [{ path, iban, reason }] : [];
  });
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

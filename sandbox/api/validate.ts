// Body validation in the platform's terms: every failure is a 400 FORMAT_ERROR naming the JSON path.
import { ibanProblem } from '../../src/client';
import { ISO_4217_CODES } from '../data/currencies';
import { DOCUMENTED_SAMPLE_IBANS } from '../data/documentedIbans';
import { formatError } from '../http/tppMessages';
import type { AccountReference } from '../state/types';

export type Json = Record<string, unknown>;

export const PATTERNS = {
  amount: /^-?[0-9]{1,14}(\.[0-9]{1,3})?$/,
  currency: /^[A-Z]{3}$/,
  bban: /^[a-zA-Z0-9]{1,30}$/,
  bic: /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/,
  country: /^[A-Z]{2}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  ocr: /^[0-9]{5,140}$/,
  giro: /^[0-9-]{2,20}$/,
} as const;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw formatError(path, `${path} must be a JSON object.`);
  return value;
}

interface StringRule {
  readonly pattern?: RegExp;
  readonly max?: number;
  readonly min?: number;
}

export function optionalString(obj: Json, key: string, path: string, rule: StringRule = {}): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  const where = path ? `${path}.${key}` : key;
  if (typeof value !== 'string') throw formatError(where, `${where} must be a string.`);
  if (rule.pattern && !rule.pattern.test(value)) throw formatError(where, `${where} has an invalid format.`);
  if (rule.max !== undefined && value.length > rule.max) throw formatError(where, `${where} is longer than ${rule.max}.`);
  if (rule.min !== undefined && value.length < rule.min) throw formatError(where, `${where} is shorter than ${rule.min}.`);
  return value;
}

export function requiredString(obj: Json, key: string, path: string, rule: StringRule = {}): string {
  const value = optionalString(obj, key, path, rule);
  if (value === undefined) {
    const where = path ? `${path}.${key}` : key;
    throw formatError(where, `${where} is required.`);
  }
  return value;
}

export function requiredOf<T>(obj: Json, key: string, type: 'boolean' | 'number', path = ''): T {
  const value = obj[key];
  const where = path ? `${path}.${key}` : key;
  if (value === undefined) throw formatError(where, `${where} is required.`);
  if (typeof value !== type || (type === 'number' && !Number.isInteger(value))) {
    throw formatError(where, `${where} must be ${type === 'number' ? 'an integer' : 'a boolean'}.`);
  }
  return value as T;
}

export function date(value: string, path: string): Date {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!PATTERNS.date.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw formatError(path, `${path} must be a date yyyy-MM-dd.`);
  }
  return parsed;
}

/**
 * A bank refuses an IBAN whose ISO 13616 check digits are wrong, though the reference does not say so; the
 * platform's own sample IBANs are the exception (data/documentedIbans.ts). No spaces: banks take the electronic form.
 */
function checkIban(obj: Json, path: string): void {
  const iban = optionalString(obj, 'iban', path);
  if (iban === undefined || DOCUMENTED_SAMPLE_IBANS.has(iban)) return;
  const where = `${path}.iban`;
  const problem = ibanProblem(iban);
  if (problem === 'shape') throw formatError(where, `${where} is not an IBAN: two letters, two check digits, then 10 to 30 letters or digits, without spaces.`);
  if (problem === 'checksum') throw formatError(where, `${where} has wrong check digits (ISO 13616 mod 97): check the account number for a typo.`);
}

/** An ISO 4217 code in use; a well-formed but unknown code (ABC, or a withdrawn one such as HRK) is refused too. */
function knownCurrency<T extends string | undefined>(currency: T, path: string): T {
  if (currency !== undefined && !ISO_4217_CODES.has(currency)) {
    const where = path ? `${path}.currency` : 'currency';
    throw formatError(where, `${where} ${currency} is not an ISO 4217 currency code in use.`);
  }
  return currency;
}

const REFERENCE_KEYS = ['iban', 'bban', 'pan', 'maskedPan', 'msisdn'] as const;
const GIRO_KEYS = ['bankgiroNumber', 'plusgiroNumber'] as const;

/** accountReference / accountReferenceWithGiro: exactly one identifier, optional currency. */
export function accountReference(value: unknown, path: string, allowGiro = false): AccountReference & Json {
  const ref = object(value, path);
  checkIban(ref, path);
  optionalString(ref, 'bban', path, { pattern: PATTERNS.bban });
  optionalString(ref, 'pan', path, { max: 35 });
  optionalString(ref, 'maskedPan', path, { max: 35 });
  optionalString(ref, 'msisdn', path, { max: 35 });
  optionalString(ref, 'clearingNumber', path, { max: 10 });
  knownCurrency(optionalString(ref, 'currency', path, { pattern: PATTERNS.currency }), path);
  const keys: readonly string[] = allowGiro ? [...REFERENCE_KEYS, ...GIRO_KEYS] : REFERENCE_KEYS;
  if (allowGiro) for (const key of GIRO_KEYS) optionalString(ref, key, path, { pattern: PATTERNS.giro });
  const present = keys.filter((k) => ref[k] !== undefined);
  if (present.length !== 1) throw formatError(path, `${path} must contain exactly one of ${keys.join(', ')}.`);
  return ref as AccountReference & Json;
}

export function amount(value: unknown, path: string): { currency: string; amount: string } {
  const obj = object(value, path);
  const currency = knownCurrency(requiredString(obj, 'currency', path, { pattern: PATTERNS.currency }), path);
  const amt = requiredString(obj, 'amount', path, { pattern: PATTERNS.amount });
  if (Number(amt) <= 0) throw formatError(`${path}.amount`, `${path}.amount must be positive.`);
  return { currency, amount: amt };
}

// Checks a Create Payment Initiation body (reference §4.5.1; OAS paymentInitiation_json and
// paymentInitiationSwedishGiro_json) before it is sent, so a mistake is shown at its field instead of coming
// back as a 400 FORMAT_ERROR. Pure: no `vscode` import, never throws, reads only own data properties of the
// body (no getters run, nothing inherited, `__proto__` is just a key).
//
// IBANs are checked by ISO 13616 (shape and mod-97 check digits), after normalisePaymentIbans has taken out
// the spaces of the printed form and upper-cased them. Deliberately not checked, because a bank decides them:
// bank-specific remittance lengths (Swedbank 35/10), which account kinds a bank takes (Nordea: debtor BBAN),
// currency agreement between amount and accounts, unknown extra fields.
import { PAYMENT_PRODUCTS, type PaymentProduct } from '../catalogue/catalogue';
import { ibanIsValid, normaliseIban } from '../text/iban';
import { plainTranslate, type Translate } from '../text/translate';

export { nearestPathOffset, pathOffset } from './jsonPathOffset';

/** One thing to fix in a payment body. */
export interface PaymentBodyProblem {
  /** Dotted path of the field ("instructedAmount.amount", "creditorAccount"); "" is the whole body. */
  readonly path: string;
  /** A full sentence naming the field and what to do, written through the options' localiser. */
  readonly message: string;
}

export interface PaymentValidationOptions {
  /** The current day, yyyy-MM-dd or a Date (its UTC day, as the sandbox counts); defaults to now. */
  readonly today?: string | Date;
  /** vscode.l10n.t in the extension; by default the English sentences as written here. */
  readonly t?: Translate;
}

/** The OAS amountValue pattern, anchored. */
export const AMOUNT_PATTERN = /^-?[0-9]{1,14}(\.[0-9]{1,3})?$/;

type Json = Readonly<Record<string, unknown>>;

/** What a string field must look like; `what` (an English key for the localiser) completes "X must be …" and "set it to …". */
interface TextRule {
  readonly what: string;
  readonly pattern?: RegExp;
  readonly max?: number;
  readonly min?: number;
  /** A more specific sentence ending for a value that fails `pattern`. */
  readonly explain?: (value: string) => string | undefined;
  /** A check beyond the pattern, for a value that matches it: the English key of the sentence when it fails. */
  readonly verify?: (value: string) => string | undefined;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const RULES = {
  amount: {
    what: 'a decimal string like "10.50" (up to 14 digits and 3 decimals)',
    pattern: AMOUNT_PATTERN,
    max: 19,
  },
  currency: { what: 'a currency code of 3 capital letters (ISO 4217), like "SEK" or "EUR"', pattern: /^[A-Z]{3}$/, max: 3 },
  iban: {
    what: 'an IBAN: 2 capital letters, 2 check digits and 10 to 30 letters or digits, like "SE4550000000058398257466"',
    pattern: /^[A-Z]{2}[0-9]{2}[A-Za-z0-9]{10,30}$/,
    max: 34,
    explain: (v: string) => (/\s/.test(v) ? 'written without spaces' : undefined),
    verify: (v: string) =>
      ibanIsValid(v.toUpperCase())
        ? undefined
        : '{0} is not a valid IBAN: its check digits (the 3rd and 4th characters) do not match the rest (ISO 13616), so a character is probably mistyped.',
  },
  bban: { what: 'a BBAN of 1 to 30 letters or digits, like "41351300039"', pattern: /^[A-Za-z0-9]{1,30}$/, max: 30 },
  pan: { what: 'a card number (PAN) of up to 35 characters', min: 1, max: 35 },
  maskedPan: { what: 'a masked card number of up to 35 characters, like "123456xxxxxx1234"', min: 1, max: 35 },
  msisdn: { what: 'a mobile phone number of up to 35 characters, like "+46 70 1234567"', min: 1, max: 35 },
  giro: {
    what: 'a giro number of digits with at most one hyphen, like "5555-5555"',
    pattern: /^[0-9]+(-[0-9]+)?$/,
    min: 2,
    max: 35,
  },
  clearingNumber: { what: 'a clearing number of 1 to 5 digits, like "1000"', pattern: /^[0-9]{1,5}$/, max: 5 },
  creditorName: { what: "the creditor's name, up to 70 characters", min: 1, max: 70 },
  remittance: { what: 'a message to the creditor of up to 140 characters', max: 140 },
  accountMessage: { what: 'a message of up to 140 characters', max: 140 },
  endToEnd: { what: 'a reference of up to 35 characters', max: 35 },
  bic: {
    what: 'a BIC of 8 or 11 capital letters and digits, like "ESSESESS" or "COBADEFFXXX"',
    pattern: /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/,
    max: 11,
  },
  agentName: { what: "the creditor bank's name, up to 70 characters", max: 70 },
  date: { what: 'a date written yyyy-MM-dd, like "2030-12-24"', pattern: DATE_PATTERN, max: 10 },
  country: { what: 'a country code of 2 capital letters (ISO 3166), like "SE"', pattern: /^[A-Z]{2}$/, max: 2 },
  street: { what: 'a street name of up to 70 characters', max: 70 },
  addressPart: { what: 'a string' },
  giroType: { what: '"BANKGIRO" or "PLUSGIRO"', pattern: /^(BANKGIRO|PLUSGIRO)$/, max: 8 },
  ocrRef: { what: 'an OCR reference of 5 to 140 digits, like "1234567890"', pattern: /^[0-9]{5,140}$/, max: 140 },
  invoiceRef: { what: 'an invoice reference of 5 to 140 characters', min: 5, max: 140 },
} as const satisfies Record<string, TextRule>;

/** Account identifiers: an account reference names its account with exactly one of these. */
const ACCOUNT_IDS = ['iban', 'bban', 'pan', 'maskedPan', 'msisdn'] as const;
const GIRO_ACCOUNT_IDS = ['bankgiroNumber', 'plusgiroNumber'] as const;
type AccountId = (typeof ACCOUNT_IDS)[number] | (typeof GIRO_ACCOUNT_IDS)[number];
const ACCOUNT_ID_RULES: Readonly<Record<AccountId, TextRule>> = {
  iban: RULES.iban,
  bban: RULES.bban,
  pan: RULES.pan,
  maskedPan: RULES.maskedPan,
  msisdn: RULES.msisdn,
  bankgiroNumber: RULES.giro,
  plusgiroNumber: RULES.giro,
};

function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own data property only: no getter runs and nothing comes from a prototype. */
function own(obj: Json, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(obj, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/** ` (found "Currency"; names are case-sensitive)` when the object has a key that differs from `key` only in case. */
function caseHint(obj: Json, key: string, t: Translate): string {
  const lower = key.toLowerCase();
  const near = Object.keys(obj).find((k) => k !== key && k.toLowerCase() === lower);
  return near === undefined ? '' : ` ${t('(found "{0}"; names are case-sensitive)', near)}`;
}

function describeType(value: unknown, t: Translate): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('an array');
  if (typeof value === 'object') return t('an object');
  if (value === undefined) return 'undefined';
  return t('a {0}', typeof value);
}

function todayText(today: PaymentValidationOptions['today']): string {
  if (typeof today === 'string' && DATE_PATTERN.test(today)) return today;
  const date = today instanceof Date && !Number.isNaN(today.getTime()) ? today : new Date();
  return date.toISOString().slice(0, 10);
}

/** A real calendar day (rejects 2026-02-30). */
function isCalendarDate(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

class Checker {
  readonly problems: PaymentBodyProblem[] = [];

  constructor(
    private readonly today: string,
    private readonly t: Translate,
  ) {}

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** An object field; reports it missing (when required) or of the wrong type; returns it when it is one. */
  object(obj: Json, key: string, parent: string, required: boolean, what: string): Json | undefined {
    const path = join(parent, key);
    const value = own(obj, key);
    const t = this.t;
    if (value === undefined) {
      if (required) this.add(path, t('{0} is required{1}; add {2}.', path, caseHint(obj, key, t), t(what)));
      return undefined;
    }
    if (!isJsonObject(value)) {
      this.add(path, t('{0} must be {1}, not {2}.', path, t(what), describeType(value, t)));
      return undefined;
    }
    return value;
  }

  /** A string field; returns it when present and a string, even if it broke a rule. */
  text(obj: Json, key: string, parent: string, rule: TextRule, required = false): string | undefined {
    const path = join(parent, key);
    const value = own(obj, key);
    const t = this.t;
    const what = t(rule.what);
    if (value === undefined) {
      if (required) this.add(path, t('{0} is required{1}; set it to {2}.', path, caseHint(obj, key, t), what));
      return undefined;
    }
    if (typeof value !== 'string') {
      const type = describeType(value, t);
      this.add(path, typeof value === 'number' ? t('{0} must be {1}, written in quotes, not {2}.', path, what, type) : t('{0} must be {1}, not {2}.', path, what, type));
      return undefined;
    }
    if (rule.min !== undefined && value.trim() === '') {
      this.add(path, t('{0} must not be empty; set it to {1}.', path, what));
    } else if (rule.pattern) {
      // The length check first keeps a huge string away from the pattern.
      if (value.length > (rule.max ?? Infinity) || value.length < (rule.min ?? 0) || !rule.pattern.test(value)) {
        const specific = rule.explain?.(value);
        this.add(path, specific ? t('{0} must be {1}, {2}.', path, what, t(specific)) : t('{0} must be {1}.', path, what));
      } else {
        const failed = rule.verify?.(value);
        if (failed !== undefined) this.add(path, t(failed, path));
      }
    } else if (rule.max !== undefined && value.length > rule.max) {
      this.add(path, t('{0} is {1} characters long; shorten it to at most {2} characters.', path, value.length, rule.max));
    } else if (rule.min !== undefined && value.length < rule.min) {
      this.add(path, t('{0} is {1} characters long; it must be {2}.', path, value.length, what));
    }
    return value;
  }

  amount(body: Json): string | undefined {
    const what = 'an object with "amount" and "currency", like {"amount": "10.50", "currency": "SEK"}';
    const amount = this.object(body, 'instructedAmount', '', true, what);
    if (!amount) return undefined;
    const value = this.text(amount, 'amount', 'instructedAmount', RULES.amount, true);
    if (value !== undefined && AMOUNT_PATTERN.test(value) && !(Number(value) > 0)) {
      this.add('instructedAmount.amount', this.t('instructedAmount.amount must be greater than zero; set the amount to pay, like "10.50".'));
    }
    const currency = this.text(amount, 'currency', 'instructedAmount', RULES.currency, true);
    return currency !== undefined && RULES.currency.pattern.test(currency) ? currency : undefined;
  }

  account(body: Json, key: 'debtorAccount' | 'creditorAccount', required: boolean): void {
    const ids: readonly AccountId[] = key === 'debtorAccount' ? [...ACCOUNT_IDS, ...GIRO_ACCOUNT_IDS] : ACCOUNT_IDS;
    const what = 'an account reference with one identifier, like {"iban": "SE4550000000058398257466", "currency": "SEK"}';
    const account = this.object(body, key, '', required, what);
    if (!account) return;
    const present = ids.filter((id) => own(account, id) !== undefined);
    const t = this.t;
    const kinds = t('{0} or {1}', ids.slice(0, -1).join(', '), ids[ids.length - 1] ?? '');
    if (present.length === 0) {
      const near = ids.map((id) => caseHint(account, id, t)).find((hint) => hint !== '') ?? '';
      this.add(key, t('{0} must name the account with exactly one of {1}; none was given{2}.', key, kinds, near));
    } else if (present.length > 1) {
      this.add(key, t('{0} must name the account with exactly one of {1}; keep only one of {2}.', key, kinds, present.join(t(' and '))));
    }
    for (const id of present) this.text(account, id, key, ACCOUNT_ID_RULES[id]);
    this.text(account, 'clearingNumber', key, RULES.clearingNumber);
    this.text(account, 'currency', key, RULES.currency);
  }

  address(body: Json): void {
    const what = 'an object with at least "country", like {"city": "Frankfurt", "country": "DE"}';
    const address = this.object(body, 'creditorAddress', '', false, what);
    if (!address) return;
    this.text(address, 'country', 'creditorAddress', RULES.country, true);
    this.text(address, 'street', 'creditorAddress', RULES.street);
    for (const part of ['buildingNumber', 'city', 'postalCode']) this.text(address, part, 'creditorAddress', RULES.addressPart);
  }

  executionDate(body: Json): void {
    const date = this.text(body, 'requestedExecutionDate', '', RULES.date);
    if (date === undefined || !DATE_PATTERN.test(date)) return;
    if (!isCalendarDate(date)) {
      this.add('requestedExecutionDate', this.t('requestedExecutionDate must be a real calendar day written yyyy-MM-dd; {0} does not exist.', date));
    } else if (date < this.today) {
      this.add(
        'requestedExecutionDate',
        this.t('requestedExecutionDate {0} is in the past; use today ({1}) or a later day, or leave it out to pay as soon as possible.', date, this.today),
      );
    }
  }

  creditTransfer(body: Json, product: PaymentProduct): void {
    this.account(body, 'creditorAccount', true);
    this.text(body, 'creditorAgent', '', RULES.bic);
    this.text(body, 'creditorAgentName', '', RULES.agentName);
    this.address(body);
    this.text(body, 'remittanceInformationUnstructured', '', RULES.remittance);
    if (product === 'international' && own(body, 'creditorAgent') === undefined && own(body, 'creditorAddress') === undefined) {
      this.add(
        'creditorAgent',
        this.t("creditorAgent or creditorAddress is required for an international payment; add the creditor bank's BIC as creditorAgent, or creditorAddress with its country."),
      );
    }
  }

  swedishGiro(body: Json): void {
    const giro = this.object(body, 'creditorGiro', '', true, 'an object like {"giroNumber": "5555-5555", "giroType": "BANKGIRO"}');
    if (giro) {
      this.text(giro, 'giroNumber', 'creditorGiro', RULES.giro, true);
      this.text(giro, 'giroType', 'creditorGiro', RULES.giroType, true);
    }
    const hasOcr = own(body, 'ocrRef') !== undefined;
    const hasInvoice = own(body, 'invoiceRef') !== undefined;
    if (hasOcr && hasInvoice) {
      this.add('ocrRef', this.t('ocrRef and invoiceRef cannot both be given; keep ocrRef for an OCR number or invoiceRef for a free-text reference, not both.'));
    } else if (!hasOcr && !hasInvoice) {
      this.add('ocrRef', this.t('ocrRef or invoiceRef is required for a swedish-giro payment; add ocrRef (the OCR number, 5 to 140 digits) or invoiceRef (5 to 140 characters).'));
    }
    this.text(body, 'ocrRef', '', RULES.ocrRef);
    this.text(body, 'invoiceRef', '', RULES.invoiceRef);
    this.text(body, 'creditorAgent', '', RULES.bic);
    this.text(body, 'debtorAccountMessage', '', RULES.accountMessage);
    this.text(body, 'creditorAccountMessage', '', RULES.accountMessage);
    this.text(body, 'remittanceInformationUnstructured', '', RULES.remittance);
  }

  payment(body: Json, product: PaymentProduct): void {
    const currency = this.amount(body);
    if (product === 'sepa-credit-transfers' && currency !== undefined && currency !== 'EUR') {
      this.add(
        'instructedAmount.currency',
        this.t('instructedAmount.currency must be "EUR" for sepa-credit-transfers, not "{0}"; use the domestic or international product for other currencies.', currency),
      );
    }
    // Optional: some banks pick the debtor account in their own UI (Danske Bank, reference §7.2).
    this.account(body, 'debtorAccount', false);
    this.text(body, 'creditorName', '', RULES.creditorName, true);
    this.text(body, 'endToEndIdentification', '', RULES.endToEnd);
    if (product === 'swedish-giro') this.swedishGiro(body);
    else this.creditTransfer(body, product);
    this.executionDate(body);
  }
}

function isPaymentProduct(product: unknown): product is PaymentProduct {
  return typeof product === 'string' && (PAYMENT_PRODUCTS as readonly string[]).includes(product);
}

/**
 * Every problem in a payment initiation body for `product` (the {payment-product} path value), in field order;
 * an empty list when the body may be sent. Never throws.
 */
/**
 * The body with the IBAN of each account reference (debtorAccount, creditorAccount) as banks expect it: the
 * printed form's spaces removed and upper case. Anything else, and a body without such IBANs, comes back as it was.
 */
export function normalisePaymentIbans(body: unknown): unknown {
  if (!isJsonObject(body)) return body;
  let changed: Record<string, unknown> | undefined;
  for (const key of ['debtorAccount', 'creditorAccount']) {
    const account = own(body, key);
    if (!isJsonObject(account)) continue;
    const iban = own(account, 'iban');
    if (typeof iban !== 'string') continue;
    const normalised = normaliseIban(iban);
    if (normalised === iban) continue;
    changed ??= { ...body };
    changed[key] = { ...account, iban: normalised };
  }
  return changed ?? body;
}

export function validatePaymentBody(product: string, body: unknown, options: PaymentValidationOptions = {}): PaymentBodyProblem[] {
  const t = options.t ?? plainTranslate;
  if (!isPaymentProduct(product)) {
    const products = PAYMENT_PRODUCTS.join(', ');
    const message =
      typeof product === 'string'
        ? t('The payment product "{0}" is not known; use one of {1}.', product.length > 40 ? `${product.slice(0, 40)}…` : product, products)
        : t('The payment product that was given is not known; use one of {0}.', products);
    return [{ path: 'payment-product', message }];
  }
  const checker = new Checker(todayText(options.today), t);
  try {
    if (!isJsonObject(body)) {
      checker.add('', t('The payment body must be a JSON object with instructedAmount, creditorName and the other fields of a {0} payment, not {1}.', product, describeType(body, t)));
    } else {
      checker.payment(body, product);
    }
  } catch {
    // Only exotic objects (a Proxy whose traps throw) get here; JSON.parse never makes one.
    checker.add('', t('The payment body could not be read; give it as plain JSON.'));
  }
  return checker.problems;
}

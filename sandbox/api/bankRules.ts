// Applies a bank's own rules (data/bankRules.ts) after the platform's common checks passed: to a payment body
// (400 FORMAT_ERROR naming the field) and to a transaction query (Swedbank's 401 for statements past its SCA
// window). The texts say the limit or form the bank wants, so a TPP can fix the request from the message alone.
import type { PsuContext } from '../../src/client';
import type { AccountKind, DomesticAccountRules, RemittanceLimits, SwedishBankIdentity } from '../data/bankRules';
import type { Bank } from '../data/types';
import { ApiError, formatError } from '../http/tppMessages';
import type { Consent } from '../state/types';
import type { ReportQuery } from './transactionReport';
import { isObject, type Json } from './validate';

export interface PaymentUnderCheck {
  readonly product: string;
  readonly context: PsuContext;
  /** Already through the common body validation: accounts are objects with exactly one identifier. */
  readonly body: Json;
}

/** Throws the bank's 400 for the first of its rules the payment breaks. */
export function checkPaymentRules(bank: Bank, payment: PaymentUnderCheck): void {
  const { rules } = bank;
  if (rules.remittance) checkRemittance(bank.bicFi, rules.remittance, payment);
  if (rules.domesticAccounts && payment.product === 'domestic') checkDomesticAccounts(bank.bicFi, rules.domesticAccounts, payment);
  if (rules.sepaCreditorAddressOutside !== undefined && payment.product === 'sepa-credit-transfers') {
    checkSepaCreditorAddress(bank.bicFi, rules.sepaCreditorAddressOutside, payment.body);
  }
}

function account(body: Json, key: 'debtorAccount' | 'creditorAccount'): Json {
  const value = body[key];
  return isObject(value) ? value : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Whether a Swedish account reference is one of the bank's: by clearing number, IBAN bank code, or BBAN prefix. */
function isOwnAccount(identity: SwedishBankIdentity, reference: Json): boolean {
  const iban = text(reference['iban']);
  const clearingText = text(reference['clearingNumber']) ?? (iban === undefined ? text(reference['bban']) : undefined);
  if (clearingText !== undefined) {
    const clearing = /^\d{4}/.exec(clearingText);
    return clearing !== null && identity.clearingRanges.some(([from, to]) => Number(clearing[0]) >= from && Number(clearing[0]) <= to);
  }
  return iban !== undefined && iban.startsWith('SE') && iban.slice(4, 7) === identity.ibanBankCode;
}

function checkRemittance(bic: string, limits: RemittanceLimits, payment: PaymentUnderCheck): void {
  const remittance = text(payment.body['remittanceInformationUnstructured']);
  if (remittance === undefined) return;
  let limit: number;
  let kind: string;
  if (payment.product === 'international') {
    limit = limits.international;
    kind = 'an international payment';
  } else if (payment.product === 'domestic') {
    const own = isOwnAccount(limits.own, account(payment.body, 'creditorAccount'));
    limit = own ? limits.domesticToOwn : limits.domestic;
    kind = own
      ? `a domestic payment to a ${bic} account`
      : `a domestic payment to an account at another bank (${limits.domesticToOwn} to a ${bic} account)`;
  } else {
    return;
  }
  if (remittance.length <= limit) return;
  throw formatError(
    'remittanceInformationUnstructured',
    `${bic} allows at most ${limit} characters of remittanceInformationUnstructured for ${kind}; ${remittance.length} were sent.`,
  );
}

function checkDomesticAccounts(bic: string, rules: DomesticAccountRules, payment: PaymentUnderCheck): void {
  if (rules.context !== undefined && rules.context !== payment.context) return;
  const what = rules.context === undefined ? 'a domestic payment' : `a ${rules.context} domestic payment`;
  const form = [
    rules.debtor && `debtor as ${rules.debtor}`,
    rules.creditor && `creditor as ${rules.creditor}`,
    rules.currency && `all in ${rules.currency}`,
  ].filter(Boolean);
  const summary = form.length ? ` (${form.join(', ')})` : '';
  const requireKind = (key: 'debtorAccount' | 'creditorAccount', kind: AccountKind | undefined) => {
    if (kind === undefined || account(payment.body, key)[kind] !== undefined) return;
    const party = key === 'debtorAccount' ? 'debtor' : 'creditor';
    throw formatError(`${key}.${kind}`, `${bic} needs the ${party} of ${what} given as ${kind}${summary}.`);
  };
  requireKind('debtorAccount', rules.debtor);
  requireKind('creditorAccount', rules.creditor);
  if (rules.currency !== undefined) {
    const currencies: readonly [string, unknown][] = [
      ['instructedAmount.currency', isObject(payment.body['instructedAmount']) ? payment.body['instructedAmount']['currency'] : undefined],
      ['debtorAccount.currency', account(payment.body, 'debtorAccount')['currency']],
      ['creditorAccount.currency', account(payment.body, 'creditorAccount')['currency']],
    ];
    const wrong = currencies.find(([, currency]) => currency !== undefined && currency !== rules.currency);
    if (wrong) throw formatError(wrong[0], `${bic} needs ${wrong[0]} ${rules.currency} in ${what}${summary}.`);
  }
  const creditor = account(payment.body, 'creditorAccount');
  if (rules.clearingNumberWithCreditorBban && creditor['bban'] !== undefined && creditor['clearingNumber'] === undefined) {
    throw formatError(
      'creditorAccount.clearingNumber',
      `${bic} needs creditorAccount.clearingNumber beside a creditor bban in ${what}: the bban is given without its clearing number.`,
    );
  }
}

function checkSepaCreditorAddress(bic: string, homeCountry: string, body: Json): void {
  const iban = text(account(body, 'creditorAccount')['iban']);
  const country = iban?.slice(0, 2);
  if (country === undefined || country === homeCountry || body['creditorAddress'] !== undefined) return;
  throw formatError('creditorAddress', `${bic} needs creditorAddress for a SEPA payment to a creditor outside ${homeCountry} (creditor IBAN country ${country}).`);
}

/** The platform's documented Swedbank text (reference §5), sent as is. */
const STATEMENT_REQUIRES_SCA = 'Unauthorized, request not successful. Statement requires SCA';

function reachesPastWindow(bank: Bank, query: ReportQuery, today: Date): boolean {
  const days = bank.rules.statementScaDays;
  // A page after the first (entryReferenceFrom) continues the statement already answered, so it is no repeat.
  if (days === undefined || query.dateFrom === undefined || query.entryReferenceFrom !== undefined) return false;
  const windowStart = new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  return query.dateFrom < windowStart;
}

/** 401 when the consent already had its one statement of this account reaching past the bank's SCA window. */
export function checkStatementReach(bank: Bank, consent: Consent, accountId: string, query: ReportQuery, today: Date): void {
  if (reachesPastWindow(bank, query, today) && consent.statementsPastScaWindow.has(accountId)) {
    throw new ApiError(401, 'CONSENT_INVALID', STATEMENT_REQUIRES_SCA, 'dateFrom');
  }
}

/** Records an answered statement, so that the next one of this account reaching as far is refused. */
export function recordStatementReach(bank: Bank, consent: Consent, accountId: string, query: ReportQuery, today: Date): void {
  if (reachesPastWindow(bank, query, today)) consent.statementsPastScaWindow.add(accountId);
}

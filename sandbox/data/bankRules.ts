// What a sandbox bank refuses beyond the platform's common checks (reference §7.2), as data: the payment body
// rules of Swedbank, Handelsbanken, Nordea and OP, and Swedbank's SCA window for statements. Every bank's rules
// are in this file and api/bankRules.ts is the one place that applies them, so no handler switches on a BIC.
import type { PsuContext } from '../../src/client';

/** How a payment body names an account. */
export type AccountKind = 'iban' | 'bban';

/**
 * Tells a bank's own Swedish accounts from a payment's creditor. Swedish account numbers start with the
 * bank's clearing number, and an SE IBAN carries the bank's three-digit code after the check digits.
 */
export interface SwedishBankIdentity {
  /** Inclusive ranges of the four-digit clearing number. */
  readonly clearingRanges: readonly (readonly [number, number])[];
  readonly ibanBankCode: string;
}

/** Longest remittanceInformationUnstructured per kind of payment. */
export interface RemittanceLimits {
  /** A domestic payment to one of `own`'s accounts. */
  readonly domesticToOwn: number;
  readonly domestic: number;
  readonly international: number;
  readonly own: SwedishBankIdentity;
}

/** How a domestic credit transfer must name its accounts. */
export interface DomesticAccountRules {
  /** The PSU context the rules hold in; both when absent. */
  readonly context?: PsuContext;
  readonly debtor?: AccountKind;
  readonly creditor?: AccountKind;
  /** instructedAmount and any account currency. */
  readonly currency?: string;
  /** A creditor BBAN (given without its clearing number) needs creditorAccount.clearingNumber beside it. */
  readonly clearingNumberWithCreditorBban?: boolean;
}

export interface BankRules {
  readonly remittance?: RemittanceLimits;
  readonly domesticAccounts?: DomesticAccountRules;
  /** sepa-credit-transfers to a creditor IBAN of another country need creditorAddress. */
  readonly sepaCreditorAddressOutside?: string;
  /** A repeated transaction query with dateFrom further back than this many days needs new SCA. */
  readonly statementScaDays?: number;
}

export const NO_RULES: BankRules = {};

/** Swedbank's clearing numbers 7000–7999 and the savings banks' 8000–8999; IBAN bank code 800. */
export const SWEDBANK_ACCOUNTS: SwedishBankIdentity = { clearingRanges: [[7000, 8999]], ibanBankCode: '800' };

/** "remittance max 35 chars (domestic to SWEDSESS creditor) else 10, international 140"; ">90-day repeat statement query → 401". */
export const SWEDBANK_RULES: BankRules = {
  remittance: { domesticToOwn: 35, domestic: 10, international: 140, own: SWEDBANK_ACCOUNTS },
  statementScaDays: 90,
};

/**
 * "domestic: BBAN without clearing for both, plus creditorAccount.clearingNumber". Only the creditor BBAN part
 * is enforced: the official Postman collection pays at HANDSESS from and to IBANs without a clearing number
 * and is documented to succeed, so IBANs stay accepted (see sandbox/README.md).
 */
export const HANDELSBANKEN_RULES: BankRules = {
  domesticAccounts: { clearingNumberWithCreditorBban: true },
};

/** "domestic private: debtor BBAN, creditor IBAN, all SEK". */
export const NORDEA_RULES: BankRules = {
  domesticAccounts: { context: 'private', debtor: 'bban', creditor: 'iban', currency: 'SEK' },
};

/** "OP needs creditorAddress for SEPA outside Finland". */
export const OP_RULES: BankRules = {
  sepaCreditorAddressOutside: 'FI',
};

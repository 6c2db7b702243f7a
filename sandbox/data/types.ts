// The sandbox's data model. Banks carry the per-ASPSP behaviour the reference documents (§6, §7), so the
// API handlers ask the bank ("does it need PSU-IP-Address?") instead of switching on BIC strings.
import type { BankRequiredSetting, PaymentProduct } from '../../src/client';
import type { BankRules } from './bankRules';
import type { PaymentStatusTable } from './paymentStatuses';

export type ScaFlow = 'oauth' | 'redirect' | 'decoupled';

export type BankLogin =
  | { readonly kind: 'anyPsuId' }
  | { readonly kind: 'psuIds'; readonly ids: readonly string[] }
  | { readonly kind: 'password'; readonly username: string; readonly password: string };

export interface City {
  readonly cityId: string;
  readonly name: string;
  readonly isoCountryCode: string;
}

export interface Country {
  readonly id: string;
  readonly isoCountryCode: string;
  readonly name: string;
}

export interface Bank {
  readonly id: string;
  readonly bicFi: string;
  readonly name: string;
  readonly isoCountryCode: string;
  readonly city: City;
  readonly postalCode: string;
  readonly streetAddress: string;
  readonly companyNumber: string;
  readonly phone: string;
  readonly websiteUrl: string;
  readonly paymentProducts: readonly PaymentProduct[];
  readonly currency: string;
  readonly corporate: boolean;
  /** How SCA runs when the TPP does not ask otherwise. */
  readonly scaFlow: ScaFlow;
  /** SWEDSESS: decoupled when TPP-Redirect-Preferred is "false". */
  readonly decoupledWhenRedirectNotPreferred: boolean;
  /** HANDSESS sandbox: decoupled SCA approved by the bank as soon as the authorisation starts. */
  readonly autoApprove: boolean;
  readonly login: BankLogin;
  /** The settings headers the bank refuses calls without; the extension's BANK_REQUIRED_SETTINGS is held to these. */
  readonly requires: Readonly<Record<BankRequiredSetting, boolean>>;
  readonly transactionDetails: boolean;
  readonly ignoresDateFilters: boolean;
  /** SWEDSESS: answers booked and pending whatever bookingStatus asks for (reference §7.2). */
  readonly ignoresBookingStatus: boolean;
  readonly getPaymentSupported: boolean;
  /** The status a payment shows at each stage (reference §6.4). */
  readonly paymentStatuses: PaymentStatusTable;
  /** What the bank refuses beyond the platform's common checks (reference §7.2). */
  readonly rules: BankRules;
  readonly affiliatedAspsps: readonly { readonly id: string; readonly name: string }[];
  readonly generated: boolean;
}

export interface Balance {
  readonly balanceAmount: { readonly currency: string; readonly amount: string };
  readonly balanceType: 'closingBooked' | 'interimAvailable';
  readonly creditLimitIncluded: boolean;
  readonly referenceDate: string;
}

export interface Transaction {
  readonly transactionId: string;
  readonly entryReference: string;
  readonly bookingDate: string;
  readonly valueDate: string;
  readonly transactionAmount: { readonly currency: string; readonly amount: string };
  readonly creditorName?: string;
  readonly debtorName?: string;
  readonly remittanceInformationUnstructured: string;
  readonly booked: boolean;
}

export interface Account {
  readonly resourceId: string;
  readonly bicFi: string;
  readonly iban?: string;
  readonly bban: string;
  readonly clearingNumber?: string;
  readonly currency: string;
  readonly name: string;
  readonly product: string;
  readonly ownerName: string;
  readonly cashAccountType: 'CACC' | 'SVGS';
  readonly usage: 'PRIV' | 'ORGA';
  readonly balances: readonly Balance[];
  readonly transactions: readonly Transaction[];
}

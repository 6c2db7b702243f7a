// What the Banks and Consents & Accounts trees hold and hand to commands. Commands of other features take these
// nodes as their arguments (Create Consent on a bank, Initiate Payment on an account), so the shapes live here
// rather than in either tree's feature.
import type * as vscode from 'vscode';
import type { Account, Transaction } from '../client/models/accountModels';
import type { AspspSummary, Country } from '../client/models/aspspModels';
import type { ConsentRecord } from '../client/consents/consentStore';
import type { PaymentRecord } from '../client/payments/paymentRecords';

export type BankNode =
  | { readonly kind: 'country'; readonly id: string; readonly country: Country }
  | { readonly kind: 'bank'; readonly id: string; readonly bank: AspspSummary; readonly parent: BankNode }
  | { readonly kind: 'detail'; readonly id: string; readonly label: string; readonly description?: string; readonly children?: readonly BankNode[]; readonly parent: BankNode }
  | { readonly kind: 'payments'; readonly id: string; readonly bicFi: string; readonly parent: BankNode }
  | { readonly kind: 'payment'; readonly id: string; readonly payment: PaymentRecord; readonly parent: BankNode }
  | { readonly kind: 'error'; readonly id: string; readonly message: string; readonly parent?: BankNode }
  | { readonly kind: 'retry'; readonly id: string; readonly parent: BankNode }
  | { readonly kind: 'empty'; readonly id: string; readonly message: string; readonly parent?: BankNode };

export interface Period {
  readonly dateFrom: string;
  readonly dateTo?: string;
}

export type ConsentNode =
  | { readonly kind: 'consent'; readonly consent: ConsentRecord }
  | { readonly kind: 'account'; readonly consent: ConsentRecord; readonly account: Account }
  | { readonly kind: 'balances'; readonly consent: ConsentRecord; readonly account: Account }
  | { readonly kind: 'transactions'; readonly consent: ConsentRecord; readonly account: Account; readonly period: Period }
  | { readonly kind: 'transactionGroup'; readonly label: string; readonly items: readonly Transaction[]; readonly more?: ConsentNode }
  | { readonly kind: 'more'; readonly consent: ConsentRecord; readonly account: Account; readonly next: string; readonly period: Period }
  | { readonly kind: 'leaf'; readonly label: string; readonly description?: string; readonly icon?: string; readonly tooltip?: string; readonly command?: vscode.Command }
  | { readonly kind: 'message'; readonly label: string; readonly description?: string; readonly error?: boolean; readonly command?: vscode.Command; readonly lines?: readonly string[] };


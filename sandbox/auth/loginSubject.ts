// What the bank login page tells the PSU they are authorising, as a real bank does before the PSU signs:
// a payment's amount, creditor and accounts, or a consent's access. Plain data read from the request the TPP
// sent; the page escapes it.
import type { AccountReference, Consent, Payment } from '../state/types';

export interface LoginDetail {
  readonly label: string;
  readonly value: string;
}

export interface LoginSubject {
  readonly heading: string;
  readonly details: readonly LoginDetail[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function accountText(reference: unknown): string | undefined {
  const account = record(reference);
  const number = text(account['iban']) ?? text(account['bban']) ?? text(account['maskedPan']) ?? text(account['pan']) ?? text(account['msisdn']);
  return number ? [number, text(account['currency'])].filter(Boolean).join(' ') : undefined;
}

function giroText(giro: unknown): string | undefined {
  const g = record(giro);
  const number = text(g['giroNumber']);
  return number ? [text(g['giroType']), number].filter(Boolean).join(' ') : undefined;
}

function detail(label: string, value: string | undefined): LoginDetail[] {
  return value ? [{ label, value }] : [];
}

export function paymentSubject(payment: Payment): LoginSubject {
  const body = payment.body;
  const amount = record(body['instructedAmount']);
  const sum = text(amount['amount']) ? [text(amount['amount']), text(amount['currency'])].filter(Boolean).join(' ') : undefined;
  return {
    heading: 'Payment to approve',
    details: [
      ...detail('Amount', sum),
      ...detail('To', text(body['creditorName'])),
      ...detail('Creditor account', accountText(body['creditorAccount']) ?? giroText(body['creditorGiro'])),
      ...detail('From account', accountText(body['debtorAccount'])),
      ...detail('Message', text(body['remittanceInformationUnstructured'])),
      ...detail('Execution date', text(body['requestedExecutionDate'])),
      { label: 'Payment', value: `${payment.product} (${payment.service})` },
    ],
  };
}

function accountList(references: readonly AccountReference[] | undefined): string | undefined {
  const numbers = (references ?? []).map(accountText).filter((n): n is string => n !== undefined);
  return numbers.length ? numbers.join(', ') : undefined;
}

export function consentSubject(consent: Consent): LoginSubject {
  const { access } = consent;
  const listed = [
    ...detail('Account details', accountList(access.accounts)),
    ...detail('Balances', accountList(access.balances)),
    ...detail('Transactions', accountList(access.transactions)),
  ];
  // Empty access, availableAccounts or allPsd2: the sandbox grants every account the PSU has (see README).
  const scope = listed.length ? listed : [{ label: 'Access', value: 'Account details, balances and transactions of all your accounts at this bank' }];
  return {
    heading: 'Access to approve',
    details: [
      ...scope,
      { label: 'Valid until', value: consent.validUntil },
      {
        label: 'Reads without you',
        value: consent.recurringIndicator ? `up to ${consent.frequencyPerDay} a day (recurring)` : 'one-off access, while you are present',
      },
    ],
  };
}

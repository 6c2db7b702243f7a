// Account Information Service (reference §4.4): everything here needs a valid consent in Consent-ID.
import { SETTINGS_HEADER_PARAMS, type OperationIdIn } from '../../src/client';
import type { Account, Transaction } from '../data/types';
import { ok } from '../http/reply';
import { ApiError, formatError } from '../http/tppMessages';
import type { Consent } from '../state/types';
import { checkStatementReach, recordStatementReach } from './bankRules';
import { requirePsuHeaders } from './checks';
import { header, type BankHandler, type BankContext } from './context';
import { findConsent } from './consents';
import { nextPageQuery, parseReportQuery, reportPage } from './transactionReport';

const AIS_BASE = '/psd2/accountinformation/v1/accounts';
type Grant = keyof Consent['grants'];

function validConsent(ctx: BankContext): Consent {
  requirePsuHeaders(ctx.headers, ctx.bank, ctx.op, false);
  const consentId = header(ctx.headers, 'consent-id');
  if (!consentId) throw formatError('Consent-ID', 'The Consent-ID header is required for account information.');
  const consent = findConsent(ctx.env, ctx.bank, consentId, 'Consent-ID', ctx.token.clientId);
  if (consent.status === 'expired') throw new ApiError(401, 'CONSENT_EXPIRED', 'The consent has expired; create a new one.', 'Consent-ID');
  if (consent.status !== 'valid') {
    throw new ApiError(401, 'CONSENT_INVALID', `The consent is ${consent.status}, not valid.`, 'Consent-ID');
  }
  consent.lastActionDate = ctx.env.today.toISOString().slice(0, 10);
  countUnattended(ctx, consent);
  return consent;
}

/**
 * Berlin Group: without the PSU present (no PSU-IP-Address) an account may be read frequencyPerDay times a day
 * per endpoint; more gives 429 ACCESS_EXCEEDED. With the PSU present there is no limit.
 */
function countUnattended(ctx: BankContext, consent: Consent): void {
  if (header(ctx.headers, SETTINGS_HEADER_PARAMS.psuIpAddress.name)) return;
  // What 0 means is not documented (reference §8 question 8); it is read as the OAS minimum, one a day.
  const limit = Math.max(1, consent.frequencyPerDay);
  const day = new Date().toISOString().slice(0, 10);
  const key = `${day}|${ctx.op.id}|${ctx.params['account-id'] ?? ''}`;
  const reads = (consent.unattendedReads.get(key) ?? 0) + 1;
  consent.unattendedReads.set(key, reads);
  if (reads > limit) {
    throw new ApiError(429, 'ACCESS_EXCEEDED', `Unattended access exceeds the consent's frequencyPerDay (${consent.frequencyPerDay}).`);
  }
}

function account(ctx: BankContext, consent: Consent, grant: Grant): Account {
  const id = ctx.params['account-id']!;
  const found = ctx.env.accounts.accountsOf(ctx.bank).find((a) => a.resourceId === id);
  if (!found) throw new ApiError(404, 'RESOURCE_UNKNOWN', `No account ${id} at ${ctx.bank.bicFi}.`, 'account-id');
  if (!consent.grants[grant].has(id)) {
    throw new ApiError(401, 'CONSENT_INVALID', `The consent does not grant ${grant} access to account ${id}.`, 'account-id');
  }
  return found;
}

function booleanQuery(ctx: BankContext, name: string): boolean {
  const value = ctx.query.get(name);
  if (value === null) return false;
  if (value !== 'true' && value !== 'false') throw formatError(name, `${name} must be true or false.`);
  return value === 'true';
}

const reference = (a: Account) => (a.iban ? { iban: a.iban, currency: a.currency } : { bban: a.bban, currency: a.currency });

function accountJson(a: Account, consent: Consent, withBalance: boolean): Record<string, unknown> {
  const links: Record<string, { href: string }> = {};
  if (consent.grants.balances.has(a.resourceId)) links['balances'] = { href: `${AIS_BASE}/${a.resourceId}/balances` };
  if (consent.grants.transactions.has(a.resourceId)) links['transactions'] = { href: `${AIS_BASE}/${a.resourceId}/transactions` };
  return {
    resourceId: a.resourceId,
    ...(a.iban ? { iban: a.iban } : {}),
    bban: a.bban,
    ...(a.clearingNumber ? { clearingNumber: a.clearingNumber } : {}),
    currency: a.currency,
    name: a.name,
    product: a.product,
    cashAccountType: a.cashAccountType,
    status: 'enabled',
    bic: a.bicFi,
    usage: a.usage,
    ownerName: a.ownerName,
    ...(withBalance && consent.grants.balances.has(a.resourceId) ? { balances: a.balances } : {}),
    _links: links,
  };
}

function transactionJson(t: Transaction, a: Account, detailsLink: boolean): Record<string, unknown> {
  const { booked: _booked, ...fields } = t;
  return detailsLink ? { ...fields, _links: { transactionDetails: { href: `${AIS_BASE}/${a.resourceId}/transactions/${t.transactionId}` } } } : fields;
}

function transactionList(ctx: BankContext) {
  const consent = validConsent(ctx);
  const a = account(ctx, consent, 'transactions');
  const query = parseReportQuery(ctx.query);
  checkStatementReach(ctx.bank, consent, a.resourceId, query, ctx.env.today);
  const page = reportPage(a.transactions, ctx.bank, query, ctx.env.transactionsPageSize);
  recordStatementReach(ctx.bank, consent, a.resourceId, query, ctx.env.today);
  const self = `${AIS_BASE}/${a.resourceId}`;
  const links: Record<string, { href: string }> = { account: { href: self } };
  if (page.nextAfter !== undefined) links['next'] = { href: `${self}/transactions?${nextPageQuery(ctx.query, page.nextAfter).toString()}` };
  const json = (booked: boolean) =>
    page.entries.filter((t) => t.booked === booked).map((t) => transactionJson(t, a, booked && ctx.bank.transactionDetails));
  const report: Record<string, unknown> = { _links: links };
  if (page.bookingStatus !== 'pending') report['booked'] = json(true);
  if (page.bookingStatus !== 'booked') report['pending'] = json(false);
  const withBalance = booleanQuery(ctx, 'withBalance') && consent.grants.balances.has(a.resourceId);
  return ok({ account: reference(a), transactions: report, ...(withBalance ? { balances: a.balances } : {}) });
}

export const accountHandlers: Readonly<Record<OperationIdIn<'Account Information'>, BankHandler>> = {
  getAccountList: (ctx) => {
    const consent = validConsent(ctx);
    const withBalance = booleanQuery(ctx, 'withBalance');
    const accounts = ctx.env.accounts.accountsOf(ctx.bank).filter((a) => consent.grants.accounts.has(a.resourceId));
    return ok({ accounts: accounts.map((a) => accountJson(a, consent, withBalance)) });
  },
  readAccountDetails: (ctx) => {
    const consent = validConsent(ctx);
    return ok(accountJson(account(ctx, consent, 'accounts'), consent, booleanQuery(ctx, 'withBalance')));
  },
  getBalances: (ctx) => {
    const a = account(ctx, validConsent(ctx), 'balances');
    return ok({ account: reference(a), balances: a.balances });
  },
  getTransactionList: transactionList,
  getTransactionDetails: (ctx) => {
    const a = account(ctx, validConsent(ctx), 'transactions');
    if (!ctx.bank.transactionDetails) {
      throw new ApiError(400, 'SERVICE_INVALID', `${ctx.bank.bicFi} does not offer transaction details.`);
    }
    const t = a.transactions.find((x) => x.transactionId === ctx.params['transactionId'] && x.booked);
    if (!t) throw new ApiError(404, 'RESOURCE_UNKNOWN', 'No such booked transaction on this account.', 'transactionId');
    return ok(transactionJson(t, a, false));
  },
};

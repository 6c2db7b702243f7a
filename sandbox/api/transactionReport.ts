// Get Transaction List answers one page of an account report (reference §4.4, OAS `accountReport` with
// `_linksAccountReport`): the bookingStatus and date filters pick the entries, a page holds at most
// `pageSize` of them, and `_links.next` fetches the rest. The reference does not say how the platform pages
// (§8 question 9), so the cursor is the OAS's own `entryReferenceFrom` ("all transactions after the transaction
// with identification entryReferenceFrom"): a client that sends only the parameters the OAS declares can
// follow the link, and the other filters ride along unchanged.
import type { Bank, Transaction } from '../data/types';
import { ApiError, formatError } from '../http/tppMessages';
import { date } from './validate';

export type BookingStatus = 'booked' | 'pending' | 'both';

export interface ReportQuery {
  readonly bookingStatus: BookingStatus;
  readonly dateFrom?: string;
  readonly dateTo?: string;
  readonly entryReferenceFrom?: string;
}

export interface ReportPage {
  /** What the bank applied: some banks ignore the bookingStatus the TPP asked for. */
  readonly bookingStatus: BookingStatus;
  readonly entries: readonly Transaction[];
  /** The entry reference the next page starts after; absent on the last page. */
  readonly nextAfter?: string;
}

/** Query values as sent; an empty value (an unset Postman variable) means "not given". */
function given(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

export function parseReportQuery(query: URLSearchParams): ReportQuery {
  const bookingStatus = query.get('bookingStatus');
  if (bookingStatus !== 'booked' && bookingStatus !== 'pending' && bookingStatus !== 'both') {
    throw formatError('bookingStatus', 'bookingStatus is required: booked, pending or both.');
  }
  const dateFrom = given(query, 'dateFrom');
  const dateTo = given(query, 'dateTo');
  if (dateFrom !== undefined) date(dateFrom, 'dateFrom');
  if (dateTo !== undefined) date(dateTo, 'dateTo');
  if (dateFrom && dateTo && dateFrom > dateTo) throw new ApiError(400, 'PERIOD_INVALID', 'dateFrom is after dateTo.', 'dateFrom');
  const entryReferenceFrom = given(query, 'entryReferenceFrom');
  return {
    bookingStatus,
    ...(dateFrom === undefined ? {} : { dateFrom }),
    ...(dateTo === undefined ? {} : { dateTo }),
    ...(entryReferenceFrom === undefined ? {} : { entryReferenceFrom }),
  };
}

/** `transactions` in the account's report order (newest first, pending before booked). */
export function reportPage(transactions: readonly Transaction[], bank: Bank, query: ReportQuery, pageSize: number): ReportPage {
  const bookingStatus = bank.ignoresBookingStatus ? 'both' : query.bookingStatus;
  const inPeriod = (t: Transaction) =>
    bank.ignoresDateFilters || ((!query.dateFrom || t.bookingDate >= query.dateFrom) && (!query.dateTo || t.bookingDate <= query.dateTo));
  const wanted = transactions.filter((t) => (bookingStatus === 'both' || (bookingStatus === 'booked') === t.booked) && inPeriod(t));
  let start = 0;
  if (query.entryReferenceFrom !== undefined) {
    const at = wanted.findIndex((t) => t.entryReference === query.entryReferenceFrom);
    if (at < 0) {
      throw formatError('entryReferenceFrom', 'entryReferenceFrom is not the entry reference of a transaction in this report.');
    }
    start = at + 1;
  }
  const entries = wanted.slice(start, start + pageSize);
  const last = entries[entries.length - 1];
  const more = start + pageSize < wanted.length && last !== undefined;
  return { bookingStatus, entries, ...(more ? { nextAfter: last.entryReference } : {}) };
}

/** The next page's query: everything the TPP sent (so its filters are kept), with the cursor moved on. */
export function nextPageQuery(sent: URLSearchParams, after: string): URLSearchParams {
  const next = new URLSearchParams();
  for (const [name, value] of sent) if (value !== '' && name !== 'entryReferenceFrom') next.append(name, value);
  next.set('entryReferenceFrom', after);
  return next;
}

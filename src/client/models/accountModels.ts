// Account Information responses read defensively (server JSON is untrusted): accounts, balances and
// transactions with their paging link.

export interface Amount {
  readonly amount: string;
  readonly currency: string;
}

export interface Balance {
  readonly type: string;
  readonly amount: Amount;
}

export interface Account {
  readonly resourceId: string;
  readonly label: string;
  readonly iban?: string;
  readonly bban?: string;
  readonly currency?: string;
  readonly balances: readonly Balance[];
}

export interface Transaction {
  readonly id: string;
  readonly amount: Amount;
  readonly date?: string;
  readonly counterparty?: string;
  readonly remittance?: string;
}

export interface TransactionPage {
  readonly booked: readonly Transaction[];
  readonly pending: readonly Transaction[];
  /** Path and query of the next page (`_links.next`), when the bank pages. */
  readonly next?: string;
}

type Json = Record<string, unknown>;
const record = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

function amountOf(value: unknown): Amount | undefined {
  const a = record(value);
  const amount = text(a?.amount);
  return amount ? { amount, currency: text(a?.currency) ?? '' } : undefined;
}

function balancesOf(value: unknown): Balance[] {
  return (Array.isArray(value) ? value : []).flatMap((b) => {
    const amount = amountOf(record(b)?.balanceAmount);
    return amount ? [{ type: text(record(b)?.balanceType) ?? 'balance', amount }] : [];
  });
}

export function parseAccounts(body: unknown): Account[] {
  const list = record(body)?.accounts;
  return (Array.isArray(list) ? list : []).flatMap((item) => {
    const a = record(item);
    const resourceId = text(a?.resourceId);
    if (!a || !resourceId) return [];
    const iban = text(a.iban);
    const bban = text(a.bban);
    return [{ resourceId, label: text(a.name) ?? iban ?? bban ?? resourceId, iban, ...(bban ? { bban } : {}), currency: text(a.currency), balances: balancesOf(a.balances) }];
  });
}

export function parseBalances(body: unknown): Balance[] | undefined {
  const b = record(body);
  return b && Array.isArray(b.balances) ? balancesOf(b.balances) : undefined;
}

function transactionsOf(value: unknown): Transaction[] {
  return (Array.isArray(value) ? value : []).flatMap((item, index) => {
    const t = record(item);
    const amount = amountOf(t?.transactionAmount);
    if (!t || !amount) return [];
    return [
      {
        id: text(t.transactionId) ?? text(t.entryReference) ?? `#${index + 1}`,
        amount,
        date: text(t.bookingDate) ?? text(t.valueDate),
        counterparty: text(t.creditorName) ?? text(t.debtorName),
        remittance: text(t.remittanceInformationUnstructured),
      },
    ];
  });
}

function linkOf(value: unknown): string | undefined {
  // The docs show `_links.next` as a bare string, the OAS as {href}; accept both.
  return text(value) ?? text(record(value)?.href);
}

export function parseTransactions(body: unknown): TransactionPage | undefined {
  const t = record(record(body)?.transactions);
  if (!t) return undefined;
  const next = linkOf(record(t._links)?.next);
  return { booked: transactionsOf(t.booked), pending: transactionsOf(t.pending), ...(next ? { next } : {}) };
}

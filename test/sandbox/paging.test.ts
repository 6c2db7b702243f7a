// Transaction paging: a report longer than a page comes in pages joined by `_links.next` (OAS
// _linksAccountReport), each link keeping the TPP's filters, until a last page without `next`.
import assert from 'node:assert/strict';
import { start, type Sandbox } from '../../sandbox/index';
import { DEFAULT_TRANSACTIONS_PAGE_SIZE } from '../../sandbox/options';
import { SandboxClient, useSandbox, type Response } from './helpers/client';
import { PSU_HEADERS, validConsent } from './helpers/flows';

// A fixed "today" so two sandboxes started with the same seed hold the same report.
const TODAY = new Date('2025-03-14T10:00:00Z');
const daysBefore = (days: number) => new Date(TODAY.getTime() - days * 86_400_000).toISOString().slice(0, 10);

interface Entry {
  readonly transactionId: string;
  readonly bookingDate: string;
}

interface Walk {
  readonly pages: Response[];
  readonly booked: Entry[];
  readonly pending: Entry[];
}

/** An AIS session at one bank: a valid consent and the first (current) account. */
async function session(sandbox: Sandbox, bic: string) {
  const c = new SandboxClient(sandbox);
  const consentId = await validConsent(c, bic);
  const headers = { ...PSU_HEADERS, 'consent-id': consentId };
  const accounts = await c.call('getAccountList', { bic, headers });
  const accountId = String(accounts.json['accounts'][0].resourceId);
  return { c, bic, headers, accountId };
}

type Session = Awaited<ReturnType<typeof session>>;

/** Follows `_links.next` the way the extension does: the link's query becomes the next call's query. */
async function walk(s: Session, query: Record<string, string>): Promise<Walk> {
  const pages: Response[] = [];
  let current: Record<string, string> | undefined = query;
  while (current) {
    const res = await s.c.call('getTransactionList', { bic: s.bic, headers: s.headers, params: { 'account-id': s.accountId }, query: current });
    assert.equal(res.status, 200, res.text);
    pages.push(res);
    assert.ok(pages.length <= 100, 'paging ends');
    const href: string | undefined = res.json['transactions']['_links']['next']?.['href'];
    if (href === undefined) break;
    const url = new URL(href, 'http://link.invalid');
    assert.equal(url.pathname, `/psd2/accountinformation/v1/accounts/${s.accountId}/transactions`);
    current = Object.fromEntries(url.searchParams);
  }
  const all = (key: 'booked' | 'pending') => pages.flatMap((p) => (p.json['transactions'][key] ?? []) as Entry[]);
  return { pages, booked: all('booked'), pending: all('pending') };
}

const ids = (entries: readonly Entry[]) => entries.map((e) => e.transactionId);
const pageSizes = (w: Walk) => w.pages.map((p) => (p.json['transactions']['booked']?.length ?? 0) + (p.json['transactions']['pending']?.length ?? 0));

describe('sandbox transaction paging', () => {
  const paged = useSandbox({ seed: 5, today: TODAY });
  // The same data on one page, to check that the pages together are the whole report.
  const whole = useSandbox({ seed: 5, today: TODAY, transactionsPageSize: 100_000 });

  it('pages the last 90 days of a NDEASESS current account at the default size, every entry once, in order', async () => {
    const query = { bookingStatus: 'both', dateFrom: daysBefore(90) };
    const pages = await walk(await session(paged.sandbox, 'NDEASESS'), query);
    const reference = await walk(await session(whole.sandbox, 'NDEASESS'), query);
    assert.equal(reference.pages.length, 1);
    assert.ok(pages.pages.length >= 2, `${pages.pages.length} page(s)`);
    const sizes = pageSizes(pages);
    assert.ok(sizes.slice(0, -1).every((n) => n === DEFAULT_TRANSACTIONS_PAGE_SIZE), `full pages before the last: ${sizes}`);
    assert.ok(sizes.at(-1)! >= 1 && sizes.at(-1)! <= DEFAULT_TRANSACTIONS_PAGE_SIZE);
    const seen = [...ids(pages.pending), ...ids(pages.booked)];
    assert.equal(new Set(seen).size, seen.length, 'no transaction on two pages');
    assert.deepEqual(ids(pages.booked), ids(reference.booked));
    assert.deepEqual(ids(pages.pending), ids(reference.pending));
    assert.ok(pages.pending.length > 0, 'pending entries are in the report too');
  });

  it('each next link keeps bookingStatus and the period, so later pages stay filtered', async () => {
    const small = await start({ authPort: 0, apiPort: 0, seed: 5, today: TODAY, transactionsPageSize: 7 });
    try {
      const s = await session(small, 'ESSESESS');
      const query = { bookingStatus: 'booked', dateFrom: daysBefore(60), dateTo: daysBefore(10) };
      const pages = await walk(s, query);
      assert.ok(pages.pages.length >= 3, `${pages.pages.length} pages`);
      for (const page of pages.pages.slice(0, -1)) {
        const next = new URL(page.json['transactions']['_links']['next']['href'], 'http://link.invalid').searchParams;
        assert.equal(next.get('bookingStatus'), 'booked');
        assert.equal(next.get('dateFrom'), query.dateFrom);
        assert.equal(next.get('dateTo'), query.dateTo);
        assert.ok(next.get('entryReferenceFrom'));
        assert.equal(page.json['transactions']['pending'], undefined, 'booked only');
      }
      assert.equal(pages.pages.at(-1)!.json['transactions']['_links']['next'], undefined, 'no next on the last page');
      assert.ok(pages.booked.every((t) => t.bookingDate >= query.dateFrom && t.bookingDate <= query.dateTo));
      const reference = await walk(await session(whole.sandbox, 'ESSESESS'), query);
      assert.deepEqual(ids(pages.booked), ids(reference.booked));
    } finally {
      await small.close();
    }
  });

  it('a report that fits on one page has no next link; an unknown entryReferenceFrom is a FORMAT_ERROR', async () => {
    const s = await session(paged.sandbox, 'NDEASESS');
    const savings = await s.c.call('getAccountList', { bic: s.bic, headers: s.headers });
    const second = { ...s, accountId: String(savings.json['accounts'][1].resourceId) };
    const one = await walk(second, { bookingStatus: 'both' });
    assert.equal(one.pages.length, 1);
    assert.ok(one.booked.length > 0 && one.booked.length < DEFAULT_TRANSACTIONS_PAGE_SIZE);
    const bad = await s.c.call('getTransactionList', { bic: s.bic, headers: s.headers, params: { 'account-id': s.accountId }, query: { bookingStatus: 'both', entryReferenceFrom: 'nope' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.json['tppMessages'][0].code, 'FORMAT_ERROR');
    assert.equal(bad.json['tppMessages'][0].path, 'entryReferenceFrom');
  });

  it('start() refuses a page size that is not a positive integer', async () => {
    await assert.rejects(start({ authPort: 0, apiPort: 0, transactionsPageSize: 0 }), /transactionsPageSize/);
    await assert.rejects(start({ authPort: 0, apiPort: 0, transactionsPageSize: 2.5 }), /transactionsPageSize/);
  });
});

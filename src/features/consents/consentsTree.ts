// Consents & Accounts: the consents of the active environment; under a valid one its accounts (balance in
// the description), each with balances and the last 90 days of transactions (booked and pending, paged).
import * as vscode from 'vscode';
import { type Account, type Balance, parseAccounts, parseBalances, parseTransactions, type Transaction } from '../../client/models/accountModels';
import type { ConsentRecord, ConsentStore } from '../../client/consents/consentStore';
import { consentLabel } from '../../host/consentLabel';
import type { ConsentNode, Period } from '../../host/treeNodes';
import { sentences } from '../../client/text/treeText';
import type { ActiveEnvironment } from '../../host/activeEnvironment';
import type { Loaded, ViewLoader } from '../../host/viewLoader';
import { Disposable } from '../../host/disposable';

export const CONSENTS_VIEW_ID = 'openPayments.consents';

function formatAmount(amount: { amount: string; currency: string }): string {
  return `${amount.amount} ${amount.currency}`.trim();
}

const STATUS_ICONS: Readonly<Record<string, string>> = {
  valid: 'pass',
  received: 'clock',
  expired: 'warning',
  revokedByPsu: 'warning',
  terminatedByTpp: 'circle-slash',
  rejected: 'error',
};

/** What an unusable consent says under itself; selecting it authorises again (a new consent once it has ended). */
function notUsableText(status: ConsentRecord['status']): string {
  switch (status) {
    case 'received':
      return vscode.l10n.t('Not authorised yet. Select to authorise it and see its accounts.');
    case 'expired':
      return vscode.l10n.t('This consent has expired. Select to authorise again: a new consent with the same access.');
    case 'revokedByPsu':
      return vscode.l10n.t('The PSU revoked this consent at the bank. Select to authorise again: a new consent with the same access.');
    case 'terminatedByTpp':
      return vscode.l10n.t('This consent was deleted. Select to authorise again: a new consent with the same access.');
    case 'rejected':
      return vscode.l10n.t('The bank rejected this consent. Select to authorise again: a new consent with the same access.');
    default:
      return vscode.l10n.t('The bank has not said whether this consent is valid. Select to authorise it.');
  }
}

export function defaultPeriod(today = new Date()): Period {
  const from = new Date(today.getTime() - 90 * 24 * 3600 * 1000);
  return { dateFrom: from.toISOString().slice(0, 10) };
}

/** How many consents' accounts are loaded ahead at once, and how long such a load is good for showing. */
export const ACCOUNTS_PREFETCH = { maxConsents: 3, maxAgeMs: 120_000 } as const;

interface Prefetched {
  readonly environmentId: string;
  readonly loading: Promise<Loaded<Account[]>>;
  readonly startedAt: number;
  /** Whether the load had finished; an expansion that shows a finished load ahead then loads again. */
  settled: boolean;
  /** Whether this is that second load, which the tree shows as it is. */
  readonly refreshed: boolean;
}

export class ConsentsTreeProvider extends Disposable implements vscode.TreeDataProvider<ConsentNode> {
  private readonly changed = this._register(new vscode.EventEmitter<ConsentNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  /** A period the user chose for an account's transactions, by consent and account. */
  private readonly periods = new Map<string, Period>();
  /**
   * Aborts the loads of one environment's tree: replaced when the user refreshes or another environment
   * becomes active, aborted on dispose. A store change only re-renders: the loads under it stay good.
   */
  private loads: { readonly environmentId: string; readonly controller: AbortController };

  /**
   * Accounts of consents that just became valid, loaded before the user expands them (the call took about half a
   * second in the workbench), by consent id. Each is shown once, by the first expansion. If it had finished
   * loading before that expansion, the accounts are loaded again right after and the tree shows the new answer,
   * so what was loaded ahead is on screen only for a moment.
   */
  private readonly prefetched = new Map<string, Prefetched>();
  /** Aborts the loads ahead: when the view is hidden, besides whatever aborts the tree's loads. */
  private prefetches = new AbortController();
  /** The status of each consent of the active environment when the store last changed. */
  private statuses = new Map<string, ConsentRecord['status']>();
  private visible = false;

  constructor(
    private readonly store: ConsentStore,
    private readonly environment: ActiveEnvironment,
    private readonly loader: ViewLoader,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.loads = { environmentId: environment.state.id, controller: new AbortController() };
    this.statuses = this.currentStatuses();
    this._register(
      store.onDidChange(() => {
        this.prefetchNewlyValid();
        this.changed.fire(undefined);
      }),
    );
    this._register(
      environment.onDidChange(() => {
        // A load started after the state changed (its event comes a moment later) is for this environment already.
        if (this.loads.environmentId !== environment.state.id) this.abortLoads();
        this.statuses = this.currentStatuses();
        this.changed.fire(undefined);
      }),
    );
  }

  /** Follows the view's visibility (see setVisible). */
  followVisibility(view: Pick<vscode.TreeView<ConsentNode>, 'visible' | 'onDidChangeVisibility'>): vscode.Disposable {
    this.setVisible(view.visible);
    return view.onDidChangeVisibility((event) => this.setVisible(event.visible));
  }

  /** The view's visibility: loads ahead start only while the view is shown, and stop when it is hidden. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!visible) this.abortPrefetches();
  }

  private currentStatuses(consents = this.store.list(this.environment.state.id)): Map<string, ConsentRecord['status']> {
    return new Map(consents.map((consent) => [consent.consentId, consent.status]));
  }

  /** Starts loading the accounts of each consent that has become valid since the store last changed. */
  private prefetchNewlyValid(): void {
    const environmentId = this.environment.state.id;
    const consents = this.store.list(environmentId);
    const previous = this.statuses;
    this.statuses = this.currentStatuses(consents);
    if (!this.visible) return;
    for (const consent of consents) {
      if (consent.status !== 'valid' || previous.get(consent.consentId) === 'valid' || this.prefetched.has(consent.consentId)) continue;
      if (this.prefetched.size >= ACCOUNTS_PREFETCH.maxConsents) break;
      const signal = AbortSignal.any([this.signal, this.prefetches.signal]);
      const entry: Prefetched = { environmentId, loading: this.loadAccounts(consent, signal), startedAt: this.now(), settled: false, refreshed: false };
      void entry.loading.then(() => (entry.settled = true));
      this.prefetched.set(consent.consentId, entry);
    }
  }

  /** The accounts loaded ahead for this consent, if they are still good to show; taken, so they show once. */
  private takePrefetched(consent: ConsentRecord): Prefetched | undefined {
    const entry = this.prefetched.get(consent.consentId);
    if (!entry) return undefined;
    this.prefetched.delete(consent.consentId);
    const fresh = entry.environmentId === this.environment.state.id && this.now() - entry.startedAt <= ACCOUNTS_PREFETCH.maxAgeMs;
    return fresh ? entry : undefined;
  }

  /** Loads a consent's accounts again after an expansion showed them from a finished load ahead. */
  private refreshAccounts(consent: ConsentRecord): void {
    const environmentId = this.environment.state.id;
    const signal = this.signal;
    void this.loadAccounts(consent, signal).then((loaded) => {
      if (signal.aborted || !this.visible) return;
      this.prefetched.set(consent.consentId, { environmentId, loading: Promise.resolve(loaded), startedAt: this.now(), settled: true, refreshed: true });
      this.changed.fire(undefined);
    });
  }

  private abortPrefetches(): void {
    this.prefetches.abort();
    this.prefetches = new AbortController();
    this.prefetched.clear();
  }

  /** The user's Refresh: whatever is still loading belongs to the tree about to be rebuilt, so it stops. */
  refresh(): void {
    this.abortLoads();
    this.changed.fire(undefined);
  }

  private abortLoads(): void {
    this.abortPrefetches();
    this.loads.controller.abort();
    this.loads = { environmentId: this.environment.state.id, controller: new AbortController() };
  }

  /** The signal for a load now: a new one when the environment changed since the last load began. */
  private get signal(): AbortSignal {
    if (this.loads.environmentId !== this.environment.state.id) this.abortLoads();
    return this.loads.controller.signal;
  }

  setPeriod(consent: ConsentRecord, account: Account, period: Period): void {
    this.periods.set(`${consent.consentId}/${account.resourceId}`, period);
    this.changed.fire(undefined);
  }

  getTreeItem(node: ConsentNode): vscode.TreeItem {
    const None = vscode.TreeItemCollapsibleState.None;
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'consent': {
        const c = node.consent;
        const item = new vscode.TreeItem(consentLabel(c), Collapsed);
        item.description = c.consentId;
        item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[c.status] ?? 'question');
        item.contextValue = `openPayments.consent.${c.status}`;
        item.tooltip = c.validUntil
          ? vscode.l10n.t('Consent {0} at {1} ({2} context), status {3}, valid until {4}, created {5}', c.consentId, c.bicFi, c.context, c.status, c.validUntil, c.createdAt)
          : vscode.l10n.t('Consent {0} at {1} ({2} context), status {3}, created {4}', c.consentId, c.bicFi, c.context, c.status, c.createdAt);
        return item;
      }
      case 'account': {
        const item = new vscode.TreeItem(node.account.label, Collapsed);
        const balance = node.account.balances[0];
        item.description = balance ? formatAmount(balance.amount) : node.account.currency;
        item.tooltip = [node.account.iban, node.account.resourceId].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('credit-card');
        item.contextValue = 'openPayments.account';
        return item;
      }
      case 'balances':
        return Object.assign(new vscode.TreeItem(vscode.l10n.t('Balances'), Collapsed), { iconPath: new vscode.ThemeIcon('graph') });
      case 'transactions': {
        const item = new vscode.TreeItem(vscode.l10n.t('Transactions'), Collapsed);
        item.description = node.period.dateTo ? `${node.period.dateFrom} – ${node.period.dateTo}` : vscode.l10n.t('since {0}', node.period.dateFrom);
        item.iconPath = new vscode.ThemeIcon('list-unordered');
        item.contextValue = 'openPayments.transactions';
        return item;
      }
      case 'transactionGroup': {
        const item = new vscode.TreeItem(node.label, node.items.length || node.more ? Collapsed : None);
        item.description = String(node.items.length);
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(vscode.l10n.t('More transactions…'), Collapsed);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        return item;
      }
      case 'leaf': {
        const item = new vscode.TreeItem(node.label, None);
        item.description = node.description;
        item.tooltip = node.tooltip;
        if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
        item.command = node.command;
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label, node.lines || node.error ? vscode.TreeItemCollapsibleState.Expanded : None);
        item.description = node.description;
        item.tooltip = node.lines ? [node.label, ...node.lines].join('\n') : node.description;
        item.iconPath = node.error ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('info');
        item.command = node.command;
        return item;
      }
    }
  }

  async getChildren(node?: ConsentNode): Promise<ConsentNode[]> {
    if (!node) return this.store.list(this.environment.state.id).map((consent) => ({ kind: 'consent', consent }));
    switch (node.kind) {
      case 'consent':
        return this.accountsOf(node.consent);
      case 'account':
        return [
          { kind: 'balances', consent: node.consent, account: node.account },
          { kind: 'transactions', consent: node.consent, account: node.account, period: this.periods.get(`${node.consent.consentId}/${node.account.resourceId}`) ?? defaultPeriod() },
        ];
      case 'balances':
        return this.balancesOf(node.consent, node.account);
      case 'transactions':
        return this.transactionsOf(node.consent, node.account, { bookingStatus: 'both', dateFrom: node.period.dateFrom, ...(node.period.dateTo ? { dateTo: node.period.dateTo } : {}) }, node.period);
      case 'more':
        return this.transactionsOf(node.consent, node.account, queryOf(node.next, node.period), node.period);
      case 'transactionGroup':
        return [...node.items.map(transactionLeaf), ...(node.more ? [node.more] : [])];
      case 'message':
        return [...(node.lines ?? []).map((line): ConsentNode => ({ kind: 'leaf', label: line })), ...(node.error ? [retryLeaf()] : [])];
      default:
        return [];
    }
  }

  private aisParams(consent: ConsentRecord): Record<string, string> {
    return { 'X-BicFi': consent.bicFi, 'Consent-ID': consent.consentId };
  }

  private async accountsOf(consent: ConsentRecord): Promise<ConsentNode[]> {
    if (consent.status !== 'valid') {
      const title = vscode.l10n.t('Authorise');
      return [{ kind: 'message', label: notUsableText(consent.status), command: { command: 'openPayments.consents.authorise', title, arguments: [{ kind: 'consent', consent }] } }];
    }
    const ahead = this.takePrefetched(consent);
    const finishedBefore = ahead?.settled === true;
    let loaded = ahead ? await ahead.loading : await this.loadAccounts(consent, this.signal);
    // A load ahead that did not work out (hidden view, a failure) is made again, as the expansion asked for it.
    if (ahead && !loaded.ok && !ahead.refreshed) loaded = await this.loadAccounts(consent, this.signal);
    else if (ahead && finishedBefore && !ahead.refreshed) this.refreshAccounts(consent);
    if (!loaded.ok) return [errorNode(loaded.message)];
    if (!loaded.value.length) return [{ kind: 'message', label: vscode.l10n.t('This consent gives access to no accounts.') }];
    return loaded.value.map((account) => ({ kind: 'account', consent, account }));
  }

  private loadAccounts(consent: ConsentRecord, signal: AbortSignal): Promise<Loaded<Account[]>> {
    return this.loader.load('getAccountList', { ...this.aisParams(consent), withBalance: 'true' }, (body) => parseAccounts(body), consent.context, signal);
  }

  private async balancesOf(consent: ConsentRecord, account: Account): Promise<ConsentNode[]> {
    const loaded = await this.loader.load('getBalances', { ...this.aisParams(consent), 'account-id': account.resourceId }, parseBalances, consent.context, this.signal);
    if (!loaded.ok) return [errorNode(loaded.message)];
    return loaded.value.map((balance: Balance) => ({ kind: 'leaf', label: balance.type, description: formatAmount(balance.amount), icon: 'symbol-number' }));
  }

  private async transactionsOf(consent: ConsentRecord, account: Account, query: Record<string, string>, period: Period): Promise<ConsentNode[]> {
    const loaded = await this.loader.load('getTransactionList', { ...this.aisParams(consent), 'account-id': account.resourceId, ...query }, parseTransactions, consent.context, this.signal);
    if (!loaded.ok) return [errorNode(loaded.message)];
    const page = loaded.value;
    const more: ConsentNode | undefined = page.next ? { kind: 'more', consent, account, next: page.next, period } : undefined;
    return [
      { kind: 'transactionGroup', label: vscode.l10n.t('Booked'), items: page.booked, more },
      { kind: 'transactionGroup', label: vscode.l10n.t('Pending'), items: page.pending },
    ];
  }

  override dispose(): void {
    this.abortPrefetches();
    this.loads.controller.abort();
    super.dispose();
  }
}

/**
 * The first sentence says what failed; the others (what to do, the X-Request-ID) are rows under it, then a
 * Retry row, so the whole message reads in the tree without hovering.
 */
function errorNode(message: string): ConsentNode {
  const [first = message, ...rest] = sentences(message);
  return { kind: 'message', label: first, lines: rest, error: true, command: retryCommand() };
}

function retryCommand(): vscode.Command {
  return { command: 'openPayments.consents.refresh', title: vscode.l10n.t('Retry') };
}

function retryLeaf(): ConsentNode {
  return { kind: 'leaf', label: vscode.l10n.t('Retry'), icon: 'refresh', command: retryCommand() };
}

function transactionLeaf(t: Transaction): ConsentNode {
  return {
    kind: 'leaf',
    label: [t.date, formatAmount(t.amount)].filter(Boolean).join(' · '),
    description: t.counterparty ?? t.remittance,
    tooltip: [t.id, t.counterparty, t.remittance].filter(Boolean).join('\n'),
    icon: t.amount.amount.startsWith('-') ? 'arrow-up' : 'arrow-down',
  };
}

/** The query of a `_links.next` href, so the next page is an ordinary catalogue request. */
function queryOf(next: string, period: Period): Record<string, string> {
  const url = new URL(next, 'http://link.invalid');
  const query: Record<string, string> = { bookingStatus: 'both', dateFrom: period.dateFrom };
  for (const [name, value] of url.searchParams) query[name] = value;
  return query;
}

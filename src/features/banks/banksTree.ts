// The Banks view: countries → ASPSPs → their details, loaded lazily, with errors shown as items that retry.
import * as vscode from 'vscode';
import type { AspspDetails } from '../../client/models/aspspModels';
import type { PaymentStore } from '../../client/payments/paymentRecords';
import type { ActiveEnvironment } from '../../host/activeEnvironment';
import type { BankDirectory } from '../../host/bankDirectory';
import { Disposable } from '../../host/disposable';
import type { BankNode } from '../../host/treeNodes';
import { sentences, shortened } from '../../client/text/treeText';
import { paymentSettlement } from '../../client/sca/statusRules';

/**
 * Bank names longer than this are shortened in the row, so the BIC beside them stays visible in a sidebar of
 * the default width; the tooltip has the whole name.
 */
const BANK_NAME_MAX = 28;

const SETTLEMENT_ICONS: Readonly<Record<ReturnType<typeof paymentSettlement>, string>> = { settled: 'pass', ended: 'error', open: 'clock' };


export class BanksTreeProvider extends Disposable implements vscode.TreeDataProvider<BankNode> {
  private readonly changed = this._register(new vscode.EventEmitter<BankNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  /** Nodes by id, so Find Bank can reveal the very objects the tree shows. */
  private readonly nodes = new Map<string, BankNode>();

  constructor(
    private readonly directory: BankDirectory,
    private readonly payments: PaymentStore,
    private readonly environment: ActiveEnvironment,
  ) {
    super();
    this._register(
      directory.onDidChange(() => {
        this.nodes.clear();
        this.changed.fire(undefined);
      }),
    );
    // New payments and status changes show under their bank without reloading the directory.
    this._register(payments.onDidChange(() => this.changed.fire(undefined)));
  }

  getTreeItem(node: BankNode): vscode.TreeItem {
    switch (node.kind) {
      case 'country': {
        const item = new vscode.TreeItem(node.country.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = node.country.isoCountryCode;
        item.iconPath = new vscode.ThemeIcon('globe');
        item.contextValue = 'openPayments.country';
        return item;
      }
      case 'bank': {
        const item = new vscode.TreeItem(shortened(node.bank.name, BANK_NAME_MAX), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = node.bank.bicFi;
        item.tooltip = vscode.l10n.t('{0} (BIC {1})', node.bank.name, node.bank.bicFi);
        item.iconPath = new vscode.ThemeIcon('organization');
        item.contextValue = 'openPayments.bank';
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, node.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = node.description;
        item.tooltip = node.description ? `${node.label}: ${node.description}` : node.label;
        return item;
      }
      case 'payments': {
        const count = this.payments.list(this.environment.state.id, node.bicFi).length;
        const item = new vscode.TreeItem(vscode.l10n.t('Payments'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon('credit-card');
        return item;
      }
      case 'payment': {
        const p = node.payment;
        const item = new vscode.TreeItem([p.amount, p.creditorName].filter(Boolean).join(' → ') || p.paymentId, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = `${p.status} · ${p.paymentProduct}`;
        item.tooltip = vscode.l10n.t('Payment {0} ({1}), status {2}, created {3}', p.paymentId, p.paymentProduct, p.status, p.createdAt);
        item.iconPath = new vscode.ThemeIcon(SETTLEMENT_ICONS[paymentSettlement(p.status)]);
        item.contextValue = 'openPayments.payment';
        return item;
      }
      case 'error': {
        // The first sentence says what failed; the rest (what to do, the X-Request-ID) are rows under it, so the
        // whole message reads in the tree without hovering.
        const [first = node.message] = sentences(node.message);
        const item = new vscode.TreeItem(first, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.tooltip = `${node.message}\n${vscode.l10n.t('Select to retry.')}`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.contextValue = 'openPayments.error';
        item.command = retryCommand();
        return item;
      }
      case 'retry': {
        const item = new vscode.TreeItem(vscode.l10n.t('Retry'), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('refresh');
        item.command = retryCommand();
        return item;
      }
      case 'empty': {
        const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        return item;
      }
    }
  }

  async getChildren(node?: BankNode): Promise<BankNode[]> {
    // Without credentials or with invalid hosts nothing can load: no rows, so the view's welcome says what to do.
    // The directory announces the change once they are set, and the tree loads then.
    if (!node) return this.canLoad() ? this.countries() : [];
    if (node.kind === 'country') return this.banksOf(node);
    if (node.kind === 'bank') return this.detailsOf(node);
    if (node.kind === 'detail') return [...(node.children ?? [])];
    if (node.kind === 'error') {
      const rest = sentences(node.message).slice(1);
      return [
        ...rest.map((line, index): BankNode => ({ kind: 'detail', id: `${node.id}:line${index}`, label: line, parent: node })),
        { kind: 'retry', id: `${node.id}:retry`, parent: node },
      ];
    }
    if (node.kind === 'payments') {
      return this.payments.list(this.environment.state.id, node.bicFi).map((payment) => ({ kind: 'payment', id: `${node.id}:${payment.paymentId}`, payment, parent: node }));
    }
    return [];
  }

  getParent(node: BankNode): BankNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  private canLoad(): boolean {
    const state = this.environment.state;
    return state.hasCredentials && state.resolution.ok;
  }

  /** The tree node for a bank of a country, loading that country's banks if needed (for reveal). */
  async findBank(isoCountryCode: string, bicFi: string): Promise<BankNode | undefined> {
    const countries = await this.countries();
    const country = countries.find(
      (c): c is Extract<BankNode, { kind: 'country' }> => c.kind === 'country' && c.country.isoCountryCode === isoCountryCode,
    );
    if (!country) return undefined;
    const banks = await this.banksOf(country);
    return banks.find((b) => b.kind === 'bank' && b.bank.bicFi === bicFi);
  }

  private remember<T extends BankNode>(node: T): T {
    const existing = this.nodes.get(node.id) as T | undefined;
    if (existing) return existing;
    this.nodes.set(node.id, node);
    return node;
  }

  private async countries(): Promise<BankNode[]> {
    const loaded = await this.directory.countries();
    if (!loaded.ok) return [{ kind: 'error', id: 'error:countries', message: loaded.message }];
    if (!loaded.value.length) return [{ kind: 'empty', id: 'empty:countries', message: vscode.l10n.t('This environment lists no countries.') }];
    return loaded.value.map((country) => this.remember({ kind: 'country', id: `country:${country.isoCountryCode}`, country }));
  }

  private async banksOf(node: Extract<BankNode, { kind: 'country' }>): Promise<BankNode[]> {
    const loaded = await this.directory.aspsps(node.country.isoCountryCode);
    if (!loaded.ok) return [{ kind: 'error', id: `error:${node.id}`, message: loaded.message, parent: node }];
    if (!loaded.value.length) return [{ kind: 'empty', id: `empty:${node.id}`, message: vscode.l10n.t('No banks in {0}.', node.country.name), parent: node }];
    return loaded.value.map((bank) => this.remember({ kind: 'bank', id: `bank:${node.country.isoCountryCode}:${bank.bicFi}`, bank, parent: node }));
  }

  private async detailsOf(node: Extract<BankNode, { kind: 'bank' }>): Promise<BankNode[]> {
    const loaded = await this.directory.details(node.bank.bicFi);
    if (!loaded.ok) return [{ kind: 'error', id: `error:${node.id}`, message: loaded.message, parent: node }];
    const payments: BankNode[] = this.payments.list(this.environment.state.id, node.bank.bicFi).length
      ? [{ kind: 'payments', id: `${node.id}:payments`, bicFi: node.bank.bicFi, parent: node }]
      : [];
    return [...payments, ...detailNodes(node, loaded.value)];
  }

}

function retryCommand(): vscode.Command {
  return { command: 'openPayments.banks.refresh', title: vscode.l10n.t('Retry') };
}

function detailNodes(parent: BankNode, details: AspspDetails): BankNode[] {
  const id = (suffix: string) => `${parent.id}:${suffix}`;
  const none = vscode.l10n.t('none listed');
  const nodes: BankNode[] = [
    { kind: 'detail', id: id('products'), label: vscode.l10n.t('Payment products'), description: details.paymentProducts.join(', ') || none, parent },
    { kind: 'detail', id: id('methods'), label: vscode.l10n.t('Authorisation methods'), description: details.authorizationMethods.join(', ') || none, parent },
  ];
  const affiliated: BankNode = {
    kind: 'detail',
    id: id('affiliated'),
    label: vscode.l10n.t('Affiliated ASPSPs'),
    description: details.affiliatedAspsps.length ? String(details.affiliatedAspsps.length) : none,
    parent,
    children: [],
  };
  const children = details.affiliatedAspsps.map((a): BankNode => ({ kind: 'detail', id: `${affiliated.id}:${a.id}`, label: a.name, description: a.id, parent: affiliated }));
  nodes.push({ ...affiliated, children });
  const where = [details.city, details.country].filter(Boolean).join(', ');
  if (where) nodes.push({ kind: 'detail', id: id('where'), label: vscode.l10n.t('Location'), description: where, parent });
  return nodes;
}

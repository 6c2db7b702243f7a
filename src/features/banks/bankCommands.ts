// Commands of the Banks view: refresh, Find Bank…, Show Details, Create Consent….
import * as vscode from 'vscode';
import type { Country } from '../../client/models/aspspModels';
import type { BankNode } from '../../host/treeNodes';
import type { BanksTreeProvider } from './banksTree';
import type { Host } from '../../host/host';

type BankItem = Extract<BankNode, { kind: 'bank' }>;

interface FoundBank extends vscode.QuickPickItem {
  readonly id: string;
  readonly bicFi: string;
}

export class BankCommands {
  constructor(
    private readonly host: Pick<Host, 'directory' | 'environment' | 'memory' | 'prompter' | 'runner'>,
    private readonly tree: BanksTreeProvider,
    private readonly view: vscode.TreeView<BankNode>,
  ) {}

  /**
   * Searches every bank of the environment by name or BIC, then reveals it in the tree. The picker opens after
   * two requests (all banks, all countries) however many countries there are; where the picked bank lives is
   * asked only for that bank.
   */
  async find(): Promise<string | undefined> {
    const [all, countries] = await Promise.all([this.host.directory.aspsps(), this.host.directory.countries()]);
    if (!all.ok) {
      void vscode.window.showErrorMessage(all.message);
      return undefined;
    }
    const items: FoundBank[] = all.value.map((bank) => ({ id: bank.bicFi, bicFi: bank.bicFi, label: bank.name, description: bank.bicFi }));
    const picked = await this.host.prompter.pick(items, {
      title: vscode.l10n.t('Find Bank'),
      placeHolder: vscode.l10n.t('Type a bank name or BIC ({0} banks)', items.length),
      matchOnDescription: true,
    });
    if (!picked) return undefined;
    await this.host.memory.remember(this.host.environment.state.id, { 'X-BicFi': picked.bicFi, bicFi: picked.bicFi });
    const isoCountryCode = countries.ok ? await this.countryOf(picked.bicFi, countries.value) : undefined;
    if (isoCountryCode) {
      const node = await this.tree.findBank(isoCountryCode, picked.bicFi);
      if (node) await this.view.reveal(node, { select: true, focus: true, expand: true });
    }
    return picked.bicFi;
  }

  /** The bank's details name its country; failing that, the country lists (cached) are searched one by one. */
  private async countryOf(bicFi: string, countries: readonly Country[]): Promise<string | undefined> {
    const details = await this.host.directory.details(bicFi);
    const name = details.ok ? details.value.country?.trim().toLowerCase() : undefined;
    const named = name ? countries.find((c) => c.name.toLowerCase() === name || c.isoCountryCode.toLowerCase() === name) : undefined;
    if (named) return named.isoCountryCode;
    for (const country of countries) {
      const banks = await this.host.directory.aspsps(country.isoCountryCode);
      if (banks.ok && banks.value.some((bank) => bank.bicFi === bicFi)) return country.isoCountryCode;
    }
    return undefined;
  }

  async showDetails(node?: BankNode): Promise<void> {
    const bicFi = await this.bicOf(node);
    if (!bicFi) return;
    const loaded = await this.host.directory.details(bicFi);
    if (loaded.ok) this.host.runner.show(loaded.record);
    else void vscode.window.showErrorMessage(loaded.message);
  }

  /** On a bank's item, that bank; otherwise Create Consent asks which bank, offering the selected one first. */
  async createConsent(node?: BankNode): Promise<unknown> {
    return node?.kind === 'bank'
      ? vscode.commands.executeCommand('openPayments.consents.create', node.bank.bicFi)
      : vscode.commands.executeCommand('openPayments.consents.create');
  }

  private async bicOf(node: BankNode | undefined): Promise<string | undefined> {
    if (node?.kind === 'bank') return node.bank.bicFi;
    const selected = this.view.selection.find((n): n is BankItem => n.kind === 'bank');
    return selected?.bank.bicFi ?? this.find();
  }
}

/** What a selected bank prefills in Send Request…: X-BicFi; a selected payment also its id, product and service. */
export function bankSelectionParams(node: BankNode): Readonly<Record<string, string | undefined>> | undefined {
  if (node.kind === 'bank') return { 'X-BicFi': node.bank.bicFi, bicFi: node.bank.bicFi };
  if (node.kind !== 'payment') return undefined;
  const { payment } = node;
  return {
    'X-BicFi': payment.bicFi,
    bicFi: payment.bicFi,
    paymentId: payment.paymentId,
    'payment-product': payment.paymentProduct,
    'payment-service': payment.paymentService,
  };
}

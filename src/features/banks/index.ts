// The Banks feature: the directory's tree by country and bank (with the payments made at each), Find Bank, bank
// details, and Create Consent on a bank. It tells the host which bank is selected.
import * as vscode from 'vscode';
import { countTreeUse, registerCommands } from '../../host/commands';
import { BANKS_VIEW_ID } from '../../host/bankDirectory';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import type { BankNode } from '../../host/treeNodes';
import { BankCommands, bankSelectionParams } from './bankCommands';
import { BanksTreeProvider } from './banksTree';

export interface BanksFeature extends vscode.Disposable {
  readonly tree: BanksTreeProvider;
}

export function register(host: Host): BanksFeature {
  const group = new DisposableGroup();
  const tree = group.add(new BanksTreeProvider(host.directory, host.payments, host.environment));
  const view = group.add(vscode.window.createTreeView(BANKS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }));
  group.add(countTreeUse(view, host.activity));
  group.add(host.bankSelection.provide(() => bankOf(view.selection[0])));
  const commands = new BankCommands(host, tree, view);
  group.add(host.memory.followSelection(view, () => host.environment.state.id, bankSelectionParams));
  group.add(
    registerCommands({
      'openPayments.banks.refresh': () => host.directory.refresh(),
      'openPayments.banks.find': () => commands.find(),
      'openPayments.banks.showDetails': (node?: BankNode) => commands.showDetails(node),
      'openPayments.banks.createConsent': (node?: BankNode) => commands.createConsent(node),
    }, host.activity),
  );
  return { tree, dispose: () => group.dispose() };
}

/** The BIC of what is selected: the bank itself, or the bank a detail or payment is under. */
function bankOf(selected: BankNode | undefined): string | undefined {
  for (let node = selected; node; node = 'parent' in node ? node.parent : undefined) {
    if (node.kind === 'bank') return node.bank.bicFi;
  }
  return undefined;
}

// The Consents & Accounts feature: the consents of the active environment with their accounts, balances and
// transactions, and the commands on them (status, delete, another period). Authorising lives in the SCA feature.
import * as vscode from 'vscode';
import { countTreeUse, registerCommands } from '../../host/commands';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import type { ConsentNode } from '../../host/treeNodes';
import { ViewLoader } from '../../host/viewLoader';
import { ConsentCommands, consentSelectionParams } from './consentCommands';
import { CONSENTS_VIEW_ID, ConsentsTreeProvider } from './consentsTree';

export interface ConsentsFeature extends vscode.Disposable {
  readonly tree: ConsentsTreeProvider;
}

export function register(host: Host): ConsentsFeature {
  const group = new DisposableGroup();
  const tree = group.add(new ConsentsTreeProvider(host.consents, host.environment, new ViewLoader(host.runner, host.environment, CONSENTS_VIEW_ID)));
  const view = group.add(vscode.window.createTreeView(CONSENTS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }));
  group.add(countTreeUse(view, host.activity));
  group.add(tree.followVisibility(view));
  const commands = new ConsentCommands(host, tree);
  group.add(host.memory.followSelection(view, () => host.environment.state.id, consentSelectionParams));
  group.add(
    registerCommands({
      'openPayments.consents.refresh': () => tree.refresh(),
      'openPayments.consents.status': (node?: ConsentNode) => commands.status(node),
      'openPayments.consents.delete': (node?: ConsentNode) => commands.delete(node),
      'openPayments.consents.transactionsForPeriod': (node?: ConsentNode) => commands.period(node),
    }, host.activity),
  );
  return { tree, dispose: () => group.dispose() };
}

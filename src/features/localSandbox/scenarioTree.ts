// The Local Sandbox view: the scenarios an integrator triggers against the local sandbox, grouped by what they
// change. Static: every item runs one of the feature's commands, which asks for what it needs.
import * as vscode from 'vscode';

export const LOCAL_SANDBOX_VIEW_ID = 'openPayments.localSandbox';

export interface ScenarioNode {
  readonly label: string;
  readonly icon: string;
  /** Groups have actions; actions have the command they run. */
  readonly actions?: readonly ScenarioNode[];
  readonly command?: string;
}

const action = (label: string, command: string, icon: string): ScenarioNode => ({ label, command: `openPayments.localSandbox.${command}`, icon });

export function scenarioGroups(): readonly ScenarioNode[] {
  const t = vscode.l10n.t;
  return [
    { label: t('Consents'), icon: 'shield', actions: [action(t('Expire a Consent…'), 'expireConsent', 'watch'), action(t('Revoke a Consent…'), 'revokeConsent', 'circle-slash')] },
    {
      label: t('Authorisations'),
      icon: 'device-mobile',
      actions: [action(t('Approve a Decoupled Authorisation…'), 'approveAuthorisation', 'pass'), action(t('Deny a Decoupled Authorisation…'), 'denyAuthorisation', 'error')],
    },
    { label: t('Payments'), icon: 'credit-card', actions: [action(t('Settle a Payment…'), 'settlePayment', 'check-all'), action(t('Reject a Payment…'), 'rejectPayment', 'close')] },
    { label: t('Faults'), icon: 'zap', actions: [action(t('Inject a Fault…'), 'injectFault', 'debug-disconnect'), action(t('Clear All Faults'), 'clearFaults', 'clear-all')] },
    { label: t('Sandbox'), icon: 'beaker', actions: [action(t('Reset the Sandbox…'), 'reset', 'discard')] },
  ];
}

export class ScenarioTreeProvider implements vscode.TreeDataProvider<ScenarioNode> {
  private readonly groups = scenarioGroups();

  getChildren(node?: ScenarioNode): ScenarioNode[] {
    return [...(node ? (node.actions ?? []) : this.groups)];
  }

  getTreeItem(node: ScenarioNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.actions ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.command) item.command = { command: node.command, title: node.label };
    return item;
  }
}

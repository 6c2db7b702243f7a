// The History view (openPayments.history): the last calls, newest first, each with its status, time and
// X-Request-ID; selecting one opens its stored response.
import * as vscode from 'vscode';
import { HISTORY_COMMANDS } from './historyCommandIds';
import type { HistoryEntry } from '../../client/history/historyEntry';
import type { HistoryStore } from '../../client/history/historyStore';
import { countTreeUse, type UseSignal } from '../../host/commands';
import type { HistorySettings } from '../../host/settings/historySettings';
import { clockTime, entryDescription, entryLabel, environmentLabel, outcome } from './historyLabels';

export const HISTORY_VIEW_ID = 'openPayments.history';

export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HistoryEntry | undefined>();
  private readonly subscription: { dispose(): void };
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: HistoryStore,
    private readonly settings: Pick<HistorySettings, 'onDidChangeMaxEntries'>,
  ) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  /**
   * Registers the view and applies the cap now (sweeping files a crash or another version left) and again as
   * soon as the setting changes.
   */
  register(use: UseSignal): vscode.Disposable {
    void this.store.prune();
    const view = vscode.window.createTreeView(HISTORY_VIEW_ID, { treeDataProvider: this });
    return vscode.Disposable.from(
      this,
      view,
      countTreeUse(view, use),
      this.settings.onDidChangeMaxEntries(() => void this.store.prune()),
    );
  }

  getChildren(element?: HistoryEntry): HistoryEntry[] {
    return element ? [] : [...this.store.entries()];
  }

  getTreeItem(entry: HistoryEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(entryLabel(entry), vscode.TreeItemCollapsibleState.None);
    item.id = entry.id;
    item.description = entryDescription(entry);
    item.iconPath =
      entry.failureKind !== undefined
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'))
        : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    item.contextValue = ['historyEntry', entry.requestId ? 'hasRequestId' : '', entry.replay ? 'replayable' : ''].filter(Boolean).join(' ');
    item.command = { command: HISTORY_COMMANDS.openResponse, title: vscode.l10n.t('Open Response'), arguments: [entry] };
    item.accessibilityInformation = { label: `${entryLabel(entry)}, ${outcome(entry)}, ${clockTime(entry.time)}` };
    return item;
  }

  /**
   * The tooltip, when a row is hovered: its local date format loads ICU data on first use (20-40 ms), which
   * made listing every entry slow right after a first request.
   */
  resolveTreeItem(item: vscode.TreeItem, entry: HistoryEntry): vscode.TreeItem {
    item.tooltip = tooltipOf(entry);
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function tooltipOf(entry: HistoryEntry): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.isTrusted = false;
  const lines = [
    `${entry.method} ${entry.pathAndQuery}`,
    vscode.l10n.t('X-Request-ID: {0}', entry.requestId ?? vscode.l10n.t('none (not sent)')),
    ...(entry.attemptRequestIds.length > 1 ? [vscode.l10n.t('Attempts: {0}', entry.attemptRequestIds.join(', '))] : []),
    vscode.l10n.t('Environment: {0}', environmentLabel(entry.environmentId)),
    vscode.l10n.t('Time: {0}', new Date(entry.time).toLocaleString()),
    ...(entry.durationMs !== undefined ? [vscode.l10n.t('Duration: {0} ms', entry.durationMs)] : []),
  ];
  lines.forEach((line, index) => {
    if (index > 0) tooltip.appendMarkdown('  \n');
    tooltip.appendText(line);
  });
  return tooltip;
}

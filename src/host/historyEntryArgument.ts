// The History entry a command acts on: the one its argument names (a History item, { id }), or, from the
// Command Palette, one the user picks. Shared by History's own commands and those of other features that act
// on History entries (Copy as Code), so each says the same when the entry is gone.
import * as vscode from 'vscode';
import type { HistoryEntry } from '../client/history/historyEntry';
import type { HistoryStore } from '../client/history/historyStore';
import type { Prompter } from './prompter';

export interface EntryPick {
  readonly placeHolder: string;
  /** What to say when History is empty, so nothing can be picked. */
  readonly empty: string;
  /** How an entry reads in the pick. */
  readonly item: (entry: HistoryEntry) => vscode.QuickPickItem;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
}

export async function historyEntryFor(
  history: Pick<HistoryStore, 'get' | 'entries'>,
  prompter: Pick<Prompter, 'pick'>,
  arg: unknown,
  pick: EntryPick,
): Promise<HistoryEntry | undefined> {
  if (typeof arg === 'object' && arg !== null && typeof (arg as { id?: unknown }).id === 'string') {
    const entry = history.get((arg as { id: string }).id);
    if (!entry) void vscode.window.showInformationMessage(vscode.l10n.t('That request is no longer in the history.'));
    return entry;
  }
  const entries = history.entries();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(pick.empty);
    return undefined;
  }
  const items = entries.map((entry) => ({ ...pick.item(entry), entry }));
  const options = {
    placeHolder: pick.placeHolder,
    ...(pick.matchOnDescription ? { matchOnDescription: true } : {}),
    ...(pick.matchOnDetail ? { matchOnDetail: true } : {}),
  };
  return (await prompter.pick(items, options))?.entry;
}

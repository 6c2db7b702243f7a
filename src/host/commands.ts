// Registers a feature's commands from one table, id to handler, so a feature's register(host) lists its
// commands in one place and releases them together. Each run counts as a use of the extension, at its start
// and at its end, so work that waits for a pause in the user's clicking (see QuietMoment) waits for it too.
import * as vscode from 'vscode';

/** A command's handler; VS Code passes what the menu or the caller gives (a tree node, an argument, nothing). */
export type CommandHandler = (...args: never[]) => unknown;

/** Told of each use of the extension (the host's QuietMoment). */
export interface UseSignal {
  used(): void;
}

export function registerCommands(table: Readonly<Record<string, CommandHandler>>, use: UseSignal): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(table).map(([id, handler]) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        use.used();
        const result = (handler as (...args: unknown[]) => unknown)(...args);
        if (result instanceof Promise) void result.finally(() => use.used()).catch(() => undefined);
        return result;
      }),
    ),
  );
}

/** Counts expanding, collapsing and selecting in one of our tree views as a use of the extension. */
export function countTreeUse(view: vscode.TreeView<unknown>, use: UseSignal): vscode.Disposable {
  const used = () => use.used();
  return vscode.Disposable.from(view.onDidExpandElement(used), view.onDidCollapseElement(used), view.onDidChangeSelection(used));
}

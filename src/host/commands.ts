// Registers a feature's commands from one table, id to handler, so a feature's register(host) lists its
// commands in one place and releases them together.
import * as vscode from 'vscode';

/** A command's handler; VS Code passes what the menu or the caller gives (a tree node, an argument, nothing). */
export type CommandHandler = (...args: never[]) => unknown;

export function registerCommands(table: Readonly<Record<string, CommandHandler>>): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown)),
  );
}

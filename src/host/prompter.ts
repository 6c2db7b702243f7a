// Questions to the user go through this interface so commands can be driven by scripted answers in the
// extension-host tests (the real input box is exercised by the UI tests).
import * as vscode from 'vscode';

export interface Prompter {
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  /** A modal confirmation; resolves true only when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Thenable<boolean>;
}

export class WindowPrompter implements Prompter {
  input(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    return vscode.window.showInputBox(options);
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
    return vscode.window.showQuickPick(items, options);
  }

  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined> {
    return vscode.window.showQuickPick(items, { ...options, canPickMany: true });
  }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return answer === action;
  }
}

/** Forwards to the window, or to a scripted prompter while a test has put one in place. */
export class SwitchablePrompter implements Prompter {
  private override: Prompter | undefined;

  constructor(private readonly fallback: Prompter) {}

  use(prompter: Prompter): vscode.Disposable {
    this.override = prompter;
    return new vscode.Disposable(() => {
      if (this.override === prompter) this.override = undefined;
    });
  }

  private get active(): Prompter {
    return this.override ?? this.fallback;
  }

  input(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    return this.active.input(options);
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
    return this.active.pick(items, options);
  }

  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined> {
    return this.active.pickMany(items, options);
  }

  confirm(message: string, detail: string, action: string): Thenable<boolean> {
    return this.active.confirm(message, detail, action);
  }
}

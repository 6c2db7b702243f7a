// The window's file dialogs behind an interface, as the prompter is for questions, so a command that asks for a
// file or folder can be driven by scripted answers in the extension-host tests.
import * as vscode from 'vscode';

export interface FileDialogs {
  open(options: vscode.OpenDialogOptions): Thenable<readonly vscode.Uri[] | undefined>;
}

export class WindowFileDialogs implements FileDialogs {
  open(options: vscode.OpenDialogOptions): Thenable<readonly vscode.Uri[] | undefined> {
    return vscode.window.showOpenDialog(options);
  }
}

/** Forwards to the window, or to scripted dialogs while a test has put them in place. */
export class SwitchableFileDialogs implements FileDialogs {
  private override: FileDialogs | undefined;

  constructor(private readonly fallback: FileDialogs) {}

  use(dialogs: FileDialogs): vscode.Disposable {
    this.override = dialogs;
    return new vscode.Disposable(() => {
      if (this.override === dialogs) this.override = undefined;
    });
  }

  open(options: vscode.OpenDialogOptions): Thenable<readonly vscode.Uri[] | undefined> {
    return (this.override ?? this.fallback).open(options);
  }
}

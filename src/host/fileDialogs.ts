// The window's open-file dialog behind an interface, as the prompter is for questions, so a command that asks for
// a file or folder can be driven by scripted answers in the extension-host tests.
import * as vscode from 'vscode';

export interface FileDialogs {
  open(options: vscode.OpenDialogOptions): Thenable<readonly vscode.Uri[] | undefined>;
}

/** The window's dialog, or scripted dialogs while a test has put them in place. */
export class SwitchableFileDialogs implements FileDialogs {
  private override: FileDialogs | undefined;

  use(dialogs: FileDialogs): vscode.Disposable {
    this.override = dialogs;
    return new vscode.Disposable(() => {
      if (this.override === dialogs) this.override = undefined;
    });
  }

  open(options: vscode.OpenDialogOptions): Thenable<readonly vscode.Uri[] | undefined> {
    return this.override ? this.override.open(options) : vscode.window.showOpenDialog(options);
  }
}

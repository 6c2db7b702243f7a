// Which bank the user has selected in the Banks view, for commands of other features that ask for a bank (the
// SCA commands offer it first). The Banks view provides it; the host only relays it.
import type * as vscode from 'vscode';

export class BankSelection {
  private source: (() => string | undefined) | undefined;

  /** Makes `source` the answer to selectedBic() until the returned disposable is disposed. */
  provide(source: () => string | undefined): vscode.Disposable {
    this.source = source;
    return { dispose: () => (this.source = this.source === source ? undefined : this.source) };
  }

  /** The BIC of the bank selected, or undefined when none is (or the Banks view is not registered). */
  selectedBic(): string | undefined {
    return this.source?.();
  }
}

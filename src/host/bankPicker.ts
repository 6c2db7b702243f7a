// Asks which bank a command is for, from every bank of the environment, offering the bank selected in the
// Banks view first: a command run from the Command Palette never takes that selection silently.
import * as vscode from 'vscode';
import type { BankDirectory } from './bankDirectory';
import type { BankSelection } from './bankSelection';
import type { Prompter } from './prompter';

interface BankItem extends vscode.QuickPickItem {
  readonly id: string;
  readonly bicFi: string;
}

export class BankPicker {
  constructor(
    private readonly directory: BankDirectory,
    private readonly selection: Pick<BankSelection, 'selectedBic'>,
    private readonly prompter: Prompter,
  ) {}

  /** The BIC of the bank picked, or undefined when the user escaped or the banks could not be listed (reported). */
  async pick(title: string): Promise<string | undefined> {
    const all = await this.directory.aspsps();
    if (!all.ok) {
      void vscode.window.showErrorMessage(all.message);
      return undefined;
    }
    const items: BankItem[] = all.value.map((bank) => ({ id: bank.bicFi, bicFi: bank.bicFi, label: bank.name, description: bank.bicFi }));
    const selected = this.selection.selectedBic();
    const first = items.find((item) => item.bicFi === selected);
    // The first item is the active one, so Enter takes the selected bank, and saying so tells why it is first.
    const ordered = first
      ? [{ ...first, description: vscode.l10n.t('{0} · selected in the Banks view', first.bicFi) }, ...items.filter((item) => item !== first)]
      : items;
    const picked = await this.prompter.pick(ordered, {
      title,
      placeHolder: vscode.l10n.t('Type a bank name or BIC ({0} banks)', items.length),
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    return picked?.bicFi;
  }
}

// Set / Clear Client Certificate Passphrase: the production .pfx passphrase lives only in SecretStorage.
import * as vscode from 'vscode';
import type { SecretStore } from '../auth/credentialStore';
import type { Redactor } from '../core/redaction';
import { CERTIFICATE_PASSPHRASE_KEY } from '../platform/httpSession';
import type { Prompter } from '../platform/prompter';

export class CertificateCommands {
  constructor(
    private readonly secrets: SecretStore,
    private readonly prompter: Prompter,
    private readonly redactor: Redactor,
  ) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.commands.registerCommand('openPayments.setCertificatePassphrase', () => this.set()),
      vscode.commands.registerCommand('openPayments.clearCertificatePassphrase', () => this.clear()),
    );
  }

  async set(): Promise<boolean> {
    const passphrase = await this.prompter.input({
      title: vscode.l10n.t('Client Certificate Passphrase'),
      prompt: vscode.l10n.t('Enter the passphrase of the .pfx client certificate from the Developer Portal. It is kept only in VS Code\'s secret storage.'),
      password: true,
      ignoreFocusOut: true,
    });
    if (passphrase === undefined) return false;
    this.redactor.addSecret(passphrase);
    await this.secrets.store(CERTIFICATE_PASSPHRASE_KEY, passphrase);
    void vscode.window.showInformationMessage(vscode.l10n.t('The client certificate passphrase is saved in VS Code\'s secret storage.'));
    return true;
  }

  async clear(): Promise<void> {
    await this.secrets.delete(CERTIFICATE_PASSPHRASE_KEY);
    void vscode.window.showInformationMessage(vscode.l10n.t('The client certificate passphrase was removed.'));
  }
}

// Set / Clear Client Certificate Passphrase: the production .pfx passphrase lives only in SecretStorage.
import * as vscode from 'vscode';
import { PASSPHRASE_MIN_LENGTH } from '../../client/redaction/secretInput';
import { CERTIFICATE_PASSPHRASE_KEY } from '../../host/httpSession';
import { secretWriteSucceeded } from '../../host/secretWrite';
import { askSecret } from './secretInputMessage';
import type { Host } from '../../host/host';

export class CertificateCommands {
  constructor(
    private readonly host: Pick<Host, 'logger' | 'prompter' | 'redactor' | 'secrets'>,
  ) {}


  async set(): Promise<boolean> {
    const passphrase = await askSecret(this.host.prompter, {
      title: vscode.l10n.t('Client Certificate Passphrase'),
      prompt: vscode.l10n.t('Enter the passphrase of the .pfx client certificate from the Developer Portal. It is kept only in VS Code\'s secret storage.'),
      name: 'passphrase',
      minLength: PASSPHRASE_MIN_LENGTH,
      refused: (reason) => vscode.l10n.t('{0} Nothing was stored. Run "Set Client Certificate Passphrase" again.', reason),
    });
    if (passphrase === undefined) return false;
    this.host.redactor.addSecret(passphrase);
    const stored = await secretWriteSucceeded(
      () => this.host.secrets.store(CERTIFICATE_PASSPHRASE_KEY, passphrase),
      this.host.logger,
      'Storing the client certificate passphrase in secret storage failed',
      vscode.l10n.t('The client certificate passphrase could not be saved in VS Code\'s secret storage. See the Open Payments log, then run "Set Client Certificate Passphrase" again.'),
    );
    if (!stored) return false;
    void vscode.window.showInformationMessage(vscode.l10n.t('The client certificate passphrase is saved in VS Code\'s secret storage.'));
    return true;
  }

  async clear(): Promise<boolean> {
    const removed = await secretWriteSucceeded(
      () => this.host.secrets.delete(CERTIFICATE_PASSPHRASE_KEY),
      this.host.logger,
      'Removing the client certificate passphrase from secret storage failed',
      vscode.l10n.t('The client certificate passphrase could not be removed from VS Code\'s secret storage. See the Open Payments log, then try again.'),
    );
    if (!removed) return false;
    void vscode.window.showInformationMessage(vscode.l10n.t('The client certificate passphrase was removed.'));
    return true;
  }
}

// Forget Everything: removes all that this extension keeps on the machine, after one modal that lists it.
// Secrets (every environment's client credentials, the certificate passphrase), cached tokens and the
// temporary files of large bodies, the consent and payment records, History with its response files, and
// every other globalState key (remembered parameter values included). Settings and the log stay: settings
// are the user's own choices and hold no secret, and the log is VS Code's, written without secrets.
import { rm } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Host } from '../../host/host';
import { CERTIFICATE_PASSPHRASE_KEY } from '../../host/httpSession';

export type ForgetHost = Pick<
  Host,
  'context' | 'credentials' | 'secrets' | 'session' | 'consents' | 'payments' | 'history' | 'globalState' | 'environment' | 'prompter' | 'logger'
>;

export class ForgetEverything {
  constructor(private readonly host: ForgetHost) {}

  /** Returns true when everything was removed. */
  async run(): Promise<boolean> {
    const confirmed = await this.host.prompter.confirm(
      vscode.l10n.t('Forget everything Open Payments keeps on this machine?'),
      vscode.l10n.t(
        'This deletes: the client credentials of every environment (Sandbox, Production, Local Sandbox, Custom); the client certificate passphrase; the cached access tokens; the consents and payments listed in the views; the request History with its stored responses and the temporary files of large response bodies; the parameter values remembered for Send Request. Your settings and the log are kept. This cannot be undone.',
      ),
      vscode.l10n.t('Forget Everything'),
    );
    if (!confirmed) return false;
    const failures: string[] = [];
    const step = async (what: string, work: () => Promise<unknown>): Promise<void> => {
      try {
        await work();
      } catch (error) {
        failures.push(what);
        this.host.logger.error(`Forget Everything: removing ${what} failed`, error);
      }
    };
    // Every step runs even when one fails: a keychain that refuses must not keep History on disk.
    await step('client credentials', () => this.host.credentials.clearAll());
    await step('certificate passphrase', () => Promise.resolve(this.host.secrets.delete(CERTIFICATE_PASSPHRASE_KEY)));
    await step('cached tokens and temporary body files', () => this.host.session.forget());
    await step('consent records', () => this.host.consents.clear());
    await step('payment records', () => this.host.payments.clear());
    await step('history', () => this.host.history.clear());
    await step('stored state', () => this.clearState());
    await step('files in the extension storage', () => this.clearStorageFolder());
    await this.host.environment.refresh();
    if (failures.length > 0) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Not everything could be removed ({0}). The Open Payments log has details; run Forget Everything again.', failures.join(', ')),
      );
      return false;
    }
    this.host.logger.info('Forget Everything: credentials, passphrase, tokens, consents, payments, history and stored state removed.');
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open Payments forgot everything it kept on this machine. Set client credentials again to send requests.'),
    );
    return true;
  }

  /** Every key of the extension's globalState, whoever wrote it, so a key added later cannot be missed. */
  private async clearState(): Promise<void> {
    for (const key of this.host.context.globalState.keys()) await this.host.globalState.update(key, undefined);
  }

  /** History's response files live under globalStorageUri; anything else there (temporary files) goes too. */
  private async clearStorageFolder(): Promise<void> {
    await rm(this.host.context.globalStorageUri.fsPath, { recursive: true, force: true });
  }
}

// Set Client Credentials / Clear Client Credentials for the active environment.
import * as vscode from 'vscode';
import { credentialProblem } from '../../client/auth/credentialStore';
import { ENVIRONMENT_LABELS, type EnvironmentId } from '../../client/environments/environments';
import { CLIENT_SECRET_MIN_LENGTH } from '../../client/redaction/secretInput';
import { secretWriteSucceeded } from '../../host/secretWrite';
import { askSecret } from './secretInputMessage';
import type { Host } from '../../host/host';

export class CredentialsCommands {
  /** What the user typed as client_id before cancelling the secret step, offered again next time. */
  private readonly draftClientIds = new Map<EnvironmentId, string>();

  constructor(
    private readonly host: Pick<Host, 'credentials' | 'environment' | 'logger' | 'prompter'>,
  ) {}


  /** Returns true when new credentials were stored. */
  async setCredentials(): Promise<boolean> {
    const id = this.host.environment.state.id;
    const label = ENVIRONMENT_LABELS[id];
    const existing = await this.host.credentials.get(id);
    const title = vscode.l10n.t('Set Client Credentials for {0}', label);

    const clientId = await this.host.prompter.input({
      title,
      prompt: vscode.l10n.t('Enter the client_id of your Open Payments client (from the Developer Portal).'),
      placeHolder: 'client_id',
      value: this.draftClientIds.get(id) ?? existing?.clientId ?? '',
      ignoreFocusOut: true,
      validateInput: (value) => (credentialProblem(value) ? vscode.l10n.t('The client_id cannot be empty.') : undefined),
    });
    if (clientId === undefined) return false;
    if (credentialProblem(clientId)) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The client_id was empty, so nothing was stored. Run "Set Client Credentials" again and enter the client_id from the Developer Portal.'),
      );
      return false;
    }
    this.draftClientIds.set(id, clientId.trim());

    const clientSecret = await askSecret(this.host.prompter, {
      title,
      prompt: vscode.l10n.t('Enter the client_secret for client {0}. It is kept only in VS Code\'s secret storage.', clientId.trim()),
      placeHolder: 'client_secret',
      name: 'client_secret',
      minLength: CLIENT_SECRET_MIN_LENGTH,
      refused: (reason) => vscode.l10n.t('{0} Nothing was stored and existing credentials were kept. Run "Set Client Credentials" again.', reason),
    });
    if (clientSecret === undefined) return false;

    const stored = await secretWriteSucceeded(
      () => this.host.credentials.set(id, { clientId, clientSecret }),
      this.host.logger,
      `Storing client credentials for ${id} failed`,
      vscode.l10n.t('The client credentials could not be saved in VS Code\'s secret storage. See the Open Payments log for details.'),
    );
    if (!stored) return false;
    this.draftClientIds.delete(id);
    this.host.logger.info(`Client credentials for ${id} stored in secret storage (client_id ${clientId.trim()}).`);
    await this.host.environment.refresh();
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Client credentials for {0} are saved in VS Code\'s secret storage.', label),
    );
    return true;
  }

  /** Returns true when credentials were removed. */
  async clearCredentials(): Promise<boolean> {
    const id = this.host.environment.state.id;
    const label = ENVIRONMENT_LABELS[id];
    if (!(await this.host.credentials.has(id))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no client credentials stored for {0}.', label));
      return false;
    }
    const confirmed = await this.host.prompter.confirm(
      vscode.l10n.t('Remove the client credentials for {0}?', label),
      vscode.l10n.t('Requests to {0} will fail until you set credentials again.', label),
      vscode.l10n.t('Remove'),
    );
    if (!confirmed) return false;
    const removed = await secretWriteSucceeded(
      () => this.host.credentials.clear(id),
      this.host.logger,
      `Removing client credentials for ${id} failed`,
      vscode.l10n.t('The client credentials for {0} could not be removed from VS Code\'s secret storage. See the Open Payments log, then try again.', label),
    );
    if (!removed) return false;
    this.host.logger.info(`Client credentials for ${id} removed from secret storage.`);
    await this.host.environment.refresh();
    void vscode.window.showInformationMessage(vscode.l10n.t('The client credentials for {0} were removed.', label));
    return true;
  }
}

// The actions on History entries: open the stored response, copy the X-Request-ID, send again, copy as cURL
// (with a placeholder, or a live token after a warning), clear. Entries are looked up again by id on every
// action: a command argument can come from anywhere.
import * as vscode from 'vscode';
import type { TokenScope } from '../../client/http/tokenSource';
import { findOperation } from '../../client/catalogue/catalogue';
import { isClientError } from '../../client/errors';
import { isRequestId } from '../../client/http/requestId';
import { type Environment, isEnvironmentId } from '../../client/environments/environments';
import type { Redactor } from '../../client/redaction/redaction';
import { buildCurl } from '../../client/codegen/curl';
import { HISTORY_COMMANDS } from './historyCommandIds';
import type { HistoryEntry } from '../../client/history/historyEntry';
import type { HistoryStore } from '../../client/history/historyStore';
import type { ResponseRecord } from '../../client/history/responseRecord';
import type { EnvironmentSettings } from '../../host/settings/environmentSettings';
import { registerCommands, type UseSignal } from '../../host/commands';
import { describeTokenError } from '../../host/failureMessages';
import type { Logger } from '../../host/logger';
import { historyEntryFor } from '../../host/historyEntryArgument';
import type { Prompter } from '../../host/prompter';
import { entryDescription, entryLabel, environmentLabel } from './historyLabels';

/**
 * Gets an access token for a scope; used only for "Copy as cURL with Live Token". The environment is the
 * resolved one the scope belongs to, for sources that are keyed by it.
 */
export type LiveTokenSource = (scope: TokenScope, environment: Environment) => Promise<string>;

export class HistoryCommands {
  constructor(
    private readonly store: HistoryStore,
    private readonly responses: { showRecord(record: ResponseRecord): void },
    private readonly prompter: Prompter,
    private readonly settings: EnvironmentSettings,
    private readonly liveToken: LiveTokenSource,
    private readonly redactor: Redactor,
    private readonly logger: Logger,
  ) {}

  register(use: UseSignal): vscode.Disposable {
    const c = HISTORY_COMMANDS;
    return registerCommands(
      {
        [c.openResponse]: (arg: unknown) => this.openResponse(arg),
        [c.copyRequestId]: (arg: unknown) => this.copyRequestId(arg),
        [c.sendAgain]: (arg: unknown) => this.sendAgain(arg),
        [c.copyAsCurl]: (arg: unknown) => this.copyAsCurl(arg, false),
        [c.copyAsCurlWithLiveToken]: (arg: unknown) => this.copyAsCurl(arg, true),
        [c.clear]: () => this.clear(),
      },
      use,
    );
  }

  /** The stored entry the argument names, or one the user picks when run from the Command Palette. */
  private entryFor(arg: unknown, placeHolder: string): Promise<HistoryEntry | undefined> {
    return historyEntryFor(this.store, this.prompter, arg, {
      placeHolder,
      empty: vscode.l10n.t('The request history is empty. Requests you send are listed in the History view.'),
      item: (entry) => ({
        label: entryLabel(entry),
        description: entryDescription(entry),
        detail: entry.requestId ? `X-Request-ID ${entry.requestId}` : undefined,
      }),
      matchOnDetail: true,
    });
  }

  async openResponse(arg?: unknown): Promise<boolean> {
    const entry = await this.entryFor(arg, vscode.l10n.t('Choose the request whose response to open'));
    if (!entry) return false;
    const record = await this.store.loadResponse(entry.id);
    if (!record) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The response of this request is no longer stored. Send it again to see a fresh response.'),
      );
      return false;
    }
    this.responses.showRecord(record);
    return true;
  }

  async copyRequestId(arg?: unknown): Promise<boolean> {
    const entry = await this.entryFor(arg, vscode.l10n.t('Choose the request whose X-Request-ID to copy'));
    if (!entry) return false;
    if (entry.requestId === undefined || !isRequestId(entry.requestId)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This request has no X-Request-ID because it was never sent.'));
      return false;
    }
    await vscode.env.clipboard.writeText(entry.requestId);
    void vscode.window.showInformationMessage(vscode.l10n.t('The X-Request-ID {0} was copied to the clipboard.', entry.requestId));
    return true;
  }

  async sendAgain(arg?: unknown): Promise<boolean> {
    const entry = await this.entryFor(arg, vscode.l10n.t('Choose the request to send again'));
    if (!entry) return false;
    if (!entry.replay) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The request body was too large to keep in the history, so this request cannot be sent again from here.'),
      );
      return false;
    }
    await vscode.commands.executeCommand('openPayments.sendRequest', { ...entry.replay });
    return true;
  }

  async copyAsCurl(arg: unknown, withLiveToken: boolean): Promise<boolean> {
    const entry = await this.entryFor(arg, vscode.l10n.t('Choose the request to copy as cURL'));
    if (!entry) return false;
    const record = await this.store.loadResponse(entry.id);
    if (!record?.request) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The details of this request are no longer stored (or it was never prepared), so it cannot be copied as cURL.'),
      );
      return false;
    }
    const request = { ...record.request, method: record.method };
    // Loaded on first use: the UUID generator pulls in node:crypto, which activation does without.
    const { newRequestId } = await import('../../client/http/requestId');
    if (!withLiveToken) {
      await vscode.env.clipboard.writeText(buildCurl(request, { kind: 'placeholder' }, newRequestId()));
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The cURL command was copied with a new X-Request-ID. Replace <token> with an access token before you run it.'),
      );
      return true;
    }
    const token = await this.liveTokenFor(entry, request.url);
    if (token === undefined) return false;
    await vscode.env.clipboard.writeText(buildCurl(request, { kind: 'token', token }, newRequestId()));
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The cURL command with a live access token was copied. Treat it like a password until the token expires.'),
    );
    return true;
  }

  /** Asks first, then fetches a token for the entry's environment, but only if its URL still targets that API host. */
  private async liveTokenFor(entry: HistoryEntry, url: string): Promise<string | undefined> {
    const confirmed = await this.prompter.confirm(
      vscode.l10n.t('Copy a cURL command that contains a live access token for {0}?', environmentLabel(entry.environmentId)),
      vscode.l10n.t(
        'Anyone who gets the copied text can call the Open Payments API as your client until the token expires. Do not paste it into tickets, chats, logs or shared files.',
      ),
      vscode.l10n.t('Copy with Live Token'),
    );
    if (!confirmed) return undefined;
    const operation = findOperation(entry.operationId);
    const resolution = isEnvironmentId(entry.environmentId) ? this.settings.resolve(entry.environmentId) : undefined;
    if (!operation || !resolution?.ok || !sameOrigin(url, resolution.environment.apiHost)) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('This request was sent to a host that is no longer the API host of its environment, so no live token was put into it.'),
      );
      return undefined;
    }
    const scope: TokenScope = {
      environmentId: resolution.environment.id,
      authHost: resolution.environment.authHost,
      product: operation.product,
      // As in the HTTP core: ASPSP Information tokens are always requested for the private context.
      context: operation.product === 'aspspinformation' ? 'private' : (entry.context ?? entry.replay?.context ?? 'private'),
    };
    try {
      const token = await this.liveToken(scope, resolution.environment);
      this.redactor.addIssued(token);
      return token;
    } catch (error) {
      this.logger.error(`Getting a live token for cURL (${scope.environmentId}, ${scope.product} ${scope.context}) failed`, error);
      // Worded as the same token failure in a call would be: what was refused, what to fix, the X-Request-ID.
      const reason =
        isClientError(error, 'token')
          ? describeTokenError(vscode.l10n.t('Copy as cURL with Live Token'), error.details).text
          : vscode.l10n.t('No access token could be obtained. The Open Payments log has details.');
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was copied. {0}', reason));
      return undefined;
    }
  }

  async clear(): Promise<boolean> {
    const count = this.store.entries().length;
    if (count === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The request history is already empty.'));
      return false;
    }
    const confirmed = await this.prompter.confirm(
      vscode.l10n.t('Clear the request history?'),
      vscode.l10n.t('All {0} entries and their stored responses will be deleted. This cannot be undone.', count),
      vscode.l10n.t('Clear History'),
    );
    if (!confirmed) return false;
    await this.store.clear();
    this.logger.info(`Request history cleared (${count} entries).`);
    return true;
  }
}

function sameOrigin(url: string, host: string): boolean {
  try {
    return new URL(url).origin === new URL(host).origin;
  } catch {
    return false;
  }
}

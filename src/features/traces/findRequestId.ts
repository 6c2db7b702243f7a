// Find X-Request-ID…: takes whatever the user pasted (a log line, a ticket sentence, a bare id), finds the
// UUIDs in it and opens the History exchange one of them belongs to in the response view; when none is in
// History it says so and offers the History view and the log.
import * as vscode from 'vscode';
import type { HistoryStore } from '../../client/history/historyStore';
import { findByRequestId, requestIdCandidates } from '../../client/traces/requestIdQuery';
import type { Prompter } from '../../host/prompter';
import type { ResponseView } from '../../host/responseViews';

export type FindOutcome =
  | { readonly kind: 'opened'; readonly entryId: string; readonly requestId: string }
  | { readonly kind: 'noResponseStored'; readonly entryId: string; readonly requestId: string }
  | { readonly kind: 'notFound'; readonly candidates: readonly string[] }
  | { readonly kind: 'noId' }
  | { readonly kind: 'cancelled' };

export class FindRequestId {
  constructor(
    private readonly history: HistoryStore,
    private readonly responses: Pick<ResponseView, 'showRecord'>,
    private readonly prompter: Prompter,
  ) {}

  async run(arg?: unknown): Promise<FindOutcome> {
    const text = typeof arg === 'string' ? arg : await this.ask();
    if (text === undefined) return { kind: 'cancelled' };
    const candidates = requestIdCandidates(text);
    if (candidates.length === 0) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('No X-Request-ID was found in the text you entered. An X-Request-ID is a UUID such as 3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b; paste the log line or the id itself.'),
      );
      return { kind: 'noId' };
    }
    const match = findByRequestId(this.history.entries(), candidates);
    if (!match) {
      this.sayNotFound(candidates);
      return { kind: 'notFound', candidates };
    }
    const record = await this.history.loadResponse(match.entry.id);
    if (!record) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'The X-Request-ID {0} belongs to "{1}" sent at {2} (UTC), but its stored response is gone (History keeps the details of its most recent entries only). Send the request again from the History view to see a fresh response.',
          match.requestId,
          match.entry.operationTitle,
          match.entry.time,
        ),
      );
      return { kind: 'noResponseStored', entryId: match.entry.id, requestId: match.requestId };
    }
    this.responses.showRecord(record);
    if (match.earlierAttempt) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The X-Request-ID {0} is an earlier attempt of a retried call; the response view shows the call with the response of its last attempt.', match.requestId),
      );
    }
    return { kind: 'opened', entryId: match.entry.id, requestId: match.requestId };
  }

  private ask(): Thenable<string | undefined> {
    return this.prompter.input({
      title: vscode.l10n.t('Find X-Request-ID'),
      prompt: vscode.l10n.t('Paste an X-Request-ID, or a log line or ticket text that contains one. The call it belongs to opens from History.'),
      placeHolder: '3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b',
      ignoreFocusOut: true,
      validateInput: (value) =>
        value.trim() === '' || requestIdCandidates(value).length > 0 ? undefined : vscode.l10n.t('This text contains no X-Request-ID (a UUID such as 3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b).'),
    });
  }

  /** Not awaited: the notification stays until the user acts, and the command has answered already. */
  private sayNotFound(candidates: readonly string[]): void {
    const openHistory = vscode.l10n.t('Open History');
    const showLog = vscode.l10n.t('Show Log');
    const id = candidates.length === 1 ? (candidates[0] as string) : candidates.join(', ');
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The X-Request-ID {0} is not in History. History keeps only the most recent calls made from this machine (openPayments.history.maxEntries), so it may be older, cleared, or sent by another client. Look for it in the Open Payments log, or quote it to support as it is.',
        id,
      ),
      openHistory,
      showLog,
    ).then((answer) => {
      if (answer === openHistory) void vscode.commands.executeCommand('openPayments.history.focus');
      else if (answer === showLog) void vscode.commands.executeCommand('openPayments.showLog');
    });
  }
}

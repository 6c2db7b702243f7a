// Copy Support Bundle: the masked text of one exchange for Open Payments support, to the clipboard. From a
// History entry, from the response view (the exchange it shows), or picked from History.
import * as vscode from 'vscode';
import { ENVIRONMENT_LABELS, isEnvironmentId } from '../../client/environments/environments';
import type { HistoryStore } from '../../client/history/historyStore';
import type { ResponseRecord } from '../../client/history/responseRecord';
import type { Redactor } from '../../client/redaction/redaction';
import { buildSupportBundle, type BundleVersions } from '../../client/traces/supportBundle';
import type { Prompter } from '../../host/prompter';
import type { ResponseView } from '../../host/responseViews';

export class SupportBundleCommand {
  constructor(
    private readonly history: HistoryStore,
    private readonly responses: Pick<ResponseView, 'shownRecord'>,
    private readonly prompter: Prompter,
    private readonly redactor: Redactor,
    private readonly versions: () => BundleVersions,
  ) {}

  /** Returns the copied text, or undefined when nothing was copied. */
  async run(arg?: unknown): Promise<string | undefined> {
    const record = await this.recordFor(arg);
    if (!record) return undefined;
    const environment = isEnvironmentId(record.environmentId) ? ENVIRONMENT_LABELS[record.environmentId] : record.environmentId;
    const bundle = buildSupportBundle(record, environment, this.versions(), this.redactor);
    await vscode.env.clipboard.writeText(bundle);
    void vscode.window.showInformationMessage(
      record.requestId !== undefined
        ? vscode.l10n.t('The support bundle for X-Request-ID {0} was copied to the clipboard. Secrets (client secret, tokens, codes) are masked in it; paste it into your support ticket.', record.requestId)
        : vscode.l10n.t('The support bundle was copied to the clipboard. Secrets (client secret, tokens, codes) are masked in it; paste it into your support ticket.'),
    );
    return bundle;
  }

  private async recordFor(arg: unknown): Promise<ResponseRecord | undefined> {
    if (typeof arg === 'object' && arg !== null && typeof (arg as { id?: unknown }).id === 'string') {
      return this.loadOrSay((arg as { id: string }).id);
    }
    const shown = this.responses.shownRecord;
    if (shown) return shown;
    const entries = this.history.entries();
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The request history is empty, so there is no exchange to copy a support bundle of. Send a request first.'));
      return undefined;
    }
    const picked = await this.prompter.pick(
      entries.map((entry) => ({
        label: entry.operationTitle,
        description: `${entry.status ?? entry.failureKind ?? ''} · ${entry.time}`,
        detail: entry.requestId ? `X-Request-ID ${entry.requestId}` : undefined,
        id: entry.id,
      })),
      { placeHolder: vscode.l10n.t('Choose the request to copy a support bundle of'), matchOnDetail: true },
    );
    return picked ? this.loadOrSay(picked.id) : undefined;
  }

  private async loadOrSay(id: string): Promise<ResponseRecord | undefined> {
    const record = this.history.get(id) ? await this.history.loadResponse(id) : undefined;
    if (!record) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The details of this request are no longer in History, so no support bundle can be made. Send it again, then copy the bundle of the new call.'),
      );
    }
    return record;
  }
}

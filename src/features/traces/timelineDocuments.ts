// The timeline of a consent or a payment as a read-only document of our own scheme: plain text the user can
// read, search and paste into a ticket, with no page, script or CSP to get wrong. Each X-Request-ID in it is a
// link that opens that exchange through Find X-Request-ID. The providers are registered on first use, so
// activation registers nothing for a view most sessions never open; open documents follow History's changes.
import * as vscode from 'vscode';
import { ENVIRONMENT_LABELS, isEnvironmentId } from '../../client/environments/environments';
import type { HistoryStore } from '../../client/history/historyStore';
import { buildTimeline, type StoredExchange, type TimelineStep, type TimelineSubject, type TimelineSubjectKind } from '../../client/traces/timeline';
import { requestIdPositions, timelineText } from '../../client/traces/timelineText';
import { Disposable } from '../../host/disposable';
import { TRACE_COMMANDS } from './traceCommandIds';

export const TIMELINE_SCHEME = 'openpayments-timeline';

export function timelineUri(subject: TimelineSubject): vscode.Uri {
  // The path's last segment is the tab's title; the query carries what the path cannot show plainly.
  const query = new URLSearchParams({ kind: subject.kind, id: subject.id, environment: subject.environmentId }).toString();
  return vscode.Uri.from({ scheme: TIMELINE_SCHEME, path: `/${subject.kind} ${subject.id}`, query });
}

function subjectOf(uri: vscode.Uri): TimelineSubject | undefined {
  const query = new URLSearchParams(uri.query);
  const kind = query.get('kind');
  const id = query.get('id');
  const environmentId = query.get('environment');
  if ((kind !== 'consent' && kind !== 'payment') || !id || !environmentId) return undefined;
  return { kind: kind satisfies TimelineSubjectKind, id, environmentId };
}

export class TimelineDocuments extends Disposable implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private registered = false;

  constructor(private readonly history: HistoryStore) {
    super();
  }

  /** Opens (or refreshes) the timeline of a subject and returns its steps. */
  async show(subject: TimelineSubject): Promise<readonly TimelineStep[]> {
    this.registerOnce();
    const uri = timelineUri(subject);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return this.steps(subject);
  }

  async steps(subject: TimelineSubject): Promise<TimelineStep[]> {
    const exchanges: StoredExchange[] = [];
    for (const entry of this.history.entries()) {
      if (entry.environmentId !== subject.environmentId) continue;
      const record = await this.history.loadResponse(entry.id);
      exchanges.push(record ? { entry, record } : { entry });
    }
    return buildTimeline(subject, exchanges);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const subject = subjectOf(uri);
    if (!subject) return vscode.l10n.t('This timeline link is not valid. Open a timeline from a consent or payment in the Open Payments views.');
    const environment = isEnvironmentId(subject.environmentId) ? ENVIRONMENT_LABELS[subject.environmentId] : subject.environmentId;
    return timelineText(subject, environment, await this.steps(subject), vscode.l10n.t);
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    return requestIdPositions(document.getText()).map(({ line, start, requestId }) => {
      const target = vscode.Uri.parse(`command:${TRACE_COMMANDS.findRequestId}?${encodeURIComponent(JSON.stringify([requestId]))}`);
      const link = new vscode.DocumentLink(new vscode.Range(line, start, line, start + requestId.length), target);
      link.tooltip = vscode.l10n.t('Open this exchange');
      return link;
    });
  }

  private registerOnce(): void {
    if (this.registered) return;
    this.registered = true;
    this._register(vscode.workspace.registerTextDocumentContentProvider(TIMELINE_SCHEME, this));
    this._register(vscode.languages.registerDocumentLinkProvider({ scheme: TIMELINE_SCHEME }, this));
    // A call recorded while a timeline is open may belong to it: every open one is read again.
    const subscription = this.history.onDidChange(() => {
      for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === TIMELINE_SCHEME) this.changed.fire(document.uri);
    });
    this._register({ dispose: () => subscription.dispose() });
  }
}

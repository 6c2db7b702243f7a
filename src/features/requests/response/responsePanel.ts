// The one "Open Payments Response" webview panel: shows a ResponseRecord, copies an X-Request-ID and opens
// the full body in an editor when the page asks, after checking the ask against what it rendered.
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { isRequestId } from '../../../client/http/requestId';
import { newNonce } from '../../../client/text/html';
import type { Redactor } from '../../../client/redaction/redaction';
import { responseRecordFrom, type RecordedCall, type ResponseRecord } from '../../../client/history/responseRecord';
import type { Logger } from '../../../host/logger';
import type { PendingRequestView } from '../../../host/requestRunner';
import { prettyJson } from './jsonPreview';
import { renderPendingContent, renderResponseContent, renderResponsePage, type RenderOptions } from './responseHtml';
import { buildResponseViewModel, type ResponseViewModel } from './responseViewModel';
import { parseResponseViewMessage } from './webviewMessages';

export const RESPONSE_VIEW_TYPE = 'openPayments.response';

interface Shown {
  readonly record: ResponseRecord;
  readonly model: ResponseViewModel;
}

/** What the page shows: its markup, the title, and its number (newer content has a higher one). */
interface Content {
  readonly seq: number;
  readonly title: string;
  readonly html: string;
}

export class ResponsePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: Shown | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private styleText: string | undefined;
  /** Numbers each content, so the page never goes back to an older one. */
  private seq = 0;
  /**
   * Whether the page has loaded and said so: new content then goes to it by message, with no new page to
   * start (starting one took half a second in the workbench, more than everything else of a Send).
   */
  private pageReady = false;
  /** Content for a page that is still loading, posted when it says it is ready. */
  private queued: Content | undefined;
  /** The newest content, whichever way it went to the page. */
  private current: Content | undefined;
  /** The number of the content the page was last loaded with. */
  private pageSeq = 0;

  constructor(
    extensionUri: vscode.Uri,
    private readonly redactor: Redactor,
    private readonly logger: Logger,
    private readonly nonce: () => string = newNonce,
    /** The text of media/response.css; read once, on the first render. */
    private readonly stylesheet: () => string = () => readFileSync(vscode.Uri.joinPath(extensionUri, 'media', 'response.css').fsPath, 'utf8'),
  ) {}

  /** The record on the page now (undefined while closed or showing a request not yet sent). */
  get shownRecord(): ResponseRecord | undefined {
    return this.panel ? this.shown?.record : undefined;
  }

  /** Shows a call as the request runner reports it (so the panel can be the runner's response viewer). */
  show(call: RecordedCall): void {
    this.showRecord(responseRecordFrom(call, this.redactor));
  }

  /** Shows a call in the panel when it is open, so it never goes on showing an earlier, unrelated one. */
  showIfOpen(call: RecordedCall): void {
    if (this.panel) this.show(call);
  }

  /** Shows a record (a call just made, or one from history), creating the panel or reusing the open one. */
  showRecord(record: ResponseRecord): void {
    const model = buildResponseViewModel(record, this.redactor);
    this.shown = { record, model };
    this.present(model.title, renderResponseContent(model, this.t));
  }

  /**
   * Opens the view beside a request that is about to be sent (a body being edited), saying it is not sent yet,
   * so its page is running by the time the response comes and the response shows without a page to start.
   */
  prepare(pending: PendingRequestView): void {
    this.shown = undefined;
    this.present(pending.title, renderPendingContent(pending, this.t), true);
  }

  /** `besideEditor`: kept beside the active editor (the body being edited), never in front of it. */
  private present(title: string, html: string, besideEditor = false): void {
    const content: Content = { seq: ++this.seq, title: vscode.l10n.t('Response: {0}', title), html };
    this.current = content;
    const panel = this.panel ?? this.create(content.title);
    panel.title = content.title;
    if (this.pageReady && panel.visible) this.post(panel, content);
    else if (this.queued && panel.visible) this.queued = content;
    else this.load(panel, content);
    const editorColumn = vscode.window.activeTextEditor?.viewColumn;
    // Revealed in its own group, it would cover the body just opened there; beside it, both stay in sight.
    panel.reveal(besideEditor && editorColumn !== undefined && panel.viewColumn === editorColumn ? vscode.ViewColumn.Beside : undefined, true);
  }

  /** A new page with the content; it takes later content by message once it says it is ready. */
  private load(panel: vscode.WebviewPanel, content: Content): void {
    this.pageReady = false;
    // Marks the page as loading: content shown meanwhile waits here for it.
    this.queued = content;
    this.pageSeq = content.seq;
    panel.webview.html = renderResponsePage(content.html, content.title, content.seq, this.renderOptions(panel.webview));
  }

  private post(panel: vscode.WebviewPanel, content: Content): void {
    void panel.webview.postMessage({ type: 'show', seq: content.seq, title: content.title, html: content.html }).then(
      (delivered) => {
        // Not delivered (the page went away meanwhile): a new page with the newest content instead.
        if (!delivered && content.seq === this.seq && this.panel === panel) this.load(panel, content);
      },
      () => undefined,
    );
  }

  private onPageReady(): void {
    const panel = this.panel;
    this.pageReady = true;
    const queued = this.queued;
    this.queued = undefined;
    // The page shows what it was loaded with; only newer content is posted.
    if (panel && queued && queued.seq > this.pageSeq) this.post(panel, queued);
  }

  private readonly t = (message: string, ...args: (string | number | boolean)[]): string => vscode.l10n.t(message, ...args);

  private renderOptions(webview: vscode.Webview): RenderOptions {
    return {
      nonce: this.nonce(),
      cspSource: webview.cspSource,
      styleText: this.style(),
      t: this.t,
    };
  }

  /** The stylesheet, or none if it cannot be read: an unstyled page still shows the whole response. */
  private style(): string | undefined {
    if (this.styleText === undefined) {
      try {
        this.styleText = this.stylesheet();
      } catch (error) {
        this.logger.error('The response view stylesheet could not be read', error);
        this.styleText = '';
      }
    }
    return this.styleText;
  }

  /** The markup the panel shows now, if open (for the extension-host tests): the page's or the newest posted to it. */
  get html(): string | undefined {
    return this.panel ? this.current?.html : undefined;
  }

  private create(title: string): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      RESPONSE_VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        retainContextWhenHidden: false,
        // The page loads nothing: its stylesheet is inline.
        localResourceRoots: [],
      },
    );
    this.panel = panel;
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidDispose(() => this.forgetPanel()),
    ];
    return panel;
  }

  private forgetPanel(): void {
    for (const subscription of this.panelSubscriptions) subscription.dispose();
    this.panelSubscriptions = [];
    this.panel = undefined;
    this.shown = undefined;
    this.pageReady = false;
    this.queued = undefined;
    this.current = undefined;
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (parseResponseViewMessage(raw, [])?.type === 'ready') {
      this.onPageReady();
      return;
    }
    const shown = this.shown;
    const message = shown ? parseResponseViewMessage(raw, shown.model.requestIds) : undefined;
    if (!shown || !message) {
      // Not logged verbatim: the page shows server text, and whatever it sent is not ours to echo.
      this.logger.warn('Ignored a message from the response view that it is not allowed to send.');
      return;
    }
    try {
      if (message.type === 'copyRequestId') await this.copyRequestId(message.requestId);
      else if (message.type === 'openBodyInEditor') await this.openBody(shown.record);
    } catch (error) {
      this.logger.error(`Response view action ${message.type} failed`, error);
      void vscode.window.showErrorMessage(vscode.l10n.t('That action failed. The Open Payments log has details.'));
    }
  }

  private async copyRequestId(requestId: string): Promise<void> {
    await vscode.env.clipboard.writeText(requestId);
    void vscode.window.showInformationMessage(
      isRequestId(requestId)
        ? vscode.l10n.t('The X-Request-ID {0} was copied to the clipboard.', requestId)
        : vscode.l10n.t('The X-Request-ID was copied to the clipboard.'),
    );
  }

  /** Opens the whole (masked) body as an untitled document: JSON pretty-printed, anything else as text. */
  private async openBody(record: ResponseRecord): Promise<void> {
    const file = record.exchange?.bodyFile;
    if (file) {
      await this.openBodyFile(file.path);
      return;
    }
    const text = this.redactor.redact(record.exchange?.bodyText ?? '');
    const pretty = prettyJson(text, { maxChars: Number.POSITIVE_INFINITY, html: false });
    const document = await vscode.workspace.openTextDocument({
      content: pretty ? pretty.output : text,
      language: pretty ? 'json' : 'plaintext',
    });
    await vscode.window.showTextDocument(document, { preview: false });
  }

  /**
   * A body over the size limit, from its temporary file (masked as it was written). Opened by URI, not
   * through openTextDocument: the editor streams a large file, while an extension document is capped in size.
   */
  private async openBodyFile(path: string): Promise<void> {
    const exists = await stat(path).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!exists) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The full body is no longer available: large bodies are kept only for the most recent responses of this window. Send the request again to see it.'),
      );
      return;
    }
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(path), { preview: false });
  }

  dispose(): void {
    this.panel?.dispose();
    this.forgetPanel();
  }
}

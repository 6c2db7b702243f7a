// The one "Open Payments Response" webview panel: shows a ResponseRecord, copies an X-Request-ID and opens
// the full body in an editor when the page asks, after checking the ask against what it rendered.
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { isRequestId } from '../../api/http/requestId';
import { newNonce } from '../../core/html';
import type { Redactor } from '../../core/redaction';
import { responseRecordFrom, type RecordedCall, type ResponseRecord } from '../../history/responseRecord';
import type { Logger } from '../../platform/logger';
import { prettyJson } from './jsonPreview';
import { renderResponseHtml, type RenderOptions } from './responseHtml';
import { buildResponseViewModel, type ResponseViewModel } from './responseViewModel';
import { parseResponseViewMessage } from './webviewMessages';

export const RESPONSE_VIEW_TYPE = 'openPayments.response';

interface Shown {
  readonly record: ResponseRecord;
  readonly model: ResponseViewModel;
}

export class ResponsePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: Shown | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private styleText: string | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly redactor: Redactor,
    private readonly logger: Logger,
    private readonly nonce: () => string = newNonce,
    /** The text of media/response.css; read once, on the first render. */
    private readonly stylesheet: () => string = () => readFileSync(vscode.Uri.joinPath(extensionUri, 'media', 'response.css').fsPath, 'utf8'),
  ) {}

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
    const panel = this.panel ?? this.create(model.title);
    this.shown = { record, model };
    panel.title = vscode.l10n.t('Response: {0}', model.title);
    const webview = panel.webview;
    webview.html = renderResponseHtml(model, this.renderOptions(webview));
    panel.reveal(undefined, true);
  }

  private renderOptions(webview: vscode.Webview): RenderOptions {
    return {
      nonce: this.nonce(),
      cspSource: webview.cspSource,
      styleText: this.style(),
      t: (message, ...args) => vscode.l10n.t(message, ...args),
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

  /** The page the panel shows now, if open (for the extension-host tests). */
  get html(): string | undefined {
    return this.panel?.webview.html;
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
  }

  private async onMessage(raw: unknown): Promise<void> {
    const shown = this.shown;
    const message = shown ? parseResponseViewMessage(raw, shown.model.requestIds) : undefined;
    if (!shown || !message) {
      // Not logged verbatim: the page shows server text, and whatever it sent is not ours to echo.
      this.logger.warn('Ignored a message from the response view that it is not allowed to send.');
      return;
    }
    try {
      if (message.type === 'copyRequestId') await this.copyRequestId(message.requestId);
      else await this.openBody(shown.record);
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

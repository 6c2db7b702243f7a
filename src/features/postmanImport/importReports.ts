// The import reports, shown as read-only Markdown documents of their own scheme: nothing to save, nothing on
// disk, and gone with the window. Each import gets its own address, so an earlier report stays readable.
import * as vscode from 'vscode';
import { Disposable } from '../../host/disposable';

export const IMPORT_REPORT_SCHEME = 'openpayments-import-report';

export class ImportReports extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private count = 0;

  /** Keeps `markdown` and returns the address of its read-only document. */
  add(markdown: string): vscode.Uri {
    // Registered with the first report, so a window that never imports does no work for it at start.
    if (this.count === 0) this._register(vscode.workspace.registerTextDocumentContentProvider(IMPORT_REPORT_SCHEME, this));
    this.count++;
    const uri = vscode.Uri.from({ scheme: IMPORT_REPORT_SCHEME, path: `/Postman import ${this.count}.md` });
    this.texts.set(uri.toString(), markdown);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? vscode.l10n.t('This import report is no longer available. Run Import Postman Collection… again to see a new one.');
  }

  override dispose(): void {
    this.texts.clear();
    super.dispose();
  }
}

// Import Postman Collection…: turns a Postman v2.1 collection (and optionally an environment) into request files
// that the request-files feature's lens sends, and shows a read-only report of the import.
import * as vscode from 'vscode';
import { registerCommands } from '../../host/commands';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { PostmanImportCommand } from './postmanImportCommand';

export const IMPORT_POSTMAN_COMMAND = 'openPayments.importPostmanCollection';
const REPORT_SCHEME = 'openpayments-import-report';

export function register(host: Host): vscode.Disposable {
  const group = new DisposableGroup();
  // Reports are read-only documents of their own scheme: nothing to save, nothing on disk, gone with the window.
  // Each import gets its own address, so an earlier report stays readable.
  const reports = new Map<string, string>();
  const addReport = (markdown: string): vscode.Uri => {
    if (reports.size === 0) group.add(vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, { provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? '' }));
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/Postman import ${reports.size + 1}.md` });
    reports.set(uri.toString(), markdown);
    return uri;
  };
  group.add(registerCommands({ [IMPORT_POSTMAN_COMMAND]: () => new PostmanImportCommand(host, addReport).run() }, host.activity));
  return group;
}

// Import Postman Collection…: turns a Postman v2.1 collection (and optionally an environment) into request files
// that the request-files feature's lens sends. The command's work is loaded on first use, so it costs the
// extension's start nothing.
import type * as vscode from 'vscode';
import { registerCommands } from '../../host/commands';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { ImportReports } from './importReports';
import { PostmanImportCommand } from './postmanImportCommand';

export const IMPORT_POSTMAN_COMMAND = 'openPayments.importPostmanCollection';

export function register(host: Host): vscode.Disposable {
  const group = new DisposableGroup();
  const reports = group.add(new ImportReports());
  group.add(
    registerCommands({
      [IMPORT_POSTMAN_COMMAND]: () => new PostmanImportCommand(host, reports).run(),
    }),
  );
  return group;
}

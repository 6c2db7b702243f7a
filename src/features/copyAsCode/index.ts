// The Copy as Code feature: one command, on History entries, tree items and (through its argument) request
// files, that copies a runnable program for a request. Its own folder rather than History's: it serves every
// place a request is shown, and History is one of several callers.
import type * as vscode from 'vscode';
import { registerCommands } from '../../host/commands';
import type { Host } from '../../host/host';
import { COPY_AS_CODE_COMMAND, COPY_SHOWN_AS_CODE_COMMAND, CopyAsCode } from './copyAsCode';

export function register(host: Host): vscode.Disposable {
  const copy = new CopyAsCode(host.history, host.environmentSettings, host.requestSettings, host.globalState, host.prompter);
  return registerCommands({
    [COPY_AS_CODE_COMMAND]: (arg?: unknown, languageId?: string) => copy.run(arg, languageId),
    // The response view's title button: the request the view shows now (a pick from History when it shows none).
    [COPY_SHOWN_AS_CODE_COMMAND]: (languageId?: string) => copy.runShown(host.responses.shownRecord, languageId),
  }, host.activity);
}

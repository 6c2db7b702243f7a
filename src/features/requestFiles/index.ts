// The request-files feature: Save as Request File (from the last send, History, the trees), and in any .http
// and .rest file the lenses "Send with Open Payments" and "Copy as Code" with diagnostics for lines the syntax
// cannot read. Send and Copy as Code resolve a block through one BlockResolver, so a block copies what it sends.
import type * as vscode from 'vscode';
import { registerCommands } from '../../host/commands';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { BlockResolver } from './blockResolution';
import { CopyBlockCommand } from './copyBlockCommand';
import { REQUEST_FILE_COMMANDS } from './requestFileIds';
import { RequestFileLens } from './requestFileLens';
import { SaveRequestCommands } from './saveRequestCommands';
import { SendBlockCommand } from './sendBlockCommand';

export function register(host: Host): vscode.Disposable {
  const group = new DisposableGroup();
  group.add(new RequestFileLens().register());
  const blocks = new BlockResolver(host.environment, host.consents, host.payments);
  const send = new SendBlockCommand(host.runner, blocks);
  const copy = new CopyBlockCommand(blocks);
  const save = group.add(new SaveRequestCommands(host.responses, host.history, host.prompter, host.redactor));
  group.add(
    registerCommands({
      [REQUEST_FILE_COMMANDS.send]: (uri?: unknown, line?: unknown) => send.run(uri, line),
      [REQUEST_FILE_COMMANDS.copyAsCode]: (uri?: unknown, line?: unknown, languageId?: unknown) => copy.run(uri, line, languageId),
      [REQUEST_FILE_COMMANDS.saveLast]: () => save.saveLast(),
      [REQUEST_FILE_COMMANDS.saveFromHistory]: (entry?: unknown) => save.saveFromHistory(entry),
      [REQUEST_FILE_COMMANDS.saveFromTree]: (node?: unknown) => save.saveFromTree(node),
    }, host.activity),
  );
  return group;
}

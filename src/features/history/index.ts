// The History feature: every call recorded (without secrets), the History view, and its actions (open the
// stored response, copy the X-Request-ID, send again, copy as cURL, clear).
import type * as vscode from 'vscode';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { HistoryCommands } from './historyCommands';
import { HistoryTreeProvider } from './historyTree';

export function register(host: Host): vscode.Disposable {
  const group = new DisposableGroup();
  group.add(host.runner.onDidExchange((call) => void host.history.record(call)));
  group.add(new HistoryTreeProvider(host.history, host.historySettings).register(host.activity));
  const commands = new HistoryCommands(
    host.history,
    host.responses,
    host.prompter,
    host.environmentSettings,
    (scope, environment) => host.session.token(environment, scope.product, scope.context),
    host.redactor,
    host.logger.for('history'),
  );
  group.add(commands.register(host.activity));
  return group;
}

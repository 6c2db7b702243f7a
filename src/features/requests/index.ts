// The requests feature: Send Request… for any operation of the catalogue, the body editor with its Send action,
// and the response view (which the host's runner and History show responses in).
import type * as vscode from 'vscode';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { ResponsePanel } from './response/responsePanel';
import { BodyEditor } from './sendRequest/bodyEditor';
import { SendRequestCommand } from './sendRequest/sendRequestCommand';

export interface RequestsFeature extends vscode.Disposable {
  readonly responsePanel: ResponsePanel;
}

export function register(host: Host): RequestsFeature {
  const group = new DisposableGroup();
  // It creates its webview on first show, so attaching it costs nothing at activation.
  const responsePanel = group.add(new ResponsePanel(host.context.extensionUri, host.redactor, host.logger.for('response')));
  group.add(host.responses.attach(responsePanel));
  const bodies = group.add(new BodyEditor(host.runner, host.settings));
  group.add(bodies.register(host.activity));
  group.add(new SendRequestCommand(host.runner, bodies, host.environment, host.requestSettings, host.prompter, host.memory).register(host.activity));
  return { responsePanel, dispose: () => group.dispose() };
}

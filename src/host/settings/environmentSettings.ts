// Reads and writes the environment settings. The hosts of the `custom` environment are application-scoped
// (user settings only): a workspace must not be able to send a stored client secret to a host of its choosing.
import * as vscode from 'vscode';
import {
  type CustomHostSettings,
  type EnvironmentId,
  type EnvironmentResolution,
  isEnvironmentId,
  resolveEnvironment,
} from '../../client/environments/environments';

const SECTION = 'openPayments';

export class EnvironmentSettings {
  currentId(): EnvironmentId {
    const value = vscode.workspace.getConfiguration(SECTION).get<string>('environment');
    return isEnvironmentId(value) ? value : 'sandbox';
  }

  customHosts(): CustomHostSettings {
    const config = vscode.workspace.getConfiguration(SECTION);
    return { authHost: config.get<string>('authHost'), apiHost: config.get<string>('apiHost') };
  }

  resolve(id: EnvironmentId = this.currentId()): EnvironmentResolution {
    return resolveEnvironment(id, this.customHosts());
  }

  /** Writes where the current value comes from, so a workspace choice stays a workspace choice. */
  async select(id: EnvironmentId): Promise<void> {
    const config = vscode.workspace.getConfiguration(SECTION);
    const inspected = config.inspect<string>('environment');
    const target =
      inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    await config.update('environment', id, target);
  }

  async setCustomHosts(authHost: string, apiHost: string): Promise<void> {
    const config = vscode.workspace.getConfiguration(SECTION);
    await config.update('authHost', authHost, vscode.ConfigurationTarget.Global);
    await config.update('apiHost', apiHost, vscode.ConfigurationTarget.Global);
  }

  onDidChange(listener: () => unknown): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        event.affectsConfiguration(`${SECTION}.environment`) ||
        event.affectsConfiguration(`${SECTION}.authHost`) ||
        event.affectsConfiguration(`${SECTION}.apiHost`)
      ) {
        listener();
      }
    });
  }
}

// Reads and writes the environment settings. The hosts of the `custom` environment are application-scoped
// (user settings only): a workspace must not be able to send a stored client secret to a host of its choosing.
import type * as vscode from 'vscode';
import {
  type CustomHostSettings,
  type EnvironmentId,
  type EnvironmentResolution,
  isEnvironmentId,
  resolveEnvironment,
} from '../../client/environments/environments';
import type { SettingsReader } from './settingsReader';

export class EnvironmentSettings {
  constructor(private readonly settings: SettingsReader) {}

  currentId(): EnvironmentId {
    const value = this.settings.get('environment');
    return isEnvironmentId(value) ? value : 'sandbox';
  }

  customHosts(): CustomHostSettings {
    return { authHost: this.settings.get('authHost'), apiHost: this.settings.get('apiHost') };
  }

  resolve(id: EnvironmentId = this.currentId()): EnvironmentResolution {
    return resolveEnvironment(id, this.customHosts());
  }

  /** Writes where the current value comes from, so a workspace choice stays a workspace choice. */
  async select(id: EnvironmentId): Promise<void> {
    await this.settings.update('environment', id, this.settings.isSetInWorkspace('environment') ? 'workspace' : 'user');
  }

  async setCustomHosts(authHost: string, apiHost: string): Promise<void> {
    await this.settings.update('authHost', authHost, 'user');
    await this.settings.update('apiHost', apiHost, 'user');
  }

  onDidChange(listener: () => unknown): vscode.Disposable {
    return this.settings.onDidChange(['openPayments.environment', 'openPayments.authHost', 'openPayments.apiHost'], listener);
  }
}

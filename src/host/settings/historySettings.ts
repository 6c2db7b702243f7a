// The settings History reads: its cap, and the PSU context and headers in force when a call is recorded.
import type * as vscode from 'vscode';
import { isEnvironmentId } from '../../client/environments/environments';
import { DEFAULT_MAX_ENTRIES } from '../../client/history/historyStore';
import type { CallDefaults } from '../../client/history/responseRecord';
import type { EnvironmentSettings } from './environmentSettings';
import type { RequestSettingsReader } from './requestSettings';
import type { SettingsReader } from './settingsReader';

export class HistorySettings {
  constructor(private readonly settings: SettingsReader) {}

  /** The cap from `openPayments.history.maxEntries`; the store clamps odd values. */
  maxEntries(): number {
    return this.settings.get('history.maxEntries') ?? DEFAULT_MAX_ENTRIES;
  }

  onDidChangeMaxEntries(listener: () => unknown): vscode.Disposable {
    return this.settings.onDidChange(['openPayments.history.maxEntries'], listener);
  }
}

/** HistoryStore's callDefaults from the settings in force when a call is recorded. */
export function callDefaultsFromSettings(environments: EnvironmentSettings, requests: RequestSettingsReader): (environmentId: string) => CallDefaults {
  return (environmentId) => {
    const settings = requests.read();
    const resolution = isEnvironmentId(environmentId) ? environments.resolve(environmentId) : undefined;
    return { context: settings.context, psuHeaders: settings.psuHeaders, ...(resolution?.ok ? { apiHost: resolution.environment.apiHost } : {}) };
  };
}

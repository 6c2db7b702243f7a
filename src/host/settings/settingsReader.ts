// The one place the extension reads and writes VS Code settings: every key the package contributes, typed by
// its schema, plus the few settings of VS Code itself it follows (the proxy, and whether a save rewrites text).
// The environment, request and history settings interpret what this returns; nothing else calls getConfiguration.
import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'openPayments';

/**
 * Every setting of package.json's contributes.configuration, by its key under `openPayments`, grouped by the JSON
 * type its schema declares (a unit test holds these lists and the manifest to each other).
 */
export const STRING_SETTINGS = [
  'environment',
  'authHost',
  'apiHost',
  'psuContext',
  'psu.ipAddress',
  'psu.userAgent',
  'psu.id',
  'psu.corporateId',
  'tppRedirectPreferred',
  'affiliatedAspspId',
  'production.clientCertificatePath',
  'custom.clientCertificatePath',
  'custom.caCertificatePath',
  'redirectUri',
] as const;
export const NUMBER_SETTINGS = ['http.connectTimeoutMs', 'http.responseTimeoutMs', 'http.requestDeadlineMs', 'http.maxResponseBodyMB', 'history.maxEntries'] as const;

export type StringSetting = (typeof STRING_SETTINGS)[number];
export type NumberSetting = (typeof NUMBER_SETTINGS)[number];
export type SettingKey = StringSetting | NumberSetting;
export type SettingValue<K extends SettingKey> = K extends NumberSetting ? number : string;

/** A setting, or a group of them (`openPayments.http`), whose change someone listens to; `http.proxy` is VS Code's. */
export type WatchedSetting = `${typeof SETTINGS_SECTION}.${SettingKey}` | `${typeof SETTINGS_SECTION}.http` | 'http.proxy';

/** Where a write goes: the user's settings, or the workspace's. */
export type SettingsTarget = 'user' | 'workspace';

/** The full id of a setting, as the Settings UI, Open Settings and messages name it. */
export function settingId(key: SettingKey): `${typeof SETTINGS_SECTION}.${SettingKey}` {
  return `${SETTINGS_SECTION}.${key}`;
}

export class SettingsReader {
  /** The value in force (workspace over user over the contributed default), or undefined when there is none. */
  get<K extends SettingKey>(key: K): SettingValue<K> | undefined {
    return this.section().get<SettingValue<K>>(key);
  }

  /** Whether the value in force comes from the workspace (or a folder of it) rather than the user's settings. */
  isSetInWorkspace(key: SettingKey): boolean {
    const inspected = this.section().inspect(key);
    return inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined;
  }

  async update<K extends SettingKey>(key: K, value: SettingValue<K>, target: SettingsTarget): Promise<void> {
    await this.section().update(key, value, target === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace);
  }

  /** VS Code's own proxy setting, so the extension goes where the rest of the editor goes. */
  proxy(): string | undefined {
    return vscode.workspace.getConfiguration('http').get<string>('proxy');
  }

  /** Whether saving this document runs formatters or trims whitespace, i.e. rewrites what the user typed. */
  saveRewrites(document: vscode.TextDocument): boolean {
    const editor = vscode.workspace.getConfiguration('editor', document);
    const files = vscode.workspace.getConfiguration('files', document);
    return Boolean(editor.get<boolean>('formatOnSave') || files.get<boolean>('trimTrailingWhitespace'));
  }

  /** Calls `listener` whenever one of these settings (or one in these groups) changed. */
  onDidChange(watched: readonly WatchedSetting[], listener: () => unknown): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (watched.some((setting) => event.affectsConfiguration(setting))) listener();
    });
  }

  private section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION);
  }
}

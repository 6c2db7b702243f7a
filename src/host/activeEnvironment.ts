// What the whole UI keys on: the environment in force, whether its hosts are valid, and whether it has
// credentials. Mirrors that into context keys for `when` clauses and welcome views.
import * as vscode from 'vscode';
import type { CredentialStore } from '../client/auth/credentialStore';
import type { EnvironmentId, EnvironmentResolution } from '../client/environments/environments';
import type { EnvironmentSettings } from './settings/environmentSettings';
import { Disposable } from './disposable';
import type { Logger } from './logger';

export const CONTEXT_HAS_CREDENTIALS = 'openPayments.hasCredentials';
export const CONTEXT_ENVIRONMENT = 'openPayments.environment';
export const CONTEXT_ENVIRONMENT_INVALID = 'openPayments.environmentInvalid';

export interface EnvironmentState {
  readonly id: EnvironmentId;
  readonly resolution: EnvironmentResolution;
  readonly hasCredentials: boolean;
}

export class ActiveEnvironment extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<EnvironmentState>());
  private current: EnvironmentState;
  private running: Promise<EnvironmentState> | undefined;
  private queued: Promise<EnvironmentState> | undefined;
  /** The first read is always announced, so listeners start from a known state. */
  private announced = false;
  /** The context key values last set; a read sets only what changed (each set is a round trip to the window). */
  private readonly contextKeys = new Map<string, unknown>();
  /**
   * An environment the user chose whose settings write has not landed yet (see switchTo). Reads use it instead
   * of the settings, so nothing shows the old environment in between.
   */
  private pending: { readonly id: EnvironmentId; written: boolean } | undefined;
  /** The environment the settings named when they last changed, to tell a change of it from other changes. */
  private settingsId: EnvironmentId;

  readonly onDidChange = this.changed.event;

  constructor(
    private readonly settings: EnvironmentSettings,
    private readonly credentials: CredentialStore,
    private readonly logger: Logger,
  ) {
    super();
    const id = settings.currentId();
    this.settingsId = id;
    this.current = { id, resolution: settings.resolve(id), hasCredentials: false };
    this._register(settings.onDidChange(() => this.onSettingsChanged()));
    // Also fires when another window stores or clears credentials.
    this._register(credentials.onDidChange(() => void this.refresh()));
    // The welcome views and the status bar key on the context keys, so the first read starts with the object.
    // It settles after the awaited secret read, so listeners attached right after construction hear it.
    void this.refresh();
  }

  get state(): EnvironmentState {
    return this.current;
  }

  /**
   * Re-reads settings and secrets. The promise always reflects a read that started after this call, so a
   * command that just changed something sees its change; calls during a read share one follow-up read.
   */
  refresh(): Promise<EnvironmentState> {
    if (!this.running) {
      this.running = this.read().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.refresh();
      });
    return this.queued;
  }

  /**
   * Makes `id` the environment in force now, while `write` (the settings change that selects it) is still
   * under way: writing a setting can take a second, and the views can load meanwhile. Once the write settles,
   * the settings are read again, so a write that failed puts back what the settings say.
   */
  switchTo(id: EnvironmentId, write: Promise<unknown>): Promise<EnvironmentState> {
    const pending = { id, written: false };
    this.pending = pending;
    write.then(
      () => {
        // The settings may announce the new value just after the write resolves; until then the choice holds.
        if (this.settings.currentId() === id && this.pending === pending) this.pending = undefined;
        else pending.written = true;
        void this.refresh();
      },
      () => {
        if (this.pending === pending) this.pending = undefined;
        void this.refresh();
      },
    );
    return this.refresh();
  }

  /** Whether `id` is a choice whose settings write has not landed and that nothing has replaced since. */
  holdsChoice(id: EnvironmentId): boolean {
    return this.pending?.id === id && !this.pending.written;
  }

  /**
   * A settings change ends a choice whose write has landed: from then on the settings say what is in force. A
   * change of the environment setting to another one (the user edited settings.json, or another window chose)
   * ends a choice still waiting to be written: the latest choice wins.
   */
  private onSettingsChanged(): void {
    const id = this.settings.currentId();
    const choseAnother = id !== this.settingsId && id !== this.pending?.id;
    this.settingsId = id;
    if (this.pending?.written || choseAnother) this.pending = undefined;
    void this.refresh();
  }

  private async read(): Promise<EnvironmentState> {
    const id = this.pending?.id ?? this.settings.currentId();
    const resolution = this.settings.resolve(id);
    let hasCredentials = false;
    try {
      hasCredentials = await this.credentials.has(id);
    } catch (error) {
      this.logger.error('Reading client credentials from secret storage failed', error);
    }
    const previous = this.current;
    this.current = { id, resolution, hasCredentials };
    // The context keys (welcome views, menus) and the listeners (trees that reload) both follow the new state,
    // so they start together, and a read ends without waiting for the window's answer about the keys: every
    // request reads the state first, and the first listing after a switch waited a round trip for them.
    const keys = Promise.all([
      this.setContext(CONTEXT_HAS_CREDENTIALS, hasCredentials),
      this.setContext(CONTEXT_ENVIRONMENT, id),
      this.setContext(CONTEXT_ENVIRONMENT_INVALID, !resolution.ok),
    ]);
    // Every request re-reads the state; listeners (trees that reload) hear only of real changes, or a tree
    // that reloads on change would send requests that announce a change forever.
    if (stateKey(previous) !== stateKey(this.current) || !this.announced) {
      this.announced = true;
      this.logger.info(
        `Environment ${id}${resolution.ok ? ` (${resolution.environment.authHost}, ${resolution.environment.apiHost})` : ' (invalid hosts)'}; credentials ${hasCredentials ? 'set' : 'not set'}.`,
      );
      this.changed.fire(this.current);
    }
    void keys.catch((error: unknown) => this.logger.error('Setting the Open Payments context keys failed', error));
    return this.current;
  }

  private async setContext(key: string, value: unknown): Promise<void> {
    if (this.contextKeys.has(key) && this.contextKeys.get(key) === value) return;
    this.contextKeys.set(key, value);
    try {
      await vscode.commands.executeCommand('setContext', key, value);
    } catch (error) {
      // Not remembered as set, so the next read tries again.
      this.contextKeys.delete(key);
      throw error;
    }
  }

}

/** What listeners care about: which environment, its hosts (or that they are invalid), and credentials. */
function stateKey(state: EnvironmentState): string {
  const hosts = state.resolution.ok ? `${state.resolution.environment.authHost} ${state.resolution.environment.apiHost}` : 'invalid';
  return `${state.id}|${hosts}|${state.hasCredentials}`;
}

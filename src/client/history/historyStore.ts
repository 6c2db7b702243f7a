// The last N calls. Entries (small, no secrets) live in a Memento-like key-value state; each entry's masked
// response lives in its own file so "Open Response" works after a reload without bloating globalState.
// Pure: the VS Code layer injects globalState, a file store and the cap setting.
import type { Redactor } from '../redaction/redaction';
import { historyEntryFrom, isHistoryEntry, type HistoryEntry } from './historyEntry';
import { parseStoredResponse, serialiseStoredResponse } from './storedResponse';
import { responseRecordFrom, type CallDefaults, type RecordedCall, type ResponseRecord } from './responseRecord';

/** The part of vscode.Memento the store uses. */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Flat files by name (a name is `<entry id>.json`); the VS Code layer roots them in globalStorageUri. */
export interface DetailFiles {
  write(name: string, text: string): Promise<void>;
  read(name: string): Promise<string | undefined>;
  remove(name: string): Promise<void>;
  list(): Promise<readonly string[]>;
}

export interface HistoryLog {
  error(message: string, error?: unknown): void;
}

export interface HistoryStoreOptions {
  readonly state: KeyValueState;
  readonly files: DetailFiles;
  readonly redactor: Redactor;
  /** Read on every write, so a settings change applies to the next call without a reload. */
  readonly maxEntries: () => number;
  readonly log: HistoryLog;
  /** The settings in force for an environment when a call is recorded (see CallDefaults). */
  readonly callDefaults?: (environmentId: string) => CallDefaults;
  readonly newId?: () => string;
  readonly now?: () => number;
}

export const HISTORY_STATE_KEY = 'openPayments.history.v1';
export const DEFAULT_MAX_ENTRIES = 200;
const DETAIL_FILE = /^([0-9a-f-]{36})\.json$/;

export interface Subscription {
  dispose(): void;
}

export class HistoryStore {
  private readonly listeners = new Set<() => void>();
  /** Writes run one after another so two quick calls cannot overwrite each other's entry. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly newId: () => string;
  private readonly now: () => number;

  constructor(private readonly options: HistoryStoreOptions) {
    // The Web Crypto global, not node:crypto, so activation does not load that module.
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.now = options.now ?? Date.now;
  }

  onDidChange(listener: () => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Newest first. Read from the state each time, so another window's additions show up too. */
  entries(): readonly HistoryEntry[] {
    const stored = this.options.state.get<unknown>(HISTORY_STATE_KEY);
    return Array.isArray(stored) ? stored.filter(isHistoryEntry) : [];
  }

  get(id: string): HistoryEntry | undefined {
    return this.entries().find((entry) => entry.id === id);
  }

  /**
   * Records a finished call and returns what the response view shows for it. Never rejects: a storage
   * problem is logged and the response is still returned.
   */
  async record(call: RecordedCall): Promise<ResponseRecord> {
    const defaults = this.options.callDefaults?.(call.environmentId) ?? { context: 'private' };
    const response = responseRecordFrom(call, this.options.redactor, defaults, this.now);
    await this.serialised(async () => {
      const id = this.newId();
      let hasDetails = true;
      try {
        await this.options.files.write(`${id}.json`, serialiseStoredResponse(response));
      } catch (error) {
        hasDetails = false;
        this.options.log.error('Writing the response details of a history entry failed', error);
      }
      const context = call.input.context ?? defaults.context;
      const entry = historyEntryFrom(id, response, call, context, this.options.redactor, hasDetails);
      await this.save([entry, ...this.entries()], false);
    }, 'Adding a history entry failed');
    return response;
  }

  /** The stored response of an entry, or undefined when it was pruned, never written or is unreadable. */
  async loadResponse(id: string): Promise<ResponseRecord | undefined> {
    const entry = this.get(id);
    if (!entry?.hasDetails) return undefined;
    try {
      const text = await this.options.files.read(`${id}.json`);
      return text === undefined ? undefined : parseStoredResponse(text);
    } catch (error) {
      this.options.log.error('Reading the response details of a history entry failed', error);
      return undefined;
    }
  }

  async clear(): Promise<void> {
    await this.serialised(async () => {
      await this.options.state.update(HISTORY_STATE_KEY, []);
      await this.removeFilesExcept(new Set());
      this.changed();
    }, 'Clearing the history failed');
  }

  /**
   * Applies the current cap and removes files no entry refers to (left by a crash or another version).
   * Meant for activation and a settings change, not for every call (see save()).
   */
  async prune(): Promise<void> {
    await this.serialised(async () => {
      const entries = this.entries();
      // Under the cap the list stays as it is: no state write, no view refresh, only stray files go.
      if (entries.length > capOf(this.options.maxEntries())) await this.save(entries, true);
      else await this.removeFilesExcept(idsWithDetails(entries));
    }, 'Pruning the history failed');
  }

  /**
   * Keeps the newest entries up to the cap. Normally only the files of the entries dropped here are
   * removed: another window may have just written a file whose entry this window cannot see yet.
   */
  private async save(entries: readonly HistoryEntry[], sweep: boolean): Promise<void> {
    const cap = capOf(this.options.maxEntries());
    const kept = entries.slice(0, cap);
    await this.options.state.update(HISTORY_STATE_KEY, kept);
    if (sweep) {
      await this.removeFilesExcept(idsWithDetails(kept));
    } else {
      for (const dropped of entries.slice(cap)) if (dropped.hasDetails) await this.options.files.remove(`${dropped.id}.json`);
    }
    this.changed();
  }

  private async removeFilesExcept(keep: ReadonlySet<string>): Promise<void> {
    const names = await this.options.files.list();
    for (const name of names) {
      const id = DETAIL_FILE.exec(name)?.[1];
      if (id !== undefined && !keep.has(id)) await this.options.files.remove(name);
    }
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private serialised<T>(work: () => Promise<T>, failure: string): Promise<T | undefined> {
    const run = this.queue.then(work).catch((error: unknown) => {
      this.options.log.error(failure, error);
      return undefined;
    });
    this.queue = run;
    return run;
  }
}

function idsWithDetails(entries: readonly HistoryEntry[]): ReadonlySet<string> {
  return new Set(entries.filter((e) => e.hasDetails).map((e) => e.id));
}

/** A sane cap whatever the setting holds: at least 1, at most 10,000, whole numbers. */
function capOf(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_MAX_ENTRIES;
  return Math.min(10_000, Math.max(1, Math.floor(value)));
}

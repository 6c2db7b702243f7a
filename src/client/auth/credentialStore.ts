// Client credentials live only in SecretStorage, one entry per environment. This module depends on the
// shape of SecretStorage, not on `vscode`, so it runs in unit tests against an in-memory store.
import { ENVIRONMENT_IDS, type EnvironmentId } from '../environments/environments';
import { ClientError } from '../errors';
import type { Redactor } from '../redaction/redaction';

/** A client registered in the Developer Portal, as stored per environment and sent to the auth server. */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** How the auth server's callers (client_credentials tokens, the SCA code exchange) get the credentials. */
export type CredentialsProvider = (environmentId: string) => Promise<ClientCredentials | undefined>;

interface Disposable {
  dispose(): unknown;
}

/** The part of vscode.SecretStorage this store needs; vscode's object satisfies it as is. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
  onDidChange(listener: (event: { readonly key: string }) => unknown): Disposable;
}

const KEY_PREFIX = 'openPayments.clientCredentials.';

/** A value refused before it is stored; the message names the field, never the value. */
export class CredentialValidationError extends ClientError<{ readonly kind: 'empty'; readonly field: 'clientId' | 'clientSecret' }> {
  readonly family = 'credentials';

  constructor(field: 'clientId' | 'clientSecret') {
    super('CredentialValidationError', { kind: 'empty', field }, `${field} is empty`);
  }

  get field(): 'clientId' | 'clientSecret' {
    return this.details.field;
  }
}

declare module '../errors' {
  interface ClientErrorFamilies {
    credentials: CredentialValidationError;
  }
}

export function credentialProblem(value: string | undefined): 'empty' | undefined {
  return value === undefined || value.trim() === '' ? 'empty' : undefined;
}

export class CredentialStore {
  /**
   * What the secret storage holds per environment, read once and kept in memory until the entry changes (here
   * or in another window): every request checks for credentials, and each read of the secret storage is a
   * round trip to the window that took up to a quarter of a second on a busy machine.
   */
  private readonly reads = new Map<EnvironmentId, Promise<ClientCredentials | undefined>>();
  private readonly subscription: Disposable;
  /**
   * Counts the sets and clears per environment, so a write that waited (see set) is dropped when a later set or
   * a clear (Forget Everything) came meanwhile: it would put back what the user has just removed.
   */
  private readonly changes = new Map<EnvironmentId, number>();

  /** The redactor learns every secret this store hands out, so no log line can show it verbatim. */
  constructor(
    private readonly secrets: SecretStore,
    private readonly redactor: Redactor,
  ) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key.startsWith(KEY_PREFIX)) this.reads.delete(event.key.slice(KEY_PREFIX.length) as EnvironmentId);
    });
  }

  get(environment: EnvironmentId): Promise<ClientCredentials | undefined> {
    let read = this.reads.get(environment);
    if (!read) {
      read = this.read(environment);
      this.reads.set(environment, read);
      // A failed read is not kept: the next one asks the secret storage again.
      read.catch(() => {
        if (this.reads.get(environment) === read) this.reads.delete(environment);
      });
    }
    return read;
  }

  private async read(environment: EnvironmentId): Promise<ClientCredentials | undefined> {
    const raw = await this.secrets.get(KEY_PREFIX + environment);
    if (!raw) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isCredentials(parsed)) {
        this.redactor.addSecret(parsed.clientSecret);
        return parsed;
      }
    } catch {
      // A damaged entry is treated as absent; the user is asked to set credentials again.
    }
    return undefined;
  }

  async has(environment: EnvironmentId): Promise<boolean> {
    return (await this.get(environment)) !== undefined;
  }

  /**
   * Stores trimmed values; refuses empty ones so an existing entry is never overwritten by a blank. Readers get
   * the new values at once; the write to the secret storage waits for `writeAfter` when one is given, and is
   * not made if the entry was set again or cleared while it waited.
   */
  async set(environment: EnvironmentId, credentials: ClientCredentials, writeAfter?: PromiseLike<unknown>): Promise<void> {
    if (credentialProblem(credentials.clientId)) throw new CredentialValidationError('clientId');
    if (credentialProblem(credentials.clientSecret)) throw new CredentialValidationError('clientSecret');
    const value: ClientCredentials = {
      clientId: credentials.clientId.trim(),
      clientSecret: credentials.clientSecret.trim(),
    };
    this.redactor.addSecret(value.clientSecret);
    // Readers get the new value while it is being written: the write is a round trip to the window, whose
    // secret storage kept VS Code 1.139's workbench busy for up to 600 ms, so Use Local Sandbox lists the banks
    // first and writes after. The change event that follows the write clears it, so the next read asks the
    // secret storage again, as after any change.
    const written = Promise.resolve(value);
    this.reads.set(environment, written);
    const change = this.countChange(environment);
    try {
      await writeAfter;
      if (this.changes.get(environment) !== change) return;
      await this.secrets.store(KEY_PREFIX + environment, JSON.stringify(value));
    } catch (error) {
      if (this.reads.get(environment) === written) this.reads.delete(environment);
      throw error;
    }
  }

  async clear(environment: EnvironmentId): Promise<void> {
    this.countChange(environment);
    this.reads.delete(environment);
    try {
      await this.secrets.delete(KEY_PREFIX + environment);
    } finally {
      this.reads.delete(environment);
    }
  }

  /** Removes the credentials of every environment (Forget Everything). */
  async clearAll(): Promise<void> {
    for (const environment of ENVIRONMENT_IDS) await this.clear(environment);
  }

  private countChange(environment: EnvironmentId): number {
    const change = (this.changes.get(environment) ?? 0) + 1;
    this.changes.set(environment, change);
    return change;
  }

  dispose(): void {
    this.subscription.dispose();
    this.reads.clear();
  }

  /** Fires for changes made here and in other windows sharing the same secret storage. */
  onDidChange(listener: (environment: string) => unknown): Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key.startsWith(KEY_PREFIX)) listener(event.key.slice(KEY_PREFIX.length));
    });
  }
}

function isCredentials(value: unknown): value is ClientCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.clientId === 'string' && typeof record.clientSecret === 'string';
}

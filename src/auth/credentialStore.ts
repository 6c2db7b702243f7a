// Client credentials live only in SecretStorage, one entry per environment. This module depends on the
// shape of SecretStorage, not on `vscode`, so it runs in unit tests against an in-memory store.
import type { EnvironmentId } from '../core/environments';
import type { Redactor } from '../core/redaction';

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

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

export class CredentialValidationError extends Error {
  constructor(readonly field: 'clientId' | 'clientSecret') {
    super(`${field} is empty`);
    this.name = 'CredentialValidationError';
  }
}

export function credentialProblem(value: string | undefined): 'empty' | undefined {
  return value === undefined || value.trim() === '' ? 'empty' : undefined;
}

export class CredentialStore {
  /** The redactor learns every secret this store hands out, so no log line can show it verbatim. */
  constructor(
    private readonly secrets: SecretStore,
    private readonly redactor: Redactor,
  ) {}

  async get(environment: EnvironmentId): Promise<ClientCredentials | undefined> {
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

  /** Stores trimmed values; refuses empty ones so an existing entry is never overwritten by a blank. */
  async set(environment: EnvironmentId, credentials: ClientCredentials): Promise<void> {
    if (credentialProblem(credentials.clientId)) throw new CredentialValidationError('clientId');
    if (credentialProblem(credentials.clientSecret)) throw new CredentialValidationError('clientSecret');
    const value: ClientCredentials = {
      clientId: credentials.clientId.trim(),
      clientSecret: credentials.clientSecret.trim(),
    };
    this.redactor.addSecret(value.clientSecret);
    await this.secrets.store(KEY_PREFIX + environment, JSON.stringify(value));
  }

  async clear(environment: EnvironmentId): Promise<void> {
    await this.secrets.delete(KEY_PREFIX + environment);
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

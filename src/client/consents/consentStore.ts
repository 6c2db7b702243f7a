// The consents the user created, per environment, kept in globalState. Only identifiers, bank and status:
// never a token, code or secret. Pure: it depends on the Memento's shape only.
import { CONSENT_STATUSES, type BgConsentStatus } from './consentStatuses';

/** A Berlin Group status, or 'unknown' for anything else a bank sends. */
export type ConsentStatus = BgConsentStatus | 'unknown';

export interface ConsentRecord {
  readonly consentId: string;
  readonly bicFi: string;
  readonly environmentId: string;
  readonly status: ConsentStatus;
  readonly validUntil?: string;
  readonly createdAt: string;
  /** The PSU context the consent was created in; AIS calls must use the same. */
  readonly context: 'private' | 'corporate';
}

interface StateLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const KEY = 'openPayments.consents';
const MAX_CONSENTS = 100;

export function toConsentStatus(value: unknown): ConsentStatus {
  return typeof value === 'string' && (CONSENT_STATUSES as readonly string[]).includes(value) ? (value as ConsentStatus) : 'unknown';
}

export class ConsentStore {
  /** Writes are chained so two quick updates cannot overwrite each other. */
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly state: StateLike) {}

  list(environmentId: string): ConsentRecord[] {
    return this.all().filter((c) => c.environmentId === environmentId);
  }

  get(environmentId: string, consentId: string): ConsentRecord | undefined {
    return this.all().find((c) => c.environmentId === environmentId && c.consentId === consentId);
  }

  add(record: ConsentRecord): Promise<void> {
    return this.write((all) => [record, ...all.filter((c) => !(c.environmentId === record.environmentId && c.consentId === record.consentId))].slice(0, MAX_CONSENTS));
  }

  /** Writes (and tells listeners) only when something changes: views refresh on every change, and a refresh may read again. */
  update(environmentId: string, consentId: string, change: Partial<Pick<ConsentRecord, 'status' | 'validUntil'>>): Promise<void> {
    return this.write((all) => {
      const index = all.findIndex((c) => c.environmentId === environmentId && c.consentId === consentId);
      const current = all[index];
      if (!current || (Object.keys(change) as (keyof typeof change)[]).every((key) => current[key] === change[key])) return undefined;
      return all.map((c, i) => (i === index ? { ...c, ...change } : c));
    });
  }

  remove(environmentId: string, consentId: string): Promise<void> {
    return this.write((all) => all.filter((c) => !(c.environmentId === environmentId && c.consentId === consentId)));
  }

  /** Forgets every consent of every environment: the key leaves the state (Forget Everything). */
  clear(): Promise<void> {
    const next = this.writing.then(async () => {
      await this.state.update(KEY, undefined);
      this.listeners.forEach((listener) => listener());
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every write asked for so far has landed, so a caller can read back what an answer changed. */
  settled(): Promise<void> {
    return this.writing;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** `change` returns undefined when there is nothing to write. */
  private write(change: (all: ConsentRecord[]) => ConsentRecord[] | undefined): Promise<void> {
    const next = this.writing.then(async () => {
      const changed = change(this.all());
      if (!changed) return;
      await this.state.update(KEY, changed);
      this.listeners.forEach((listener) => listener());
    });
    // A failed write is reported to its caller but must not block the writes after it.
    this.writing = next.catch(() => undefined);
    return next;
  }

  private all(): ConsentRecord[] {
    const stored = this.state.get<unknown>(KEY);
    return Array.isArray(stored) ? stored.filter(isRecord) : [];
  }
}

function isRecord(value: unknown): value is ConsentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.consentId === 'string' && typeof r.bicFi === 'string' && typeof r.environmentId === 'string' && typeof r.status === 'string';
}

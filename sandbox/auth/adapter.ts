// oidc-provider storage. Its bundled memory adapter is a process-wide LRU of 1,000 entries: two sandboxes in one
// process would share tokens, and a benchmark would evict live tokens. This one is per instance and unbounded,
// with expired entries swept so long runs do not grow without limit.
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

export interface AdapterStore {
  /** The factory oidc-provider calls with a model name ("ClientCredentials", "Session", …). */
  factory: new (model: string) => Adapter;
  close(): void;
}

/** `observe` sees every entry as it is stored (the issued-secrets ledger listens here). */
export function createAdapterStore(observe: (model: string, id: string, payload: AdapterPayload) => void = () => {}): AdapterStore {
  const entries = new Map<string, Entry>();
  const byGrant = new Map<string, Set<string>>();
  const byUid = new Map<string, string>();
  const byUserCode = new Map<string, string>();

  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
  }, 60_000);
  sweep.unref();

  class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const key = this.key(id);
      observe(this.model, id, payload);
      // Tokens are looked up again long after they expire (to tell TOKEN_EXPIRED from unknown), so keep them a while.
      const keepFor = (expiresIn > 0 ? expiresIn + 3600 : 24 * 3600) * 1000;
      entries.set(key, { payload, expiresAt: Date.now() + keepFor });
      if (payload.grantId) {
        const set = byGrant.get(payload.grantId) ?? new Set<string>();
        set.add(key);
        byGrant.set(payload.grantId, set);
      }
      if (payload.uid) byUid.set(payload.uid, id);
      if (payload.userCode) byUserCode.set(payload.userCode, id);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return live(this.key(id));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = byUid.get(uid);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = byUserCode.get(userCode);
      return id === undefined ? undefined : this.find(id);
    }

    async consume(id: string): Promise<void> {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      entries.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of byGrant.get(grantId) ?? []) entries.delete(key);
      byGrant.delete(grantId);
    }
  }

  return {
    factory: MemoryAdapter,
    close: () => clearInterval(sweep),
  };
}

// Values per token scope, grouped by environment so that one environment's entries go at once. Looking a
// scope up builds one short string and no array, as it happens on every API call.

/** The fields of a ScopeKey that identify it. */
export interface ScopeKey {
  readonly environmentId: string;
  readonly authHost: string;
  readonly product: string;
  readonly context: string;
}

/** Product and context never contain a space, so this is unambiguous whatever the auth host holds. */
function keyWithinEnvironment(scope: ScopeKey): string {
  return `${scope.authHost} ${scope.product} ${scope.context}`;
}

export class ScopeMap<V> {
  private readonly byEnvironment = new Map<string, Map<string, V>>();

  get(scope: ScopeKey): V | undefined {
    return this.byEnvironment.get(scope.environmentId)?.get(keyWithinEnvironment(scope));
  }

  set(scope: ScopeKey, value: V): void {
    let entries = this.byEnvironment.get(scope.environmentId);
    if (!entries) {
      entries = new Map();
      this.byEnvironment.set(scope.environmentId, entries);
    }
    entries.set(keyWithinEnvironment(scope), value);
  }

  delete(scope: ScopeKey): void {
    const entries = this.byEnvironment.get(scope.environmentId);
    entries?.delete(keyWithinEnvironment(scope));
    if (entries?.size === 0) this.byEnvironment.delete(scope.environmentId);
  }

  /** One environment's entries, or all. */
  clear(environmentId?: string): void {
    if (environmentId === undefined) this.byEnvironment.clear();
    else this.byEnvironment.delete(environmentId);
  }
}

// Fields computed on first read that still behave like ordinary data: enumerable own properties, so
// spreading, JSON.stringify, structuredClone and deep equality see what an eagerly built object shows.

/** A value computed at most once; the computation (and what it holds on to) is dropped afterwards. */
export function once<V>(compute: () => V): () => V {
  let pending: (() => V) | undefined = compute;
  let value: V | undefined;
  return () => {
    if (pending) {
      value = pending();
      pending = undefined;
    }
    return value as V;
  };
}

/** Adds `key` to `target` as an enumerable property computed on first read (for keys that may be absent). */
export function defineLazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  const value = once(compute);
  Object.defineProperty(target, key, { enumerable: true, configurable: true, get: value });
}

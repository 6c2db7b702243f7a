// Plain objects whose costly fields are computed on first read. They stay ordinary enumerable own
// properties, so spreading, JSON.stringify, structuredClone and deep-equality see the same object as an
// eagerly built one; after the first read a field is a fixed value and its computation is released.

/** A field value to compute on first read. */
export class Deferred<V> {
  constructor(readonly compute: () => V) {}
}

export function deferred<V>(compute: () => V): Deferred<V> {
  return new Deferred(compute);
}

export type WithDeferred<T> = { readonly [K in keyof T]: T[K] | Deferred<T[K]> };

/** Builds T from the fields in their given order; Deferred ones become memoising getters. */
export function withLazyFields<T extends object>(fields: WithDeferred<T>): T {
  const target: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!(value instanceof Deferred)) {
      target[key] = value;
      continue;
    }
    const compute = (value as Deferred<unknown>).compute;
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get() {
        const computed = compute();
        Object.defineProperty(target, key, { value: computed, enumerable: true, configurable: false, writable: false });
        return computed;
      },
    });
  }
  return target as T;
}

/** A value computed at most once, shared by several deferred fields; the computation is dropped afterwards. */
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

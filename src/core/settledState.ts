// VS Code's extension host keeps an extension's globalState as one object and replaces all of it whenever the
// window's storage reports a change, its own writes included. The echo of an older write that arrives after a
// newer update() hides the newer value until its own echo comes (a consent flickers out of the Consents view);
// arriving before the newer value is sent, it even makes the host send the state without it, and the value is
// lost although update() resolved. This wrapper answers reads of a key from its write until the write is
// settled, and writes again while the state does not hold what was written.

/** The part of vscode.Memento the stores use. */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Enough for an echo or two in a row; a state that never keeps the value is not worth looping on. */
const MAX_REWRITES = 3;

export class SettledState {
  /** The write under way for a key; a newer write of the key replaces it. */
  private readonly writes = new Map<string, { readonly value: unknown; readonly json: string | undefined }>();

  constructor(private readonly inner: KeyValueState) {}

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    const write = this.writes.get(key);
    const value = write ? (write.value as T | undefined) : this.inner.get<T>(key);
    return value === undefined ? defaultValue : value;
  }

  async update(key: string, value: unknown): Promise<void> {
    // A copy, as the memento keeps one: the caller may change its object after the call.
    const json = value === undefined ? undefined : JSON.stringify(value);
    const write = { value: json === undefined ? undefined : (JSON.parse(json) as unknown), json };
    this.writes.set(key, write);
    try {
      for (let rewrite = 0; ; rewrite++) {
        await this.inner.update(key, write.value);
        // A newer write of this key settles it from now on.
        if (this.writes.get(key) !== write) return;
        const stored = this.inner.get<unknown>(key);
        if ((stored === undefined ? undefined : JSON.stringify(stored)) === write.json || rewrite >= MAX_REWRITES) return;
      }
    } finally {
      if (this.writes.get(key) === write) this.writes.delete(key);
    }
  }
}

// VS Code's extension host keeps an extension's globalState as one object and replaces all of it whenever the
// window's storage reports a change, its own writes included, and those reports may come late. A late report
// of an older write hides a newer value (a consent flickers out of the Consents view), and the next write of
// any key then stores the older state, so the newer value is lost although its update() resolved. This wrapper
// remembers what this window wrote for each key and what it wrote before: a stored value that is one of its own
// earlier writes is such a stale report, so reads answer the latest write and it is written again. A value this
// window never wrote is another window's change and is taken as it is.

/** The part of vscode.Memento the stores use. */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Earlier writes remembered per key: more than the reports that can be on their way at once. */
const EARLIER_KEPT = 32;
/** Rewrites of one write before giving up on a state that never keeps it. */
const MAX_REWRITES = 3;

interface Written {
  value: unknown;
  json: string;
  /** What this window wrote before (and what was stored before its first write), oldest first. */
  readonly earlier: string[];
  repairing: boolean;
}

/** undefined has no JSON; it gets a text no JSON value has. */
function jsonOf(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function valueOf(json: string): unknown {
  return json === 'undefined' ? undefined : (JSON.parse(json) as unknown);
}

export class SettledState {
  private readonly written = new Map<string, Written>();

  constructor(private readonly inner: KeyValueState) {}

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    const stored = this.inner.get<T>(key);
    const written = this.written.get(key);
    let value: T | undefined = stored;
    if (written) {
      const storedJson = jsonOf(stored);
      if (storedJson !== written.json) {
        if (written.earlier.includes(storedJson)) {
          // A late report of this window's own earlier write: the latest write stands, and is stored again.
          value = written.value as T | undefined;
          this.repair(key, written);
        } else {
          // Another window changed the key: its value is the truth from now on.
          this.written.delete(key);
        }
      }
    }
    return value === undefined ? defaultValue : value;
  }

  async update(key: string, value: unknown): Promise<void> {
    // A copy, as the memento keeps one: the caller may change its object after the call.
    const json = jsonOf(value);
    let written = this.written.get(key);
    if (written) {
      written.earlier.push(written.json);
      written.value = valueOf(json);
      written.json = json;
    } else {
      written = { value: valueOf(json), json, earlier: [jsonOf(this.inner.get(key))], repairing: false };
      this.written.set(key, written);
    }
    remove(written.earlier, json);
    written.earlier.splice(0, Math.max(0, written.earlier.length - EARLIER_KEPT));
    for (let rewrite = 0; ; rewrite++) {
      await this.inner.update(key, written.value);
      // A newer write of the key, or another window's value, settles it from now on.
      if (this.written.get(key) !== written || written.json !== json) return;
      if (jsonOf(this.inner.get(key)) === json || rewrite >= MAX_REWRITES) return;
    }
  }

  private repair(key: string, written: Written): void {
    if (written.repairing) return;
    written.repairing = true;
    const done = () => {
      written.repairing = false;
    };
    this.inner.update(key, written.value).then(done, done);
  }
}

function remove(list: string[], item: string): void {
  for (let i = list.indexOf(item); i !== -1; i = list.indexOf(item)) list.splice(i, 1);
}

// A consent written while the echo of an older globalState write is on its way. The fake below behaves as
// VS Code's extension-host memento does (extHostMemento + mainThreadStorage, checked against code-server
// 4.100.3): one object for all keys, update() sets the key and sends the whole object on a 0 ms timer, and every
// change the window's storage reports, the extension's own writes included, replaces that whole object. On a
// busy machine the echo comes late, which is how a consent dropped out of the Consents view.
import assert from 'node:assert/strict';
import { ConsentStore, type ConsentRecord } from '../../../src/client/consents/consentStore';
import { SettledState } from '../../../src/host/settledState';

/**
 * The window's storage: each write is answered with a report of the change (the echo) and a reply. While held,
 * both wait; the test delivers them one by one, in either order, as a busy window may.
 */
class WindowStorage {
  stored = '{}';
  held = true;
  readonly waiting: { readonly raw: string; echo(): void; reply(): void }[] = [];
  echo: (value: Record<string, unknown>) => void = () => undefined;

  setValue(raw: string): Promise<void> {
    return new Promise((resolve) => {
      this.stored = raw;
      let echoed = false;
      let replied = false;
      const write = {
        raw,
        echo: () => {
          if (!echoed) this.echo(JSON.parse(raw) as Record<string, unknown>);
          echoed = true;
        },
        reply: () => {
          if (!replied) resolve();
          replied = true;
        },
      };
      this.waiting.push(write);
      if (!this.held) this.deliver();
    });
  }

  /** Delivers the first waiting write's echo, then its reply, as an idle window does. */
  deliverOne(): void {
    const write = this.waiting.shift();
    write?.echo();
    write?.reply();
  }

  /** Delivers what waits, and from now on answers at once (on a timer, as IPC would). */
  release(): void {
    this.held = false;
    this.deliver();
  }

  private deliver(): void {
    setTimeout(() => {
      while (this.waiting.length) this.deliverOne();
    }, 1);
  }
}

class ExtHostMemento {
  private value: Record<string, unknown> = {};
  private waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly storage: WindowStorage) {
    storage.echo = (value) => (this.value = value);
  }

  get<T>(key: string): T | undefined {
    return this.value[key] as T | undefined;
  }

  update(key: string, value: unknown): Promise<void> {
    this.value[key] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (this.scheduled) return;
      this.scheduled = true;
      setTimeout(() => {
        this.scheduled = false;
        const done = this.waiting.splice(0);
        void this.storage.setValue(JSON.stringify(this.value)).then(() => done.forEach((d) => d()));
      }, 0);
    });
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function consent(consentId: string): ConsentRecord {
  return { consentId, bicFi: 'HANDSESS', environmentId: 'local', status: 'received', createdAt: '2026-12-06T12:00:00Z', context: 'private' };
}

/**
 * History writes its key (sent at once, its echo held back), then the consent is added; the held echo arrives
 * before the consent's own write is sent. Returns what the view listed right after the echo, and at the end.
 */
async function consentBehindALateEcho(wrap: (memento: ExtHostMemento) => { get<T>(key: string): T | undefined; update(key: string, value: unknown): PromiseLike<void> }) {
  const storage = new WindowStorage();
  const memento = new ExtHostMemento(storage);
  const state = wrap(memento);
  const store = new ConsentStore(state);
  const history = state.update('openPayments.history', ['GET /aspsps']);
  await tick(); // the history state is sent; its echo waits in the window
  const added = store.add(consent('c-1'));
  await Promise.resolve(); // the store's chained write has reached update()
  await Promise.resolve();
  storage.deliverOne(); // the late echo of the history write, before the consent's write is sent
  const duringEcho = store.list('local').map((c) => c.consentId);
  storage.release();
  await Promise.all([history, added]);
  await tick();
  return { duringEcho, after: store.list('local').map((c) => c.consentId), stored: (JSON.parse(storage.stored) as Record<string, ConsentRecord[]>)['openPayments.consents'] };
}

describe('globalState writes racing the echo of an older write', () => {
  it('the bare extension-host memento loses the consent (the failure this guards against)', async () => {
    const seen = await consentBehindALateEcho((memento) => memento);
    assert.deepEqual(seen.duringEcho, [], 'the consent flickers out');
    assert.deepEqual(seen.after, [], 'and is lost, though its write resolved');
  });

  it('through SettledState the consent stays listed throughout and is stored', async () => {
    const seen = await consentBehindALateEcho((memento) => new SettledState(memento));
    assert.deepEqual(seen.duringEcho, ['c-1']);
    assert.deepEqual(seen.after, ['c-1']);
    assert.deepEqual(seen.stored?.map((c) => c.consentId), ['c-1'], 'in the window\'s storage too, so it survives a reload');
  });

  it('an echo that comes after its write was answered neither hides nor loses a settled consent', async () => {
    const storage = new WindowStorage();
    const memento = new ExtHostMemento(storage);
    const state = new SettledState(memento);
    const store = new ConsentStore(state);
    const history = state.update('openPayments.history', ['GET /aspsps']);
    await tick();
    const [historyWrite] = storage.waiting.splice(0);
    historyWrite?.reply(); // answered, its echo still on the way
    await history;
    const added = store.add(consent('c-1'));
    await tick();
    const [consentWrite] = storage.waiting.splice(0);
    consentWrite?.reply(); // the consent's write is answered before either echo
    await added;
    historyWrite?.echo(); // the late echo of the history write, without the consent
    assert.deepEqual(store.list('local').map((c) => c.consentId), ['c-1'], 'still listed');
    consentWrite?.echo();
    // Another key's write now sends the whole state: the consent must be in it.
    storage.release();
    await state.update('openPayments.params', { bic: 'HANDSESS' });
    await tick();
    assert.deepEqual((JSON.parse(storage.stored) as Record<string, ConsentRecord[]>)['openPayments.consents']?.map((c) => c.consentId), ['c-1']);
    assert.deepEqual(store.list('local').map((c) => c.consentId), ['c-1']);
  });

  it('takes another window\'s value of a key as it is', async () => {
    const storage = new WindowStorage();
    storage.release();
    const memento = new ExtHostMemento(storage);
    const state = new SettledState(memento);
    await state.update('k', 'ours');
    storage.echo({ k: 'theirs' }); // a change made in another window
    assert.equal(state.get('k'), 'theirs');
    await tick();
    assert.equal(state.get('k'), 'theirs', 'and not written over');
  });

  it('a newer write of the same key wins over an older one still settling', async () => {
    const storage = new WindowStorage();
    const state = new SettledState(new ExtHostMemento(storage));
    const first = state.update('k', 1);
    const second = state.update('k', 2);
    assert.equal(state.get('k'), 2);
    storage.release();
    await Promise.all([first, second]);
    assert.equal(state.get('k'), 2);
    assert.equal(JSON.parse(storage.stored).k, 2);
  });

  it('answers the default for a key never written, and a copy of what was written', async () => {
    const storage = new WindowStorage();
    storage.release();
    const state = new SettledState(new ExtHostMemento(storage));
    assert.equal(state.get('missing', 'fallback'), 'fallback');
    const value = { a: [1] };
    const written = state.update('obj', value);
    value.a.push(2);
    await written;
    assert.deepEqual(state.get('obj'), { a: [1] });
  });
});

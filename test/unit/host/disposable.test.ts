// The Disposable base every long-lived object uses: what it owns is released once, newest first, and
// nothing registered after the owner was disposed is left running.
import assert from 'node:assert/strict';
import { Disposable, DisposableGroup } from '../../../src/host/disposable';

/** A disposable that writes its name into `log` each time it is disposed. */
function recorder(name: string, log: string[]) {
  return { name, dispose: () => void log.push(name) };
}

class Owner extends Disposable {
  own<T extends { dispose(): unknown }>(d: T): T {
    return this._register(d);
  }
  get disposedYet(): boolean {
    return this.isDisposed;
  }
}

describe('Disposable', () => {
  it('disposes what it registered in reverse order, so listeners go before the emitters they listen to', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own(recorder('emitter', log));
    owner.own(recorder('listener', log));
    owner.own(recorder('view', log));
    owner.dispose();
    assert.deepEqual(log, ['view', 'listener', 'emitter']);
  });

  it('disposes each registered object only once however often dispose() is called', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own(recorder('a', log));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['a']);
    assert.equal(owner.disposedYet, true);
  });

  it('disposes at once what is registered after it was disposed, and still returns it', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    const late = recorder('late', log);
    assert.equal(owner.own(late), late);
    assert.deepEqual(log, ['late']);
    owner.dispose();
    assert.deepEqual(log, ['late']);
  });

  it('keeps what it registers until it is disposed', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own(recorder('x', log));
    assert.deepEqual(log, []);
    assert.equal(owner.disposedYet, false);
  });

  it('releases the others when one throws, then reports the failure', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own(recorder('first', log));
    owner.own({
      dispose: () => {
        throw new Error('boom');
      },
    });
    owner.own(recorder('last', log));
    assert.throws(() => owner.dispose(), /boom/);
    assert.deepEqual(log, ['last', 'first']);
  });

  it('a group releases what features hand back, newest first, when it is disposed', () => {
    const log: string[] = [];
    const group = new DisposableGroup();
    group.add(recorder('command', log));
    group.add(recorder('tree', log));
    group.dispose();
    assert.deepEqual(log, ['tree', 'command']);
  });
});

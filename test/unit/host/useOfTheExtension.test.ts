import assert from 'node:assert/strict';
import { countTreeUse, registerCommands } from '../../../src/host/commands';
import { activateExtension } from '../fakes/activate';
import { commands, fake, window } from '../fakes/vscode';

async function settledSoon(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('what counts as a use of the extension (writes wait for a pause in it)', () => {
  it('a command counts when it starts and again when it ends, failing or not', async () => {
    const uses: string[] = [];
    let finish: () => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const registration = registerCommands(
      {
        'test.long': () => new Promise<void>((resolve) => (finish = resolve)),
        'test.failing': () => new Promise<void>((_, reject) => (fail = reject)),
      },
      { used: () => uses.push('use') },
    );
    try {
      const long = commands.executeCommand('test.long');
      assert.equal(uses.length, 1, 'counted as it starts');
      finish();
      await long;
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(uses.length, 2, 'and as it ends, when a long flow (a bank login) is over');
      const failing = commands.executeCommand('test.failing');
      fail(new Error('refused'));
      await assert.rejects(failing, /refused/, 'the caller still sees the failure');
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(uses.length, 4);
    } finally {
      registration.dispose();
    }
  });

  it('expanding, collapsing or selecting in a tree view counts', () => {
    let uses = 0;
    const view = window.createTreeView('test.view', { treeDataProvider: {} }) as unknown as ReturnType<typeof window.createTreeView> & {
      expand(node: unknown): void;
      select(nodes: unknown[]): void;
    };
    const counting = countTreeUse(view as never, { used: () => uses++ });
    view.expand({ kind: 'country' });
    view.select([{ kind: 'bank' }]);
    assert.equal(uses, 2);
    counting.dispose();
    view.expand({ kind: 'country' });
    assert.equal(uses, 2, 'nothing after dispose');
    view.dispose();
  });

  it('a window that loses focus ends the wait at once: the user is elsewhere', async () => {
    const ext = await activateExtension();
    try {
      const pause = ext.api.activity.next();
      assert.equal(await settledSoon(pause), false, 'the user may still be clicking');
      fake.windowState.fire({ focused: true });
      assert.equal(await settledSoon(pause), false, 'focus coming back is not a pause');
      fake.windowState.fire({ focused: false });
      assert.equal(await settledSoon(pause), true);
    } finally {
      ext.dispose();
    }
  });

  it('a window that closes ends the wait too, so what waited is written', async () => {
    const ext = await activateExtension();
    const pause = ext.api.activity.next();
    ext.dispose();
    assert.equal(await settledSoon(pause), true);
  });
});

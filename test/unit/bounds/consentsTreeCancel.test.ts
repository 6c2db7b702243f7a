// The Consents & Accounts tree hands every load an AbortSignal and aborts it when the user refreshes the
// tree, another environment becomes active, or the tree is disposed, so no call outlives what asked for it.
// A change in the consent store only re-renders: the loads under it are still good.
import assert from 'node:assert/strict';
import type { ConsentRecord, ConsentStore } from '../../../src/client/consents/consentStore';
import type { ActiveEnvironment } from '../../../src/host/activeEnvironment';
import type { Loaded, ViewLoader } from '../../../src/host/viewLoader';
import { ConsentsTreeProvider } from '../../../src/features/consents/consentsTree';
import type { ConsentNode } from '../../../src/host/treeNodes';

const CONSENT: ConsentRecord = { consentId: 'c-1', bicFi: 'NDEASESS', environmentId: 'sandbox', status: 'valid', createdAt: '2026-12-01T00:00:00Z', context: 'private' };

interface Fixture {
  readonly tree: ConsentsTreeProvider;
  readonly signals: (AbortSignal | undefined)[];
  storeChanged(): void;
  /** Switches the active environment: the state first, its event a moment later (as ActiveEnvironment does). */
  switchEnvironment(id: string): void;
  environmentEvent(): void;
}

function fixture(): Fixture {
  const signals: (AbortSignal | undefined)[] = [];
  let storeListener: () => void = () => undefined;
  let environmentListener: () => void = () => undefined;
  const state = { id: 'sandbox' };
  const store = {
    list: () => [CONSENT],
    onDidChange: (listener: () => void) => {
      storeListener = listener;
      return { dispose: () => undefined };
    },
  } as unknown as ConsentStore;
  const environment = {
    get state() {
      return { id: state.id };
    },
    onDidChange: (listener: () => void) => {
      environmentListener = listener;
      return { dispose: () => undefined };
    },
  } as unknown as ActiveEnvironment;
  const loader = {
    load: (_op: string, _params: unknown, _parse: unknown, _context: unknown, signal?: AbortSignal) => {
      signals.push(signal);
      // Settles only when aborted, as a call the network holds would.
      return new Promise<Loaded<never>>((resolve) => signal?.addEventListener('abort', () => resolve({ ok: false, message: 'cancelled' })));
    },
  } as unknown as ViewLoader;
  return {
    tree: new ConsentsTreeProvider(store, environment, loader),
    signals,
    storeChanged: () => storeListener(),
    switchEnvironment: (id) => (state.id = id),
    environmentEvent: () => environmentListener(),
  };
}

const consentNode: ConsentNode = { kind: 'consent', consent: CONSENT };

describe('Consents tree cancels its loads', () => {
  it('aborts the accounts load in flight when the tree is refreshed, and loads again with a fresh signal', async () => {
    const { tree, signals } = fixture();
    const first = tree.getChildren(consentNode);
    assert.equal(signals.length, 1);
    assert.ok(signals[0] && !signals[0].aborted, 'the load carries a live signal');
    tree.refresh();
    assert.equal(signals[0]?.aborted, true);
    await first;
    void tree.getChildren(consentNode);
    assert.equal(signals[1]?.aborted, false, 'the next load is not born aborted');
    tree.dispose();
    assert.equal(signals[1]?.aborted, true, 'dispose aborts what is still loading');
  });

  it('keeps a balances load when the consent store changes, and aborts it when another environment becomes active', () => {
    const { tree, signals, storeChanged, switchEnvironment, environmentEvent } = fixture();
    const account = { resourceId: 'a-1', label: 'Account', balances: [], currency: 'SEK' };
    const balances = { kind: 'balances', consent: CONSENT, account } as unknown as ConsentNode;
    void tree.getChildren(balances);
    storeChanged();
    assert.equal(signals[0]?.aborted, false, 'a store change re-renders only');
    switchEnvironment('production');
    environmentEvent();
    assert.equal(signals[0]?.aborted, true, 'the old environment\'s load stops');
    tree.dispose();
  });

  it('does not abort a load that began after the environment changed but before its event arrived', () => {
    const { tree, signals, switchEnvironment, environmentEvent } = fixture();
    void tree.getChildren(consentNode);
    switchEnvironment('production');
    void tree.getChildren(consentNode);
    assert.equal(signals[0]?.aborted, true, 'the load for the previous environment stops as soon as a new one begins');
    environmentEvent();
    assert.equal(signals[1]?.aborted, false, 'the load for the new environment keeps going');
    tree.dispose();
  });
});

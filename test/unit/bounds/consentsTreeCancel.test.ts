// The Consents & Accounts tree hands every load an AbortSignal and aborts it when the tree is refreshed
// (the loads are for a tree about to be rebuilt) or disposed, so no call outlives what asked for it.
import assert from 'node:assert/strict';
import type { ConsentRecord, ConsentStore } from '../../../src/consents/consentStore';
import type { ActiveEnvironment } from '../../../src/platform/activeEnvironment';
import type { Loaded, ViewLoader } from '../../../src/platform/viewLoader';
import { ConsentsTreeProvider, type ConsentNode } from '../../../src/views/consentsTree';

const CONSENT: ConsentRecord = { consentId: 'c-1', bicFi: 'NDEASESS', environmentId: 'sandbox', status: 'valid', createdAt: '2026-12-01T00:00:00Z', context: 'private' };

function fixture(): { tree: ConsentsTreeProvider; signals: (AbortSignal | undefined)[]; storeChanged: () => void } {
  const signals: (AbortSignal | undefined)[] = [];
  let storeListener: () => void = () => undefined;
  const store = {
    list: () => [CONSENT],
    onDidChange: (listener: () => void) => {
      storeListener = listener;
      return { dispose: () => undefined };
    },
  } as unknown as ConsentStore;
  const environment = { state: { id: 'sandbox' }, onDidChange: () => ({ dispose: () => undefined }) } as unknown as ActiveEnvironment;
  const loader = {
    load: (_op: string, _params: unknown, _parse: unknown, _context: unknown, signal?: AbortSignal) => {
      signals.push(signal);
      // Settles only when aborted, as a call the network holds would.
      return new Promise<Loaded<never>>((resolve) => signal?.addEventListener('abort', () => resolve({ ok: false, message: 'cancelled' })));
    },
  } as unknown as ViewLoader;
  return { tree: new ConsentsTreeProvider(store, environment, loader), signals, storeChanged: () => storeListener() };
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

  it('aborts a balances load when the consent store changes (which refreshes the tree)', () => {
    const { tree, signals, storeChanged } = fixture();
    const account = { resourceId: 'a-1', label: 'Account', balances: [], currency: 'SEK' };
    void tree.getChildren({ kind: 'balances', consent: CONSENT, account } as unknown as ConsentNode);
    storeChanged();
    assert.equal(signals[0]?.aborted, true);
    tree.dispose();
  });
});

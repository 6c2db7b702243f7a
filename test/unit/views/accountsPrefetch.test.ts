// Accounts of a consent that has just become valid are loaded before the user expands it, so the expansion
// shows them at once. Bounded (a few consents, a short time), shown once, and stopped when the view is hidden,
// the tree is refreshed, the environment changes or the tree goes away.
import assert from 'node:assert/strict';
import type { ConsentRecord, ConsentStore } from '../../../src/client/consents/consentStore';
import type { ActiveEnvironment } from '../../../src/host/activeEnvironment';
import type { Loaded, ViewLoader } from '../../../src/host/viewLoader';
import { ACCOUNTS_PREFETCH, ConsentsTreeProvider } from '../../../src/features/consents/consentsTree';
import type { ConsentNode } from '../../../src/host/treeNodes';

const consent = (id: string, status: ConsentRecord['status']): ConsentRecord => ({
  consentId: id,
  bicFi: 'ESSESESS',
  environmentId: 'local',
  status,
  createdAt: '2026-12-01T00:00:00Z',
  context: 'private',
});

interface Call {
  readonly operationId: string;
  readonly consentId: string;
  readonly signal?: AbortSignal;
  resolve(value: Loaded<unknown>): void;
}

function fixture() {
  let consents: ConsentRecord[] = [consent('c-1', 'received')];
  let storeListener: () => void = () => undefined;
  let clock = 1_000;
  const calls: Call[] = [];
  const store = {
    list: () => consents,
    onDidChange: (listener: () => void) => {
      storeListener = listener;
      return { dispose: () => undefined };
    },
  } as unknown as ConsentStore;
  const environment = {
    state: { id: 'local' },
    onDidChange: () => ({ dispose: () => undefined }),
  } as unknown as ActiveEnvironment;
  const loader = {
    load: (operationId: string, params: Record<string, string>, _parse: unknown, _context: unknown, signal?: AbortSignal) =>
      new Promise<Loaded<unknown>>((resolve) => {
        calls.push({ operationId, consentId: params['Consent-ID'] ?? '', signal, resolve });
        signal?.addEventListener('abort', () => resolve({ ok: false, message: 'The request was cancelled.' }));
      }),
  } as unknown as ViewLoader;
  const tree = new ConsentsTreeProvider(store, environment, loader, () => clock);
  return {
    tree,
    calls,
    /** The store now holds `next` and says so, as it does when a status is read or a consent is created. */
    storeHas(next: ConsentRecord[]) {
      consents = next;
      storeListener();
    },
    advance: (ms: number) => (clock += ms),
  };
}

const accounts = (label: string): Loaded<unknown> =>
  ({ ok: true, value: [{ resourceId: `r-${label}`, label, balances: [], currency: 'SEK' }], record: {} }) as unknown as Loaded<unknown>;
const labels = (nodes: ConsentNode[]) => nodes.map((node) => (node.kind === 'account' ? node.account.label : `${node.kind}`));
const expand = (tree: ConsentsTreeProvider, record: ConsentRecord) => tree.getChildren({ kind: 'consent', consent: record });

describe('Consents tree loads accounts ahead', () => {
  it('loads the accounts of a consent that becomes valid, and its expansion shows them without waiting for a call', async () => {
    const { tree, calls, storeHas } = fixture();
    let changes = 0;
    tree.onDidChangeTreeData(() => changes++);
    tree.setVisible(true);
    storeHas([consent('c-1', 'valid')]);
    assert.deepEqual(calls.map((c) => [c.operationId, c.consentId]), [['getAccountList', 'c-1']], 'loaded before anyone expanded it');
    calls[0]?.resolve(accounts('Main account'));
    await new Promise((resolve) => setImmediate(resolve));
    const changesBefore = changes;
    assert.deepEqual(labels(await expand(tree, consent('c-1', 'valid'))), ['Main account'], 'shown from the load ahead');
    // Then loaded again, and the tree told, so what was loaded ahead is not what stays on screen.
    assert.equal(calls.length, 2);
    calls[1]?.resolve(accounts('Main account, now'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(changes, changesBefore + 1);
    assert.deepEqual(labels(await expand(tree, consent('c-1', 'valid'))), ['Main account, now'], 'the re-render shows the new answer');
    assert.equal(calls.length, 2, 'without asking again');
    // Later expansions (or Refresh) ask the bank, as they did before.
    void expand(tree, consent('c-1', 'valid'));
    assert.equal(calls.length, 3);
    tree.dispose();
  });

  it('an expansion while the load ahead is still on its way waits for that load, not a second one', async () => {
    const { tree, calls, storeHas } = fixture();
    tree.setVisible(true);
    storeHas([consent('c-1', 'valid')]);
    const expanded = expand(tree, consent('c-1', 'valid'));
    calls[0]?.resolve(accounts('Main account'));
    assert.deepEqual(labels(await expanded), ['Main account']);
    assert.equal(calls.length, 1);
    tree.dispose();
  });

  it('loads nothing ahead for a consent that was valid already, nor while the view is hidden', () => {
    const { tree, calls, storeHas } = fixture();
    tree.setVisible(true);
    storeHas([consent('c-1', 'valid')]);
    storeHas([consent('c-1', 'valid'), consent('c-2', 'received')]);
    assert.equal(calls.length, 1, 'a store change that leaves c-1 valid loads nothing more');
    tree.setVisible(false);
    storeHas([consent('c-1', 'valid'), consent('c-2', 'valid')]);
    assert.equal(calls.length, 1, 'hidden: nothing loads ahead');
    tree.dispose();
  });

  it('stops a load ahead when the view is hidden, and the expansion then loads for itself', async () => {
    const { tree, calls, storeHas } = fixture();
    tree.setVisible(true);
    storeHas([consent('c-1', 'valid')]);
    tree.setVisible(false);
    assert.equal(calls[0]?.signal?.aborted, true);
    tree.setVisible(true);
    const expanded = expand(tree, consent('c-1', 'valid'));
    assert.equal(calls.length, 2);
    assert.equal(calls[1]?.signal?.aborted, false);
    calls[1]?.resolve(accounts('Main account'));
    assert.deepEqual(labels(await expanded), ['Main account']);
    tree.dispose();
  });

  it('stops loads ahead on Refresh and on dispose', () => {
    const { tree, calls, storeHas } = fixture();
    tree.setVisible(true);
    storeHas([consent('c-1', 'valid')]);
    tree.refresh();
    assert.equal(calls[0]?.signal?.aborted, true, 'Refresh');
    storeHas([consent('c-1', 'valid'), consent('c-2', 'valid')]);
    tree.dispose();
    assert.equal(calls[1]?.signal?.aborted, true, 'dispose');
  });

  it(`loads ahead for at most ${ACCOUNTS_PREFETCH.maxConsents} consents at once`, () => {
    const { tree, calls, storeHas } = fixture();
    tree.setVisible(true);
    storeHas(['a', 'b', 'c', 'd', 'e'].map((id) => consent(id, 'valid')));
    assert.equal(calls.length, ACCOUNTS_PREFETCH.maxConsents);
    tree.dispose();
  });

  it('does not show accounts loaded ahead once they are older than a few minutes: the expansion loads them again', async () => {
    const { tree, calls, storeHas, advance } = fixture();
    tree.setVisible(true);
    storeHas([consent('c-1', 'valid')]);
    calls[0]?.resolve(accounts('Old balance'));
    advance(ACCOUNTS_PREFETCH.maxAgeMs + 1);
    const expanded = expand(tree, consent('c-1', 'valid'));
    assert.equal(calls.length, 2);
    calls[1]?.resolve(accounts('New balance'));
    assert.deepEqual(labels(await expanded), ['New balance']);
    tree.dispose();
  });

  it('makes the call again on expansion when the load ahead failed', async () => {
    const { tree, calls, storeHas } = fixture();
    tree.setVisible(true);
    storeHas([consent('c-1', 'valid')]);
    calls[0]?.resolve({ ok: false, message: 'Get Account List failed: the bank was busy.' });
    const expanded = expand(tree, consent('c-1', 'valid'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls.length, 2);
    calls[1]?.resolve(accounts('Main account'));
    assert.deepEqual(labels(await expanded), ['Main account']);
    tree.dispose();
  });
});

// The Consents view's rows as a person scans them: the bank, the status and until when first, the consent's
// UUID after; and a failed load as readable rows with a Retry row.
import assert from 'node:assert/strict';
import type { ConsentRecord } from '../../../src/client/consents/consentStore';
import { ConsentStore } from '../../../src/client/consents/consentStore';
import type { ActiveEnvironment } from '../../../src/host/activeEnvironment';
import type { ViewLoader } from '../../../src/host/viewLoader';
import { ConsentsTreeProvider } from '../../../src/features/consents/consentsTree';
import type { ConsentNode } from '../../../src/host/treeNodes';
import { consentLabel } from '../../../src/host/consentLabel';
import { EventEmitter, type ThemeIcon } from '../fakes/vscode';

const ID = '6d1f3b0a-2c4e-4f8a-9b7d-0e1f2a3b4c5d';

function consent(status: ConsentRecord['status'], validUntil = '2027-03-05'): ConsentRecord {
  return { consentId: ID, bicFi: 'ESSESESS', environmentId: 'sandbox', status, ...(validUntil ? { validUntil } : {}), createdAt: '2026-12-01T10:00:00Z', context: 'private' };
}

function tree(loaded: { ok: false; message: string }): ConsentsTreeProvider {
  const values = new Map<string, unknown>();
  const store = new ConsentStore({ get: <T>(key: string) => values.get(key) as T | undefined, update: async (key, value) => void values.set(key, value) });
  const environment = { state: { id: 'sandbox' }, onDidChange: new EventEmitter<unknown>().event } as unknown as ActiveEnvironment;
  const loader = { load: async () => loaded } as unknown as ViewLoader;
  return new ConsentsTreeProvider(store, environment, loader);
}

describe('the Consents view rows', () => {
  it('label a consent by bank, status and valid-until, with its UUID in the description', () => {
    assert.equal(consentLabel(consent('valid')), 'ESSESESS · valid until 2027-03-05');
    assert.equal(consentLabel(consent('received')), 'ESSESESS · received until 2027-03-05');
    assert.equal(consentLabel(consent('unknown')), 'ESSESESS · status unknown');
    assert.equal(consentLabel(consent('valid', '')), 'ESSESESS · valid');
    // Once expired or ended, the end date no longer says anything about using it: it stays in the tooltip only.
    assert.equal(consentLabel(consent('expired')), 'ESSESESS · expired');
    assert.equal(consentLabel(consent('revokedByPsu')), 'ESSESESS · revoked by the PSU');
    assert.equal(consentLabel(consent('terminatedByTpp')), 'ESSESESS · deleted (terminated by the TPP)');
    assert.equal(consentLabel(consent('rejected')), 'ESSESESS · rejected');

    const item = tree({ ok: false, message: '' }).getTreeItem({ kind: 'consent', consent: consent('valid') });
    assert.equal(item.label, 'ESSESESS · valid until 2027-03-05');
    assert.equal(item.description, ID);
    assert.equal(item.tooltip, `Consent ${ID} at ESSESESS (private context), status valid, valid until 2027-03-05, created 2026-12-01T10:00:00Z`);
    assert.equal(item.contextValue, 'openPayments.consent.valid');
  });

  it('show a failed load as rows: what failed, the rest of the message, then Retry', async () => {
    const message = 'Get Account List failed on the server (HTTP 500). Try again later. X-Request-ID: 0f5a6c1e-9d3b-4c2a-8e7f-1a2b3c4d5e6f.';
    const consents = tree({ ok: false, message });
    const [error] = await consents.getChildren({ kind: 'consent', consent: consent('valid') });
    assert.ok(error?.kind === 'message' && error.error);
    const item = consents.getTreeItem(error);
    assert.equal(item.label, 'Get Account List failed on the server (HTTP 500).');
    assert.equal(item.collapsibleState, 2, 'expanded, so the rest shows at once');
    assert.equal(item.command?.command, 'openPayments.consents.refresh', 'selecting the error retries');
    assert.equal((item.iconPath as ThemeIcon).id, 'error');
    assert.equal(item.tooltip, ['Get Account List failed on the server (HTTP 500).', 'Try again later.', 'X-Request-ID: 0f5a6c1e-9d3b-4c2a-8e7f-1a2b3c4d5e6f.'].join('\n'));

    const rows = (await consents.getChildren(error)).map((node: ConsentNode) => consents.getTreeItem(node));
    assert.deepEqual(rows.map((row) => row.label), ['Try again later.', 'X-Request-ID: 0f5a6c1e-9d3b-4c2a-8e7f-1a2b3c4d5e6f.', 'Retry']);
    assert.equal(rows[2]?.command?.command, 'openPayments.consents.refresh');
    assert.equal(rows[0]?.command, undefined);
  });

  it('keep a message that is not an error on one row', async () => {
    const consents = tree({ ok: false, message: 'unused' });
    const [message] = await consents.getChildren({ kind: 'consent', consent: consent('received') });
    assert.ok(message?.kind === 'message' && !message.error);
    assert.equal(consents.getTreeItem(message).collapsibleState, 0);
    assert.deepEqual(await consents.getChildren(message), []);
  });
});

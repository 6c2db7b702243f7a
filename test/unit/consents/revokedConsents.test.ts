// Consents that end at the bank, in the fake VS Code against the local sandbox: an account read answered
// 401 CONSENT_INVALID makes the extension ask the consent's status (once), the view says the PSU revoked it,
// and authorising it again creates a new consent with the same access.
import assert from 'node:assert/strict';
import { catalogueOperation, type OperationId } from '../../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import type { ExchangeRecord } from '../../../src/host/requestRunner';
import type { ScaOutcome } from '../../../src/client/sca/types';
import type { ConsentNode } from '../../../src/host/treeNodes';
import { eventually, type Activated } from '../fakes/activate';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, type ThemeIcon } from '../fakes/vscode';

const BANK = 'HANDSESS';

describe('revoked consents (fake VS Code, local sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('revoked-consent-client', 'revoked-consent-secret-58c2');
  let exchanges: ExchangeRecord[] = [];

  beforeEach(() => {
    // Handelsbanken needs the PSU's IP address, and approves consents at Start Authorisation.
    fake.settings.set('openPayments.psu.ipAddress', { global: '192.168.0.1' });
    exchanges = [];
    current().ext.api.runner.onDidExchange((record) => exchanges.push(record));
  });

  async function send(ext: Activated, operationId: OperationId, params: Record<string, string>, body?: unknown): Promise<ApiResult> {
    const result = await ext.api.runner.run({ operation: catalogueOperation(operationId), params, body }, { show: false });
    assert.ok(result, `${operationId} was attempted`);
    return result;
  }

  /** A consent made valid the Handelsbanken way, and known to the store as valid. */
  async function validConsent(ext: Activated, access: unknown = {}): Promise<string> {
    const created = await send(ext, 'createConsent', { 'X-BicFi': BANK }, { access, recurringIndicator: true, validUntil: '2099-12-31', frequencyPerDay: 4, combinedServiceIndicator: false });
    assert.ok(created.ok, 'created');
    const consentId = String((created.exchange.json as { consentId: string }).consentId);
    await send(ext, 'startConsentAuthorisation', { consentId, 'X-BicFi': BANK });
    await send(ext, 'getConsentStatus', { consentId, 'X-BicFi': BANK });
    await eventually(async () => assert.equal(await storedStatus(ext, consentId), 'valid'));
    return consentId;
  }

  /** The consent as the Consents view lists it. */
  async function consentNode(ext: Activated, consentId: string): Promise<Extract<ConsentNode, { kind: 'consent' }> | undefined> {
    return (await ext.api.consents.getChildren()).find((n): n is Extract<ConsentNode, { kind: 'consent' }> => n.kind === 'consent' && n.consent.consentId === consentId);
  }

  async function storedStatus(ext: Activated, consentId: string): Promise<string | undefined> {
    return (await consentNode(ext, consentId))?.consent.status;
  }

  const statusReads = (consentId: string) => exchanges.filter((r) => r.operation.id === 'getConsentStatus' && r.input.params.consentId === consentId).length;

  it('shows a consent whose account read says CONSENT_INVALID as revoked, asking the bank once, and offers to authorise again', async () => {
    const { ext, sandbox } = current();
    const consentId = await validConsent(ext);
    const readsBefore = statusReads(consentId);
    await fetch(`${sandbox.apiHost}/__sandbox/consents/${consentId}/revoke`, { method: 'POST' });

    // The Consents view expands the consent: the account list is refused.
    const { consents } = ext.api;
    const node = await consentNode(ext, consentId);
    assert.ok(node);
    let [first] = await consents.getChildren(node);
    if (first?.kind === 'account') {
      // The accounts loaded ahead when the consent became valid (before the revoke) show at once; they are read
      // again right after, and the tree re-renders with that answer.
      await new Promise<void>((resolve) => {
        const listening = consents.onDidChangeTreeData(() => {
          listening.dispose();
          resolve();
        });
      });
      [first] = await consents.getChildren(node);
    }
    assert.ok(first?.kind === 'message' && first.error, 'the refused read shows as an error item');
    const refused = exchanges.find((r) => r.operation.id === 'getAccountList' && !r.result.ok);
    assert.ok(refused && !refused.result.ok && refused.result.failure.status === 401);
    assert.deepEqual(refused.result.failure.tppMessages?.map((m) => m.code), ['CONSENT_INVALID']);
    await eventually(async () => assert.equal(await storedStatus(ext, consentId), 'revokedByPsu'));
    // More refused reads in the same minute do not ask the bank again.
    await send(ext, 'getAccountList', { 'X-BicFi': BANK, 'Consent-ID': consentId });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(statusReads(consentId) - readsBefore, 1);

    const revoked = await consentNode(ext, consentId);
    assert.ok(revoked);
    const item = consents.getTreeItem(revoked);
    // An ended consent's validUntil says nothing any more; the label leaves it out, the tooltip keeps it.
    assert.equal(item.label, `${BANK} · revoked by the PSU`);
    assert.equal(item.description, consentId);
    assert.match(String(item.tooltip), /valid until 2099-12-31/);
    assert.equal((item.iconPath as ThemeIcon).id, 'warning');
    assert.equal(item.contextValue, 'openPayments.consent.revokedByPsu');
    const [message] = await consents.getChildren(revoked);
    assert.ok(message?.kind === 'message');
    assert.match(message.label, /^The PSU revoked this consent at the bank\. Select to authorise again/);
    const command = consents.getTreeItem(message).command;
    assert.equal(command?.command, 'openPayments.consents.authorise');

    // Selecting it: a new consent with the same access, authorised; the revoked one stays as it is.
    const outcome = await commands.executeCommand<ScaOutcome | undefined>(command.command, ...(command.arguments ?? []));
    assert.equal(outcome?.kind, 'finalised', JSON.stringify(outcome));
    assert.equal(outcome.subject.kind, 'consent');
    const renewedId = outcome.subject.kind === 'consent' ? outcome.subject.consentId : '';
    assert.notEqual(renewedId, consentId);
    const information = exchanges.find((r) => r.operation.id === 'getConsentInformation' && r.input.params.consentId === consentId);
    assert.ok(information?.result.ok, 'the old consent\'s access was read');
    const renewal = exchanges.filter((r) => r.operation.id === 'createConsent').at(-1);
    assert.deepEqual((renewal?.input.body as { access?: unknown }).access, {});
    // The bank's own validUntil for the old consent (it caps what was asked for), still ahead.
    assert.equal((renewal?.input.body as { validUntil?: unknown }).validUntil, (information.result.exchange.json as { validUntil?: unknown }).validUntil);
    await eventually(async () => assert.equal(await storedStatus(ext, renewedId), 'valid'));
    assert.equal(await storedStatus(ext, consentId), 'revokedByPsu');
  });

  it('keeps a valid consent valid when CONSENT_INVALID only means an account it does not grant', async () => {
    const { ext } = current();
    const all = await validConsent(ext);
    const listed = await send(ext, 'getAccountList', { 'X-BicFi': BANK, 'Consent-ID': all });
    assert.ok(listed.ok);
    const accounts = (listed.exchange.json as { accounts: { resourceId: string; bban?: string }[] }).accounts;
    const [granted, other] = accounts;
    assert.ok(granted?.bban && other);
    const ref = [{ bban: granted.bban }];
    const narrow = await validConsent(ext, { accounts: ref, balances: ref, transactions: ref });
    const before = statusReads(narrow);
    const refused = await send(ext, 'getBalances', { 'X-BicFi': BANK, 'Consent-ID': narrow, 'account-id': other.resourceId });
    assert.ok(!refused.ok && refused.failure.status === 401);
    await eventually(() => assert.equal(statusReads(narrow) - before, 1), 2_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await storedStatus(ext, narrow), 'valid');
  });

  it('shows what the status endpoint reports: revoked by the PSU, or deleted', async () => {
    const { ext, sandbox } = current();
    const consentId = await validConsent(ext);
    await fetch(`${sandbox.apiHost}/__sandbox/consents/${consentId}/revoke`, { method: 'POST' });
    await send(ext, 'getConsentStatus', { consentId, 'X-BicFi': BANK });
    await eventually(async () => assert.equal(await storedStatus(ext, consentId), 'revokedByPsu'));
    const other = await validConsent(ext);
    await send(ext, 'deleteConsent', { consentId: other, 'X-BicFi': BANK });
    await eventually(async () => assert.equal(await storedStatus(ext, other), 'terminatedByTpp'));
    const node = await consentNode(ext, other);
    assert.ok(node);
    assert.equal(ext.api.consents.getTreeItem(node).label, `${BANK} · deleted (terminated by the TPP)`);
    const [message] = await ext.api.consents.getChildren(node);
    assert.ok(message?.kind === 'message');
    assert.match(message.label, /^This consent was deleted\. Select to authorise again/);
  });
});

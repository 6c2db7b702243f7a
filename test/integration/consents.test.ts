import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONSENT_BODY_TEMPLATE } from '../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../src/client/http/requestFailure';
import type { ScaOutcome } from '../../src/client/sca/types';
import type { ConsentNode } from '../../src/host/treeNodes';
import { requestMark, requestsSince } from '../support/sandboxAdmin';
import { consentNodeOf, eventually, extensionApi, SANDBOX_API_HOST as API_HOST, useSandboxEnvironment, withPrompter } from './support';

const BIC = 'HANDSESS';

describe('the Consents & Accounts view against the local sandbox', function () {
  this.timeout(90_000);
  let consentId = '';

  useSandboxEnvironment({ 'psu.ipAddress': '192.168.0.1' });

  const consentNode = (): Promise<ConsentNode> => consentNodeOf(consentId);

  it('lists a consent created with Send Request, as received', async () => {
    const result = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', {
      operationId: 'createConsent',
      params: { 'X-BicFi': BIC },
      body: CONSENT_BODY_TEMPLATE,
    });
    assert.ok(result?.ok);
    consentId = String((result.exchange.json as { consentId: string }).consentId);
    const { consents } = await extensionApi();
    await eventually(async () => {
      const node = await consentNode();
      // The bank, the status and the end date first; the consent's UUID only in the description.
      assert.equal(consents.getTreeItem(node).label, `${BIC} · received until ${CONSENT_BODY_TEMPLATE.validUntil}`);
      assert.equal(consents.getTreeItem(node).description, consentId);
    });
    const [message] = await consents.getChildren(await consentNode());
    assert.ok(message?.kind === 'message');
    assert.equal(consents.getTreeItem(message).command?.command, 'openPayments.consents.authorise');
  });

  it('after authorisation shows accounts with balances, balances and booked/pending transactions', async () => {
    await vscode.commands.executeCommand('openPayments.sendRequest', { operationId: 'startConsentAuthorisation', params: { consentId, 'X-BicFi': BIC } });
    const status = await vscode.commands.executeCommand<string>('openPayments.consents.status', await consentNode());
    assert.equal(status, 'valid');
    const { consents } = await extensionApi();
    const accounts = await consents.getChildren(await consentNode());
    assert.ok(accounts.length > 0 && accounts.every((n) => n.kind === 'account'));
    const first = accounts[0] as ConsentNode;
    assert.match(String(consents.getTreeItem(first).description), /^-?\d+(\.\d+)? SEK$/);
    const [balances, transactions] = await consents.getChildren(first);
    assert.ok(balances && transactions);
    const balanceItems = await consents.getChildren(balances);
    assert.ok(balanceItems.length > 0);
    const groups = await consents.getChildren(transactions);
    assert.deepEqual(groups.map((g) => consents.getTreeItem(g).label), ['Booked', 'Pending']);
    const booked = await consents.getChildren(groups[0] as ConsentNode);
    assert.ok(booked.length > 0, 'booked transactions in the last 90 days');

    // The bank pages the report (_links.next): the first page ends with More transactions…, which loads the
    // next page through the same catalogue request, with no entry shown twice.
    const more = booked.at(-1);
    assert.equal(more?.kind, 'more', 'the first page ends with a More transactions… node');
    assert.equal(consents.getTreeItem(more as ConsentNode).label, 'More transactions…');
    const entryIds = (nodes: readonly ConsentNode[]): string[] =>
      nodes.filter((n) => n.kind === 'leaf').map((n) => String(consents.getTreeItem(n).tooltip ?? '').split('\n')[0] ?? '');
    const [nextBookedGroup] = await consents.getChildren(more as ConsentNode);
    const nextBooked = await consents.getChildren(nextBookedGroup as ConsentNode);
    assert.ok(nextBooked.length > 0, 'the next page has booked entries');
    const firstIds = new Set(entryIds(booked));
    assert.ok(entryIds(nextBooked).every((id) => id && !firstIds.has(id)), 'no entry of the first page comes again');

    // Initiate Payment from the account: the body editor starts with this account as the debtor.
    assert.ok(first.kind === 'account');
    const api = await extensionApi();
    await withPrompter(api, [(items) => items.find((item) => item.label === 'domestic')], () =>
      vscode.commands.executeCommand('openPayments.accounts.initiatePayment', first),
    );
    const body = JSON.parse(vscode.window.activeTextEditor?.document.getText() ?? '{}') as { debtorAccount?: { iban?: string } };
    assert.equal(body.debtorAccount?.iban, first.account.iban, 'the debtor account is the account the payment was started from');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Initiate Payment from Account with PSU-IP-Address empty asks for it inline, sends, and offers to save it', async () => {
    const api = await extensionApi();
    const [account] = await api.consents.getChildren(await consentNode());
    assert.ok(account?.kind === 'account', 'the authorised consent lists its accounts');
    // HANDSESS refuses calls without PSU-IP-Address; the suite's setting is emptied, as on a fresh install.
    const config = () => vscode.workspace.getConfiguration('openPayments');
    await config().update('psu.ipAddress', undefined, vscode.ConfigurationTarget.Global);
    try {
      await withPrompter(api, [(items) => items.find((item) => item.label === 'domestic')], () =>
        vscode.commands.executeCommand('openPayments.accounts.initiatePayment', account),
      );
      const document = vscode.window.activeTextEditor?.document;
      assert.ok(document && document.getText().includes('debtorAccount'), 'the body editor opened');

      const mark = await requestMark(String(API_HOST));
      const sent = await withPrompter(api, ['203.0.113.7', 'save'], async (prompter) => {
        const result = await vscode.commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
        const [asked, keep] = prompter.asked;
        assert.equal(asked?.kind, 'input');
        const input = asked?.options as vscode.InputBoxOptions;
        assert.equal(input.title, 'Create Payment Initiation: PSU-IP-Address');
        assert.match(input.prompt ?? '', /requires the header PSU-IP-Address, and the setting openPayments\.psu\.ipAddress is empty\. The IP address of .* For example: 192\.168\.0\.1$/);
        assert.equal(keep?.kind, 'pick', 'saving it is offered');
        return result;
      });

      assert.ok(sent?.ok, sent && !sent.ok ? sent.failure.summary : 'nothing was sent');
      assert.equal(sent.exchange.status, 201);
      assert.equal(sent.exchange.requestHeaders['PSU-IP-Address'], '203.0.113.7');
      // The sandbox enforces HANDSESS's rule, so its 201 for this X-Request-ID shows the header went over the wire.
      const wire = await requestsSince(String(API_HOST), mark);
      assert.deepEqual(wire.map((r) => [r.method, r.status, r.requestId]), [['POST', 201, sent.exchange.requestId]]);
      assert.equal(config().inspect<string>('psu.ipAddress')?.globalValue, '203.0.113.7', 'saved in the user settings');
    } finally {
      await config().update('psu.ipAddress', '192.168.0.1', vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('says when a consent has expired (through the Local Sandbox view\'s Expire a Consent) and offers to authorise again', async () => {
    assert.equal(await vscode.commands.executeCommand<string>('openPayments.localSandbox.expireConsent', await consentNode()), 'expired');
    assert.equal(await vscode.commands.executeCommand<string>('openPayments.consents.status', await consentNode()), 'expired');
    const { consents } = await extensionApi();
    const [message] = await consents.getChildren(await consentNode());
    assert.ok(message?.kind === 'message');
    assert.match(String(consents.getTreeItem(message).label), /^This consent has expired\. Select to authorise again/);
    assert.equal(consents.getTreeItem(message).command?.command, 'openPayments.consents.authorise');
  });

  it('shows a consent the PSU revoked at the bank as revoked once an account read is refused, and authorises a new one', async () => {
    const create = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': BIC }, body: CONSENT_BODY_TEMPLATE });
    assert.ok(create?.ok);
    consentId = String((create.exchange.json as { consentId: string }).consentId);
    await eventually(async () => void (await consentNode()));
    await vscode.commands.executeCommand('openPayments.sendRequest', { operationId: 'startConsentAuthorisation', params: { consentId, 'X-BicFi': BIC } });
    assert.equal(await vscode.commands.executeCommand<string>('openPayments.consents.status', await consentNode()), 'valid');
    await fetch(`${API_HOST}/__sandbox/consents/${consentId}/revoke`, { method: 'POST' });

    // Expanding the consent reads its accounts: 401 CONSENT_INVALID, so the extension asks the consent's status.
    const { consents } = await extensionApi();
    await consents.getChildren(await consentNode());
    await eventually(async () => assert.match(String(consents.getTreeItem(await consentNode()).label), / · revoked by the PSU$/));
    const [message] = await consents.getChildren(await consentNode());
    assert.ok(message?.kind === 'message');
    assert.match(String(consents.getTreeItem(message).label), /^The PSU revoked this consent at the bank\. Select to authorise again/);
    const command = consents.getTreeItem(message).command;
    assert.equal(command?.command, 'openPayments.consents.authorise');

    const outcome = await vscode.commands.executeCommand<ScaOutcome | undefined>(command.command, ...(command.arguments ?? []));
    assert.equal(outcome?.kind, 'finalised', JSON.stringify(outcome));
    const renewed = outcome.subject.kind === 'consent' ? outcome.subject.consentId : '';
    assert.ok(renewed && renewed !== consentId, 'a new consent');
    await eventually(async () => {
      const node = (await consents.getChildren()).find((n) => n.kind === 'consent' && n.consent.consentId === renewed);
      assert.ok(node?.kind === 'consent' && node.consent.status === 'valid');
      const accounts = await consents.getChildren(node);
      assert.ok(accounts.length > 0 && accounts.every((n) => n.kind === 'account'), 'the new consent shows accounts');
    });
  });

  it('deletes a consent after confirmation', async () => {
    const api = await extensionApi();
    const create = await vscode.commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': BIC }, body: CONSENT_BODY_TEMPLATE });
    assert.ok(create?.ok);
    consentId = String((create.exchange.json as { consentId: string }).consentId);
    const node = await eventually(async () => void (await consentNode())).then(consentNode);
    assert.equal(await withPrompter(api, [false], () => vscode.commands.executeCommand<boolean>('openPayments.consents.delete', node)), false);
    assert.equal(await withPrompter(api, [true], () => vscode.commands.executeCommand<boolean>('openPayments.consents.delete', node)), true);
    await eventually(async () => assert.match(String(api.consents.getTreeItem(await consentNode()).label), / · deleted \(terminated by the TPP\)$/));
  });
});

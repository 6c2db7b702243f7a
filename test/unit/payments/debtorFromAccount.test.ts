// Initiate Payment… on an account of the Consents view (fake VS Code, real sandbox): the body starts with that
// account as debtor, in the form its bank documents (reference §7.2), so sending it unchanged is accepted.
import assert from 'node:assert/strict';
import { makeIban } from '../../../sandbox/data/accounts';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import type { ConsentNode } from '../../../src/host/treeNodes';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, requestsFake, type FakeRequestDocument } from '../fakes/vscode';
import { usePsuSettings } from '../scaSession/support';

function accountNode(bicFi: string, identifiers: { iban?: string; bban?: string }): ConsentNode {
  const consent = { consentId: 'c-1', bicFi, environmentId: 'custom', status: 'valid', createdAt: '2025-01-01T00:00:00Z', context: 'private' } as const;
  return { kind: 'account', consent, account: { resourceId: 'a-1', label: 'Privatkonto', ...identifiers, currency: 'SEK', balances: [] } };
}

describe('Initiate Payment… from an account (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  useSandboxExtension('debtor-account-client', 'debtor-account-secret-5c07');

  async function bodyFrom(node: ConsentNode): Promise<{ document: FakeRequestDocument; debtor: unknown }> {
    usePsuSettings();
    requestsFake.reset();
    fake.answers.push('domestic');
    assert.equal(await commands.executeCommand('openPayments.accounts.initiatePayment', node), undefined, 'the body is edited first');
    const document = requestsFake.editors.at(-1)?.document as FakeRequestDocument | undefined;
    assert.ok(document, 'the body editor opened');
    return { document, debtor: (JSON.parse(document.getText()) as { debtorAccount?: unknown }).debtorAccount };
  }

  it('a Nordea account is the debtor by its bban (NDEASESS: debtor BBAN, creditor IBAN), and the bank takes the payment', async () => {
    const bban = '41351300039';
    const { document, debtor } = await bodyFrom(accountNode('NDEASESS', { iban: makeIban('SE', bban), bban }));
    assert.deepEqual(debtor, { bban, currency: 'SEK' });
    const sent = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(sent?.ok, sent && !sent.ok ? sent.failure.summary : 'not sent');
    assert.equal(sent.exchange.status, 201);
  });

  it('a SEB account is the debtor by its iban, as the platform takes it elsewhere', async () => {
    const iban = 'SE3750000000054400047881';
    const { debtor } = await bodyFrom(accountNode('ESSESESS', { iban, bban: iban.slice(4) }));
    assert.deepEqual(debtor, { iban, currency: 'SEK' });
  });

  it('sends a creditor IBAN typed in its printed form (spaces, lower case) as banks expect it, and refuses wrong check digits before sending', async () => {
    const iban = 'SE3750000000054400047881';
    const { document } = await bodyFrom(accountNode('ESSESESS', { iban, bban: iban.slice(4) }));
    const body = JSON.parse(document.getText()) as Record<string, unknown>;

    document.userEdit(JSON.stringify({ ...body, creditorAccount: { iban: 'se25 5000 0000 0544 0004 7904', currency: 'SEK' } }, null, 2));
    fake.messages.length = 0;
    assert.equal(await commands.executeCommand('openPayments.sendBody', document.uri), undefined, 'nothing is sent');
    assert.match(
      fake.messages.find((m) => m.severity === 'error')?.message ?? '',
      /^Create Payment Initiation was not sent: creditorAccount\.iban is not a valid IBAN: its check digits .* do not match the rest \(ISO 13616\)/,
    );

    document.userEdit(JSON.stringify({ ...body, creditorAccount: { iban: 'se25 5000 0000 0544 0004 7903', currency: 'SEK' } }, null, 2));
    const sent = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(sent?.ok, sent && !sent.ok ? sent.failure.summary : 'not sent');
    assert.equal(sent.exchange.status, 201);
    assert.deepEqual((JSON.parse(sent.exchange.requestBody ?? '{}') as { creditorAccount?: unknown }).creditorAccount, { iban: 'SE2550000000054400047903', currency: 'SEK' });
    assert.match(document.getText(), /se25 5000/, 'what the user typed stays in the editor');
  });
});

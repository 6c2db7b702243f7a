// "Transactions for a Period…" on an account of an authorised consent, in the fake VS Code against the local
// sandbox: the chosen period reaches the bank and the view, an end date before the start is refused inside
// the input box (so nothing typed is lost), and choosing again starts from the period in force.
import assert from 'node:assert/strict';
import { catalogueOperation, type OperationId } from '../../../src/client/catalogue/catalogue';
import type { ExchangeRecord } from '../../../src/host/requestRunner';
import type { ConsentNode } from '../../../src/host/treeNodes';
import { eventually } from '../fakes/activate';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake } from '../fakes/vscode';

const BANK = 'HANDSESS';
type Node<K extends ConsentNode['kind']> = Extract<ConsentNode, { kind: K }>;

describe('Transactions for a Period (fake VS Code, local sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('period-client', 'period-secret-7e21');

  it('asks from and to, refuses an end before the start in the box, and reads that period', async () => {
    const { ext } = current();
    // Handelsbanken needs the PSU's IP address and approves consents at Start Authorisation.
    fake.settings.set('openPayments.psu.ipAddress', { global: '192.168.0.1' });
    const exchanges: ExchangeRecord[] = [];
    ext.api.runner.onDidExchange((record) => exchanges.push(record));
    const send = (operationId: OperationId, params: Record<string, string>, body?: unknown) =>
      ext.api.runner.run({ operation: catalogueOperation(operationId), params, body }, { show: false });
    const created = await send('createConsent', { 'X-BicFi': BANK }, { access: {}, recurringIndicator: true, validUntil: '2099-12-31', frequencyPerDay: 4, combinedServiceIndicator: false });
    assert.ok(created?.ok);
    const consentId = String((created.exchange.json as { consentId: string }).consentId);
    await send('startConsentAuthorisation', { consentId, 'X-BicFi': BANK });
    await send('getConsentStatus', { consentId, 'X-BicFi': BANK });

    const tree = ext.api.consents;
    const consentNode = async () => (await tree.getChildren()).find((n): n is Node<'consent'> => n.kind === 'consent' && n.consent.consentId === consentId);
    await eventually(async () => assert.equal((await consentNode())?.consent.status, 'valid'));
    const consent = await consentNode();
    assert.ok(consent);
    const account = (await tree.getChildren(consent)).find((n): n is Node<'account'> => n.kind === 'account');
    assert.ok(account, 'the consent lists an account');

    fake.answers.push('2024-01-10', '2024-03-01');
    assert.equal(await commands.executeCommand('openPayments.consents.transactionsForPeriod', account), true);
    const [from, to] = fake.prompts.filter((p) => p.kind === 'input').slice(-2).map((p) => p.options);
    const validateTo = to.validateInput as (value: string) => string | undefined;
    assert.equal(validateTo('2024-01-09'), 'Enter a date on or after the start date 2024-01-10.');
    assert.equal(validateTo('2024-01-10'), undefined);
    assert.equal(validateTo(''), undefined, 'empty means up to today');
    assert.equal(from.validateInput(''), 'Enter a date as yyyy-MM-dd.');

    const transactions = (await tree.getChildren(account)).find((n): n is Node<'transactions'> => n.kind === 'transactions');
    assert.ok(transactions);
    assert.equal(tree.getTreeItem(transactions).description, '2024-01-10 – 2024-03-01');
    await tree.getChildren(transactions);
    const read = exchanges.filter((r) => r.operation.id === 'getTransactionList').at(-1);
    assert.equal(read?.input.params.dateFrom, '2024-01-10');
    assert.equal(read?.input.params.dateTo, '2024-03-01');

    fake.answers.push(undefined);
    assert.equal(await commands.executeCommand('openPayments.consents.transactionsForPeriod', transactions), false);
    assert.equal(fake.prompts.at(-1)?.options.value, '2024-01-10', 'choosing again starts from the period in force');
  });
});

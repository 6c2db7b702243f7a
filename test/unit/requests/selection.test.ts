import assert from 'node:assert/strict';
import { activateExtension } from '../fakes/activate';
import { commands, fake, viewsFake } from '../fakes/vscode';

describe('Send Request prefilled from the current selection', () => {
  it('takes bank, consent and account from the selected tree item', async () => {
    const ext = await activateExtension();
    try {
      const consent = { consentId: 'consent-7', bicFi: 'NDEASESS', environmentId: 'sandbox', status: 'valid', createdAt: 't', context: 'private' };
      viewsFake.treeViewObjects.get('openPayments.consents').select([{ kind: 'account', consent, account: { resourceId: 'acc-1', label: 'x', balances: [] } }]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      // Pick Get Balances, then cancel at the first parameter prompt after reading its prefilled value.
      fake.answers.push('getBalances', undefined);
      await commands.executeCommand('openPayments.sendRequest');
      const first = fake.prompts.find((p) => p.kind === 'input')?.options;
      assert.equal(first?.value, 'acc-1', 'account-id comes from the selected account');

      fake.prompts.length = 0;
      fake.answers.push('getBalances', 'acc-1', undefined);
      await commands.executeCommand('openPayments.sendRequest');
      const inputs = fake.prompts.filter((p) => p.kind === 'input').map((p) => p.options.value);
      assert.deepEqual(inputs.slice(0, 2), ['acc-1', 'NDEASESS'], 'X-BicFi comes from the consent\'s bank');
    } finally {
      ext.dispose();
    }
  });

  it('takes payment id, product, service and bank from a payment selected under its bank', async () => {
    const ext = await activateExtension();
    try {
      const payment = { paymentId: 'pay-42', bicFi: 'ESSESESS', paymentProduct: 'swedish-giro', paymentService: 'payments', environmentId: 'sandbox', status: 'ACTC', createdAt: 't' };
      viewsFake.treeViewObjects.get('openPayments.banks').select([{ kind: 'payment', id: 'SE:ESSESESS:pay-42', payment, parent: undefined }]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      // Get Payment Status asks payment-service, payment-product, paymentId, then X-BicFi: Escape after reading them.
      fake.answers.push('getPaymentInitiationStatus', 'payments', 'swedish-giro', 'pay-42', undefined);
      await commands.executeCommand('openPayments.sendRequest');
      const byParam = new Map(fake.prompts.filter((p) => p.kind !== 'modal').map((p) => [String(p.options.title).split(': ').at(-1), p.options]));
      // Picks offer the remembered value first; inputs start with it.
      const firstItem = (param: string) => (byParam.get(param)?.items as { label: string }[] | undefined)?.[0]?.label;
      assert.equal(firstItem('payment-service'), 'payments');
      assert.equal(firstItem('payment-product'), 'swedish-giro', 'the product of the selected payment comes first');
      assert.equal(byParam.get('paymentId')?.value, 'pay-42');
      assert.equal(byParam.get('X-BicFi')?.value, 'ESSESESS');
    } finally {
      ext.dispose();
    }
  });
});

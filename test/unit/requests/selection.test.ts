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
});

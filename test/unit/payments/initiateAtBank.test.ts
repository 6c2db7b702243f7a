// Initiate Payment… at a bank: on a bank's item that bank, from the palette the bank selected in the Banks view,
// and with none selected the bank found by Find Bank; the product is asked among those the bank offers.
import assert from 'node:assert/strict';
import { PaymentCommands } from '../../../src/features/payments/paymentCommands';
import { registerCommands } from '../../../src/host/commands';
import type { BankNode } from '../../../src/host/treeNodes';

interface SendArgs {
  readonly operationId: string;
  readonly params: Readonly<Record<string, string>>;
}

describe('Initiate Payment… at a bank', () => {
  const sent: SendArgs[] = [];
  const asked: string[] = [];
  let selected: string | undefined;
  let found: string | undefined;
  let registration: { dispose(): unknown };

  beforeEach(() => {
    sent.length = 0;
    asked.length = 0;
    selected = undefined;
    found = undefined;
    registration = registerCommands({
      'openPayments.sendRequest': (args: SendArgs) => void sent.push(args),
      'openPayments.banks.find': () => {
        asked.push('find');
        return found;
      },
    }, { used: () => undefined });
  });
  afterEach(() => registration.dispose());

  function paymentCommands(products: readonly string[], choose?: string): PaymentCommands {
    const host = {
      directory: { details: async (bicFi: string) => ({ ok: true as const, value: { bicFi, paymentProducts: products } }) },
      prompter: {
        pick: async <T extends { id: string }>(items: readonly T[]) => {
          asked.push(`product of ${items.map((i) => i.id).join(',')}`);
          return items.find((i) => i.id === choose);
        },
      },
      bankSelection: { selectedBic: () => selected },
    };
    return new PaymentCommands(host as unknown as ConstructorParameters<typeof PaymentCommands>[0]);
  }

  const bank = (bicFi: string): BankNode => ({ kind: 'bank', id: bicFi, bank: { bicFi, name: bicFi }, parent: { kind: 'empty', id: 'e', message: '' } });

  it('on a bank\'s item: that bank, its only product without asking, the body opened in Send Request', async () => {
    selected = 'NDEASESS';
    await paymentCommands(['sepa-credit-transfers']).initiate(bank('ESSESESS'));
    assert.deepEqual(asked, []);
    assert.deepEqual(sent, [{ operationId: 'initiatePayment', params: { 'payment-service': 'payments', 'payment-product': 'sepa-credit-transfers', 'X-BicFi': 'ESSESESS' } }]);
  });

  it('from the palette: the bank selected in the Banks view, with the product asked among those it offers', async () => {
    selected = 'HANDSESS';
    await paymentCommands(['domestic', 'international'], 'international').initiate();
    assert.deepEqual(asked, ['product of domestic,international']);
    assert.equal(sent[0]?.params['X-BicFi'], 'HANDSESS');
    assert.equal(sent[0]?.params['payment-product'], 'international');
  });

  it('with no bank selected: Find Bank, and nothing opened when it is dismissed', async () => {
    found = 'DABASESX';
    await paymentCommands(['domestic']).initiate();
    assert.deepEqual(asked, ['find']);
    assert.equal(sent[0]?.params['X-BicFi'], 'DABASESX');
    found = undefined;
    asked.length = 0;
    await paymentCommands(['domestic']).initiate();
    assert.deepEqual(asked, ['find']);
    assert.equal(sent.length, 1, 'nothing more was opened');
  });
});

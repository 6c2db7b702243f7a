// The payment notifications of the SCA commands carry only plain identifiers from the bank: a paymentId or
// X-Request-ID that could be a markdown or command: link is left out.
import assert from 'node:assert/strict';
import { findOperation } from '../../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { ScaCommands } from '../../../src/features/sca/scaCommands';
import type { ExchangeRecord, RequestRunner } from '../../../src/host/requestRunner';
import { EventEmitter, fake } from '../fakes/vscode';

const HOSTILE = '[open](command:workbench.action.terminal.new)';

function answer(json: unknown, requestId: string): ApiResult {
  return {
    ok: true,
    exchange: { operationId: 'x', method: 'GET', url: 'http://h/p', status: 200, startedAt: '', durationMs: 1, requestId, attempts: [], requestHeaders: {}, responseHeaders: {}, bodyText: JSON.stringify(json), json },
  };
}

function commandsWith(runner: Partial<RequestRunner>): { commands: ScaCommands; exchanged: EventEmitter<ExchangeRecord> } {
  const exchanged = new EventEmitter<ExchangeRecord>();
  const commands = new ScaCommands({ runner: { onDidExchange: exchanged.event, ...runner } as unknown as RequestRunner } as never, {} as never, {} as never);
  return { commands, exchanged };
}

describe('payment notifications of the SCA commands', () => {
  beforeEach(() => fake.reset());

  it('offer to authorise a created payment without a paymentId that is not an identifier', () => {
    const { commands, exchanged } = commandsWith({});
    const registration = commands.offerPaymentAuthorisations();
    try {
      const operation = findOperation('initiatePayment');
      assert.ok(operation);
      const params = { 'X-BicFi': 'NDEASESS', 'payment-product': 'domestic', 'payment-service': 'payments' };
      exchanged.fire({ operation, environmentId: 'custom', input: { operation, params }, result: answer({ paymentId: HOSTILE }, '1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10') });
      exchanged.fire({ operation, environmentId: 'custom', input: { operation, params }, result: answer({ paymentId: 'p-1' }, '1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10') });
      assert.deepEqual(fake.messages.map((m) => m.message), ['The payment at NDEASESS was created. Authorise it now?', 'The payment p-1 at NDEASESS was created. Authorise it now?']);
    } finally {
      registration.dispose();
    }
  });

  it('show a payment status with the X-Request-ID only when it is a UUID', async () => {
    const results = [answer({ transactionStatus: 'ACSC' }, HOSTILE), answer({ transactionStatus: 'ACSC' }, '1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10')];
    const { commands } = commandsWith({ run: async () => results.shift() });
    const args = { bicFi: 'NDEASESS', paymentId: 'p-1', paymentProduct: 'domestic' };
    assert.equal(await commands.paymentStatus(args), 'ACSC');
    assert.equal(await commands.paymentStatus(args), 'ACSC');
    assert.deepEqual(fake.messages.map((m) => m.message), [
      'The payment p-1 at NDEASESS has status ACSC.',
      'The payment p-1 at NDEASESS has status ACSC. X-Request-ID: 1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10.',
    ]);
  });
});

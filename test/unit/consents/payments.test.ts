import assert from 'node:assert/strict';
import type { Exchange } from '../../../src/client/http/exchange';
import { paymentEventOf, PaymentStore } from '../../../src/client/payments/paymentRecords';

function exchange(status: number, json: unknown): Exchange {
  return { operationId: 'x', method: 'POST', url: 'http://h/p', status, startedAt: '', durationMs: 1, requestId: 'r', attempts: [], requestHeaders: {}, responseHeaders: {}, bodyText: '', json };
}

class MemoryState {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

describe('payments', () => {
  const params = { 'X-BicFi': 'NDEASESS', 'payment-product': 'domestic', 'payment-service': 'payments' };
  const body = { instructedAmount: { amount: '10.50', currency: 'SEK' }, creditorName: 'Enterprise Inc' };

  it('are recorded when created, with amount and creditor, and their status follows status reads', async () => {
    const created = paymentEventOf('initiatePayment', params, body, exchange(201, { paymentId: 'p1', transactionStatus: 'RCVD' }));
    assert.deepEqual(created, {
      kind: 'created',
      record: { paymentId: 'p1', bicFi: 'NDEASESS', paymentProduct: 'domestic', paymentService: 'payments', status: 'RCVD', amount: '10.50 SEK', creditorName: 'Enterprise Inc' },
    });
    const store = new PaymentStore(new MemoryState());
    await store.apply('sandbox', created!);
    const status = paymentEventOf('getPaymentInitiationStatus', { ...params, paymentId: 'p1' }, undefined, exchange(200, { transactionStatus: 'ACSC' }));
    await store.apply('sandbox', status!);
    assert.deepEqual(store.list('sandbox', 'NDEASESS').map((p) => [p.paymentId, p.status]), [['p1', 'ACSC']]);
    assert.deepEqual(store.list('local'), []);
  });

  it('ignore failures and statuses that are not ISO 20022 codes', () => {
    assert.equal(paymentEventOf('initiatePayment', params, body, exchange(400, { paymentId: 'p' })), undefined);
    assert.equal(paymentEventOf('getPaymentInitiationStatus', { paymentId: 'p' }, undefined, exchange(200, { transactionStatus: '<b>x</b>' })), undefined);
  });
});

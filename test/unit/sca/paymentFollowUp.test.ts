// Following an authorised payment to a final status, on a scripted clock: the pauses, the statuses that end
// it, the bound, transient and final failures, and cancellation.
import assert from 'node:assert/strict';
import { FOLLOW_UP_DEFAULTS, followPayment, followUpPauses, paymentSettlement, type PaymentSubject } from '../../../src/client/sca';
import { Script, failedAnswer, okAnswer, payment } from './support/scriptedDeps';

const PAYMENT: PaymentSubject = { kind: 'payment', bicFi: 'NDEASESS', paymentId: 'p-1', paymentProduct: 'domestic' };

function follow(script: Script, signal = new AbortController().signal, lastStatus = 'ACTC', onStatus?: (status: string) => void) {
  const { send, sleep } = script.deps();
  return followPayment(PAYMENT, { send, sleep, ...(onStatus ? { onStatus } : {}) }, {}, signal, lastStatus);
}

describe('payment follow-up after SCA (scripted clock)', () => {
  it('settles as soon as a read says ACSC, after doubling pauses, reading the payment status only', async () => {
    const script = new Script().on('getPaymentInitiationStatus', payment('ACTC'), payment('ACCP'), payment('ACSC'));
    const seen: string[] = [];
    const end = await follow(script, undefined, 'ACTC', (status) => seen.push(status));
    assert.deepEqual(end, { kind: 'settled', status: 'ACSC', reads: 3 });
    assert.deepEqual(script.sleeps, [2_000, 4_000, 8_000]);
    assert.equal(script.clock, 14_000);
    assert.deepEqual(seen, ['ACTC', 'ACCP', 'ACSC']);
    assert.deepEqual(new Set(script.operations()), new Set(['getPaymentInitiationStatus']));
    assert.deepEqual(script.sent[0]?.params, { paymentId: 'p-1', 'payment-service': 'payments', 'payment-product': 'domestic', 'X-BicFi': 'NDEASESS' });
  });

  it('treats ACCC as settled and RJCT/CANC as ended; ACSP, ACWC, ACWP and ACTC stay open', async () => {
    assert.deepEqual(['ACSC', 'ACCC', 'RJCT', 'CANC', 'ACSP', 'ACWC', 'ACWP', 'ACTC', 'ACCP', 'RCVD', 'PDNG', undefined].map(paymentSettlement), [
      'settled', 'settled', 'ended', 'ended', 'open', 'open', 'open', 'open', 'open', 'open', 'open', 'open',
    ]);
    const rejected = new Script().on('getPaymentInitiationStatus', payment('ACTC'), payment('RJCT'));
    assert.deepEqual(await follow(rejected), { kind: 'ended', status: 'RJCT', reads: 2 });
  });

  it('reads nothing when the SCA run already saw a final status', async () => {
    const script = new Script();
    assert.deepEqual(await follow(script, undefined, 'ACSC'), { kind: 'settled', status: 'ACSC', reads: 0 });
    assert.deepEqual(script.sent, []);
  });

  it('gives up after about two minutes of pauses, capped at 30 s each, with the last status read', async () => {
    const script = new Script().on('getPaymentInitiationStatus', payment('ACTC'), payment('ACSP'));
    const end = await follow(script);
    assert.deepEqual(followUpPauses(), [2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    assert.deepEqual(script.sleeps, followUpPauses());
    assert.ok(script.clock <= FOLLOW_UP_DEFAULTS.budgetMs);
    assert.deepEqual(end, { kind: 'gaveUp', status: 'ACSP', reads: 7 });
    assert.deepEqual(followUpPauses({ firstDelayMs: 10, maxDelayMs: 15, budgetMs: 50 }), [10, 15, 15]);
    assert.deepEqual(followUpPauses({ budgetMs: 1_000 }), []);
  });

  it('reads on through network trouble and 5xx, but stops at a 4xx with the failure', async () => {
    const flaky = new Script().on('getPaymentInitiationStatus', failedAnswer('reset'), failedAnswer('http', 503), payment('ACSC'));
    assert.deepEqual(await follow(flaky), { kind: 'settled', status: 'ACSC', reads: 3 });
    const gone = new Script().on('getPaymentInitiationStatus', payment('ACCP'), failedAnswer('http', 404));
    const end = await follow(gone);
    assert.equal(end.kind, 'failed');
    assert.equal(end.status, 'ACCP');
    assert.equal(end.kind === 'failed' && end.failure.status, 404);
    assert.equal(end.reads, 2);
  });

  it('ignores answers without a transactionStatus', async () => {
    const script = new Script().on('getPaymentInitiationStatus', okAnswer({ other: 1 }), payment('ACSC'));
    assert.deepEqual(await follow(script), { kind: 'settled', status: 'ACSC', reads: 2 });
  });

  it('stops without another read when cancelled during a pause', async () => {
    const controller = new AbortController();
    const script = new Script().on('getPaymentInitiationStatus', payment('ACTC'));
    script.onSleep = () => {
      if (script.sleeps.length === 2) controller.abort();
    };
    const end = await follow(script, controller.signal);
    assert.deepEqual(end, { kind: 'cancelled', status: 'ACTC', reads: 1 });
    assert.equal(script.sent.length, 1);
  });

  it('ends quietly instead of rejecting when a dependency throws', async () => {
    const script = new Script();
    const end = await followPayment(PAYMENT, { send: () => Promise.reject(new Error('boom')), sleep: script.deps().sleep }, {}, new AbortController().signal, 'ACTC');
    assert.equal(end.kind, 'gaveUp');
  });
});

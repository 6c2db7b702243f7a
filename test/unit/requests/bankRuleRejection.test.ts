// A payment that breaks one bank's own rule (Swedbank's remittance limit, reference §7.2) sent through Send
// Request with the fake VS Code against the real sandbox: the client's checks let it through (140 characters is
// the platform-wide limit), the bank refuses it, and the notification words that refusal from our own sentence,
// the status, the code and the X-Request-ID, leaving the bank's explanation to the response view.
import assert from 'node:assert/strict';
import { paymentBodyTemplate } from '../../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake } from '../fakes/vscode';
import { usePsuSettings } from '../scaSession/support';

describe('a bank rule broken through Send Request (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  useSandboxExtension('bank-rule-client', 'bank-rule-secret-8e2a');

  it('a 22-character remittance to another bank at SWEDSESS: HTTP 400 named with the operation and X-Request-ID, without the bank\'s text', async () => {
    usePsuSettings();
    const template = paymentBodyTemplate('domestic', 'SWEDSESS') as Record<string, unknown>;
    const body = { ...template, remittanceInformationUnstructured: 'Invoice 2024-0117 rent' };
    fake.messages.length = 0;

    const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest', {
      operationId: 'initiatePayment',
      params: { 'payment-service': 'payments', 'payment-product': 'domestic', 'X-BicFi': 'SWEDSESS' },
      body,
    });

    assert.ok(result && !result.ok, 'the bank refused the payment');
    assert.equal(result.failure.status, 400);
    const [refusal] = result.failure.tppMessages ?? [];
    assert.equal(refusal?.code, 'FORMAT_ERROR');
    assert.equal(refusal.path, 'remittanceInformationUnstructured');
    assert.match(refusal.text ?? '', /at most 10 characters/, 'the refusal is the bank rule, not a common check');
    const requestId = result.failure.requestId;
    assert.ok(requestId, 'the failing attempt has an X-Request-ID');

    const errors = fake.messages.filter((m) => m.severity === 'error');
    assert.equal(errors.length, 1, JSON.stringify(fake.messages));
    const { message, items } = errors[0]!;
    assert.match(message, /^Create Payment Initiation was rejected with HTTP 400 \(FORMAT_ERROR\)\./);
    assert.ok(message.endsWith(`X-Request-ID: ${requestId}.`), message);
    assert.ok(!message.includes(refusal.text ?? 'no text'), 'the bank\'s text stays out of the notification');
    assert.doesNotMatch(message, /at most|remittanceInformationUnstructured|SWEDSESS/, 'no part of the bank\'s text either');
    assert.deepEqual(items, ['Show Response', 'Show Log']);
  });
});

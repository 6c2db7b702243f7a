// A PSU header a call cannot go without, whose setting is empty, is asked for inline (what it means, an
// example), sent with that request, and saved to its setting when the user says so (fake VS Code, real sandbox).
import assert from 'node:assert/strict';
import { CONSENT_BODY_TEMPLATE } from '../../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import type { ConsentNode } from '../../../src/host/treeNodes';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, requestsFake, type FakeRequestDocument } from '../fakes/vscode';

const TYPED_IP = '203.0.113.7';

function handelsbankenAccount(): ConsentNode {
  const consent = { consentId: 'c-1', bicFi: 'HANDSESS', environmentId: 'custom', status: 'valid', createdAt: '2025-01-01T00:00:00Z', context: 'private' } as const;
  return { kind: 'account', consent, account: { resourceId: 'a-1', label: 'Privatkonto', bban: '403333911', currency: 'SEK', balances: [] } };
}

function inputPrompts(): { title?: string; prompt?: string; placeHolder?: string }[] {
  return fake.prompts.filter((p) => p.kind === 'input').map((p) => p.options as { title?: string; prompt?: string; placeHolder?: string });
}

describe('a missing PSU header is asked for inline (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  useSandboxExtension('missing-header-client', 'missing-header-secret-8a41');
  let openedSettings: unknown[];

  beforeEach(() => {
    openedSettings = [];
    // The workbench command Open Settings runs; the fake has no settings editor.
    const registration = commands.registerCommand('workbench.action.openSettings', (query: unknown) => openedSettings.push(query));
    afterEach(() => registration.dispose());
  });

  /** Initiate Payment from Account at Handelsbanken with no PSU settings: the body editor opens. */
  async function paymentBody(): Promise<FakeRequestDocument> {
    requestsFake.reset();
    fake.answers.push('domestic');
    assert.equal(await commands.executeCommand('openPayments.accounts.initiatePayment', handelsbankenAccount()), undefined, 'the body is edited first');
    const document = requestsFake.editors.at(-1)?.document as FakeRequestDocument | undefined;
    assert.ok(document, 'the body editor opened');
    fake.prompts.length = 0;
    fake.messages.length = 0;
    return document;
  }

  it('Initiate Payment from Account with PSU-IP-Address empty asks for it, sends it, and saves it when asked to', async () => {
    const document = await paymentBody();
    fake.answers.push(TYPED_IP, 'save');

    const sent = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);

    assert.ok(sent?.ok, sent && !sent.ok ? sent.failure.summary : 'not sent');
    assert.equal(sent.exchange.status, 201);
    assert.equal(sent.exchange.requestHeaders['PSU-IP-Address'], TYPED_IP, 'the value went out with this request');
    const [asked] = inputPrompts();
    assert.equal(asked?.title, 'Create Payment Initiation: PSU-IP-Address');
    assert.match(asked?.prompt ?? '', /^Create Payment Initiation requires the header PSU-IP-Address, and the setting openPayments\.psu\.ipAddress is empty\. The IP address of the device the PSU .* For example: 192\.168\.0\.1$/);
    assert.equal(asked?.placeHolder, '192.168.0.1');
    const keep = fake.prompts.find((p) => p.kind === 'pick')?.options as { items: { id: string; label: string }[] };
    assert.deepEqual(keep.items.map((i) => i.label), ['Send, and save it in openPayments.psu.ipAddress', 'Send, for this request only']);
    assert.equal(fake.settings.get('openPayments.psu.ipAddress')?.global, TYPED_IP, 'saved in the user settings');
    assert.ok(!fake.messages.some((m) => m.severity === 'error'), JSON.stringify(fake.messages));

    // The next payment takes it from the setting without asking.
    const again = await paymentBody();
    const second = await commands.executeCommand<ApiResult>('openPayments.sendBody', again.uri);
    assert.ok(second?.ok);
    assert.equal(second.exchange.requestHeaders['PSU-IP-Address'], TYPED_IP);
    assert.equal(inputPrompts().length, 0, 'nothing is asked once the setting has a value');
  });

  it('uses the value for this request only when the user says so', async () => {
    const document = await paymentBody();
    fake.answers.push(TYPED_IP, 'once');
    const sent = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(sent?.ok);
    assert.equal(sent.exchange.requestHeaders['PSU-IP-Address'], TYPED_IP);
    assert.equal(fake.settings.get('openPayments.psu.ipAddress')?.global, undefined, 'the setting stays empty');
  });

  it('on Escape sends nothing and says which setting to fill; Open Settings opens exactly that one', async () => {
    const document = await paymentBody();
    fake.answers.push(undefined);
    requestsFake.notificationClicks.push('Open Settings');
    const stopped = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(stopped && !stopped.ok);
    assert.equal(stopped.failure.attempts.length, 0, 'nothing reached the bank');
    const error = fake.messages.find((m) => m.severity === 'error');
    assert.match(error?.message ?? '', /^Create Payment Initiation was not sent: it requires the header PSU-IP-Address, and the setting openPayments\.psu\.ipAddress that fills it is empty\./);
    assert.deepEqual(error?.items, ['Open Settings', 'Retry']);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(openedSettings, ['openPayments.psu.ipAddress'], 'only that setting, not the whole list');
    assert.ok(document.getText().includes('debtorAccount'), 'the body document is kept');
  });

  it('asks for each header a bank requires in turn (SWEDSESS: PSU-IP-Address, PSU-User-Agent, PSU-ID), then creates the consent', async () => {
    fake.answers.push(TYPED_IP, 'once', 'Mozilla/5.0 (X11; Linux x86_64)', 'once', '199311219639', 'once');
    const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'SWEDSESS' }, body: CONSENT_BODY_TEMPLATE });
    assert.ok(result?.ok, result && !result.ok ? result.failure.summary : 'not sent');
    assert.equal(result.exchange.status, 201);
    assert.deepEqual(inputPrompts().map((p) => p.title), ['Create Consent: PSU-IP-Address', 'Create Consent: PSU-User-Agent', 'Create Consent: PSU-ID']);
    assert.match(inputPrompts()[0]?.prompt ?? '', /^SWEDSESS requires the header PSU-IP-Address/);
    assert.equal(result.exchange.requestHeaders['PSU-ID'], '199311219639');
  });
});

// Success answers that lack what the next step needs, from the real sandbox's `empty-object` fault: the user
// is told what is missing, with the X-Request-ID and a way to the response, never left in silence.
import assert from 'node:assert/strict';
import type { ExchangeRecord } from '../../../src/host/requestRunner';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, requestsFake, scaFake } from '../fakes/vscode';
import { usePsuSettings } from '../scaSession/support';
import { ENTER, ScriptedPrompter } from './scriptedPrompter';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('success answers without what the next step needs (fake VS Code, sandbox faults)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('thin-answer-client', 'thin-answer-secret-2d4e');

  beforeEach(() => usePsuSettings());
  afterEach(() => {
    scaFake.reset();
    requestsFake.reset();
  });

  it('Create Consent without a consentId says there is nothing to authorise and offers the response', async () => {
    const { ext, sandbox } = current();
    await fetch(`${sandbox.apiHost}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ kind: 'empty-object', operations: ['createConsent'], times: 1 }]),
    });
    const shown: ExchangeRecord[] = [];
    const showing = ext.api.responsePanel.show.bind(ext.api.responsePanel);
    ext.api.responsePanel.show = (record: ExchangeRecord) => {
      shown.push(record);
      showing(record);
    };
    const created: ExchangeRecord[] = [];
    ext.api.runner.onDidExchange((record) => record.operation.id === 'createConsent' && created.push(record));
    fake.messages.length = 0;
    requestsFake.notificationClicks.push('Show Response');

    const prompter = new ScriptedPrompter([ENTER, ENTER, ENTER]);
    const registration = ext.api.prompter.use(prompter);
    try {
      assert.equal(await commands.executeCommand('openPayments.consents.create', 'NDEASESS'), undefined);
    } finally {
      registration.dispose();
    }

    const requestId = created[0]?.result.ok ? created[0].result.exchange.requestId : 'none';
    const error = fake.messages.find((m) => m.severity === 'error');
    assert.ok(error, 'an error notification was shown');
    assert.match(error.message, new RegExp(`^Create Consent answered HTTP 200 without a consentId, so there is nothing to authorise\\..* X-Request-ID: ${UUID}\\.$`));
    assert.ok(error.message.includes(requestId));
    assert.deepEqual(error.items, ['Show Response']);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(shown.length, 1, 'Show Response opened the answer');
    assert.equal(scaFake.opened.length, 0, 'no login was started');
  });
});

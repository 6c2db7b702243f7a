// Production with a client certificate path that cannot be used: the request is not sent, the message names
// the setting and what to do, and "Open Settings" opens exactly that setting.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, RequestFailure } from '../../../src/client/http/requestFailure';
import { activateExtension, eventually, type Activated } from '../fakes/activate';
import { commands, fake, requestsFake } from '../fakes/vscode';

const SETTING = 'openPayments.production.clientCertificatePath';

describe('production client certificate that cannot be read (fake VS Code)', () => {
  let ext: Activated;
  let openedSettings: unknown[];

  beforeEach(async () => {
    ext = await activateExtension();
    requestsFake.reset();
    openedSettings = [];
    fake.commands.set('workbench.action.openSettings', (query: unknown) => void openedSettings.push(query));
    fake.settings.set('openPayments.environment', { global: 'production' });
    await ext.api.credentials.set('production', { clientId: 'prod-client', clientSecret: 'prod-secret-8a1c' });
    await ext.api.environment.refresh();
  });
  afterEach(() => ext.dispose());

  async function sendWithCertificate(file: string): Promise<{ failure: RequestFailure; error: { message: string; items: readonly unknown[] } }> {
    fake.settings.set(SETTING, { global: file });
    requestsFake.notificationClicks.push('Open Settings');
    const result = await commands.executeCommand<ApiResult | undefined>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    assert.ok(result && !result.ok);
    const error = fake.messages.find((m) => m.severity === 'error');
    assert.ok(error, 'an error notification was shown');
    return { failure: result.failure, error };
  }

  it('a missing .pfx: says it does not exist, names the setting, and offers to open it', async () => {
    const missing = path.join(os.tmpdir(), `open-payments-no-such-${process.pid}.pfx`);
    const { failure, error } = await sendWithCertificate(missing);
    assert.equal(failure.kind, 'validation');
    assert.equal(failure.causeCode, 'CLIENT_CERTIFICATE_MISSING');
    assert.equal(
      error.message,
      `Get Country List was not sent: the client certificate file named in the setting ${SETTING} does not exist. ` +
        'Set it to the path of the .pfx file from the Developer Portal, then send again.',
    );
    assert.deepEqual(error.items, ['Open Settings']);
    assert.deepEqual(openedSettings, [SETTING]);
    assert.ok(ext.log.lines.some((line) => line.includes(missing) && line.includes('ENOENT')), 'the log names the path and the cause');
    assert.ok(!ext.log.lines.some((line) => line.includes('[error]')), 'no unexpected error was logged');
  });

  it('an unreadable .pfx (a folder): says it could not be read, names the setting, and offers to open it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'open-payments-cert-'));
    try {
      const { failure, error } = await sendWithCertificate(folder);
      assert.equal(failure.causeCode, 'CLIENT_CERTIFICATE_UNREADABLE');
      assert.match(error.message, new RegExp(`^Get Country List was not sent: the client certificate file named in the setting ${SETTING.replace(/\./g, '\\.')} could not be read\\.`));
      assert.doesNotMatch(error.message, /unexpectedly/);
      assert.deepEqual(openedSettings, [SETTING]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the history entry says the request was not sent', async () => {
    await sendWithCertificate(path.join(os.tmpdir(), `open-payments-no-such-${process.pid}.pfx`));
    await eventually(() => assert.equal(ext.api.history.entries()[0]?.failureKind, 'validation'));
    assert.equal(ext.api.history.entries()[0]?.requestId, undefined);
  });
});

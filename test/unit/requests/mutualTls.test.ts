// Production's client certificate end to end (reference §2), against the local sandbox in https + mTLS mode: the
// real extension (fake VS Code) with the custom environment pointed at it, the .pfx named in the settings and its
// passphrase in secret storage. Each failure must name what to fix: the passphrase, the certificate file, the CA.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, RequestFailure } from '../../../src/client/http/requestFailure';
import { start, type Sandbox } from '../../../sandbox/index';
import { activateExtension, type Activated } from '../fakes/activate';
import { commands, fake, requestsFake } from '../fakes/vscode';

const CLIENT_SETTING = 'openPayments.custom.clientCertificatePath';
const CA_SETTING = 'openPayments.custom.caCertificatePath';
const CLIENT = { clientId: 'mtls-test-client', clientSecret: 'mtls-test-secret-4f1e' };

describe('client certificate against the sandbox in https + mTLS mode (fake VS Code)', function () {
  // The sandbox makes its certificates with openssl at start.
  this.timeout(30_000);
  let sandbox: Sandbox;
  let tls: NonNullable<Sandbox['tls']>;
  let ext: Activated;
  let scratch: string;
  let openedSettings: unknown[];
  let ranCommands: string[];

  before(async () => {
    sandbox = await start({
      tls: true,
      clients: [{ ...CLIENT, redirectUris: ['http://127.0.0.1:53682/callback'], products: ['aspspinformation', 'accountinformation', 'paymentinitiation'] }],
    });
    tls = sandbox.tls!;
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'open-payments-mtls-'));
  });
  after(async () => {
    await sandbox.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  beforeEach(async () => {
    ext = await activateExtension();
    requestsFake.reset();
    openedSettings = [];
    ranCommands = [];
    fake.commands.set('workbench.action.openSettings', (query: unknown) => void openedSettings.push(query));
    fake.settings.set('openPayments.environment', { global: 'custom' });
    fake.settings.set('openPayments.authHost', { global: sandbox.authHost });
    fake.settings.set('openPayments.apiHost', { global: sandbox.apiHost });
    fake.settings.set(CA_SETTING, { global: tls.caCertificatePath });
    fake.settings.set(CLIENT_SETTING, { global: tls.clientCertificates.valid });
    await ext.api.credentials.set('custom', CLIENT);
    fake.answers.push(tls.passphrase);
    assert.equal(await commands.executeCommand('openPayments.setCertificatePassphrase'), true);
    await ext.api.environment.refresh();
  });
  afterEach(() => ext.dispose());

  async function send(click?: string): Promise<{ result: ApiResult; error?: { message: string; items: readonly unknown[] } }> {
    if (click) requestsFake.notificationClicks.push(click);
    const result = await commands.executeCommand<ApiResult | undefined>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    assert.ok(result, 'the request was attempted');
    return { result, error: fake.messages.find((m) => m.severity === 'error') };
  }

  async function failed(click?: string): Promise<{ failure: RequestFailure; message: string; items: readonly unknown[] }> {
    const { result, error } = await send(click);
    assert.ok(!result.ok, 'the request failed');
    assert.ok(error, 'an error notification was shown');
    assert.ok(!error.message.includes(tls.passphrase) && !ext.log.lines.some((line) => line.includes(tls.passphrase)), 'the passphrase is never shown or logged');
    return { failure: result.failure, message: error.message, items: error.items };
  }

  it('succeeds with the trusted certificate and its passphrase (API over mTLS, token over https)', async () => {
    const { result, error } = await send();
    assert.equal(error, undefined);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.failure.summary));
    assert.equal(result.exchange.status, 200);
    assert.ok(Array.isArray((result.exchange.json as { countries?: unknown[] }).countries));
  });

  it('a wrong passphrase: not sent, names the passphrase and offers to set it', async () => {
    fake.answers.push('not-the-passphrase');
    await commands.executeCommand('openPayments.setCertificatePassphrase');
    fake.commands.set('openPayments.setCertificatePassphrase', () => void ranCommands.push('setCertificatePassphrase'));
    const { failure, message, items } = await failed('Set Client Certificate Passphrase');
    assert.equal(failure.kind, 'validation');
    assert.equal(failure.causeCode, 'CLIENT_CERTIFICATE_PASSPHRASE');
    assert.equal(
      message,
      `Get Country List was not sent: the client certificate named in the setting ${CLIENT_SETTING} does not open with the stored passphrase. ` +
        'Run "Set Client Certificate Passphrase" with the passphrase that came with the .pfx, then send again.',
    );
    assert.deepEqual(items, ['Set Client Certificate Passphrase', 'Open Settings']);
    assert.deepEqual(ranCommands, ['setCertificatePassphrase']);
    assert.deepEqual(sandboxRequestsSeen(), [], 'nothing reached the API');
  });

  it('no passphrase stored for an encrypted .pfx: the same message, naming the passphrase', async () => {
    await commands.executeCommand('openPayments.clearCertificatePassphrase');
    const { failure, message } = await failed();
    assert.equal(failure.causeCode, 'CLIENT_CERTIFICATE_PASSPHRASE');
    assert.match(message, /does not open with the stored passphrase/);
  });

  it('a certificate the server does not trust: the server closes the connection; the message names the certificate setting', async () => {
    fake.settings.set(CLIENT_SETTING, { global: tls.clientCertificates.untrusted });
    const { failure, message, items } = await failed('Open Settings');
    assert.ok(failure.kind === 'reset' || failure.kind === 'tls', failure.summary);
    assert.equal(failure.certificateSettings?.clientCertificate, CLIENT_SETTING);
    assert.match(message, new RegExp(`does not accept the (client )?certificate named in the setting ${CLIENT_SETTING.replace(/\./g, '\\.')}`));
    assert.match(message, /the \.pfx the Developer Portal issued for this environment/);
    assert.ok(items.includes('Open Settings'));
    assert.deepEqual(openedSettings, [CLIENT_SETTING]);
  });

  it('an expired certificate: not sent, says when it expired and what to do', async () => {
    fake.settings.set(CLIENT_SETTING, { global: tls.clientCertificates.expired });
    const { failure, message } = await failed('Open Settings');
    assert.equal(failure.causeCode, 'CLIENT_CERTIFICATE_EXPIRED');
    assert.equal(
      message,
      `Get Country List was not sent: the client certificate named in the setting ${CLIENT_SETTING} expired on 2020-01-02. ` +
        'Download a new one from the Developer Portal and point the setting at it.',
    );
    assert.deepEqual(openedSettings, [CLIENT_SETTING]);
  });

  for (const [name, content] of [
    ['a PEM certificate', () => fs.readFileSync(tls.caCertificatePath)],
    ['a text file', () => Buffer.from('not a certificate\n')],
  ] as const) {
    it(`a .pfx that is not one (${name}): not sent, names the file setting and the kind of file needed`, async () => {
      const file = path.join(scratch, `${name.replace(/\W+/g, '-')}.pfx`);
      fs.writeFileSync(file, content());
      fake.settings.set(CLIENT_SETTING, { global: file });
      const { failure, message } = await failed();
      assert.equal(failure.causeCode, 'CLIENT_CERTIFICATE_NOT_PKCS12');
      assert.equal(
        message,
        `Get Country List was not sent: the file named in the setting ${CLIENT_SETTING} is not a PKCS#12 (.pfx) certificate. ` +
          'Point the setting at the .pfx file from the Developer Portal (a .pem or .cer file holds no private key), then send again.',
      );
    });
  }

  it('without the private CA: the auth host is not trusted, and the message names the CA setting', async () => {
    fake.settings.set(CA_SETTING, { global: '' });
    const { failure, message } = await failed('Open Settings');
    assert.equal(failure.kind, 'token');
    assert.match(message, new RegExp(`the auth host's certificate is not trusted\\. If this environment uses a private CA, set ${CA_SETTING.replace(/\./g, '\\.')}`));
    assert.deepEqual(openedSettings, [CA_SETTING]);
  });

  it('a CA setting that names no PEM certificate: not sent, names the CA setting', async () => {
    fake.settings.set(CA_SETTING, { global: tls.clientCertificates.valid });
    const { failure, message } = await failed();
    assert.equal(failure.causeCode, 'CA_CERTIFICATE_NOT_PEM');
    assert.match(message, new RegExp(`the file named in the setting ${CA_SETTING.replace(/\./g, '\\.')} holds no PEM certificate`));
  });

  it('the certificate applies to custom only while the setting names one: the plain local sandbox still needs none', async () => {
    fake.settings.set(CLIENT_SETTING, { global: '' });
    const { failure, message } = await failed();
    // Without a client certificate the mTLS host closes the connection: no certificate setting to blame.
    assert.equal(failure.certificateSettings?.clientCertificate, undefined);
    assert.doesNotMatch(message, /client certificate named/);
  });

  it('production uses the same checks on its own setting: an expired .pfx or a wrong passphrase is named before anything is sent', async () => {
    const production = 'openPayments.production.clientCertificatePath';
    await ext.api.credentials.set('production', { clientId: 'prod-client', clientSecret: 'prod-secret-9d2b' });
    fake.settings.set('openPayments.environment', { global: 'production' });
    fake.settings.set(production, { global: tls.clientCertificates.expired });
    await ext.api.environment.refresh();
    const expired = await failed();
    assert.equal(expired.failure.causeCode, 'CLIENT_CERTIFICATE_EXPIRED');
    assert.match(expired.message, /the client certificate named in the setting openPayments\.production\.clientCertificatePath expired on 2020-01-02/);
    fake.messages.length = 0;
    fake.settings.set(production, { global: tls.clientCertificates.valid });
    fake.answers.push('not-the-passphrase');
    await commands.executeCommand('openPayments.setCertificatePassphrase');
    const wrong = await failed();
    assert.equal(wrong.failure.causeCode, 'CLIENT_CERTIFICATE_PASSPHRASE');
    assert.match(wrong.message, /named in the setting openPayments\.production\.clientCertificatePath does not open with the stored passphrase/);
  });

  function sandboxRequestsSeen(): string[] {
    // Requests are logged by the sandbox only when they reach the API; a refused TLS connection logs nothing.
    return ext.log.lines.filter((line) => /GET \/psd2\/\S+ \d{3} /.test(line));
  }
});

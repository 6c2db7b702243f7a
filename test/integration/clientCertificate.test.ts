// Production's client certificate (reference §2) in the real extension host: the custom environment pointed at
// the sandbox's https + mTLS hosts, the .pfx and the private CA named in the real settings, the passphrase set
// through the real command into VS Code's secret storage. Failures are unit-tested (test/unit/requests/mutualTls).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiResult } from '../../src/client/http/requestFailure';
import { extensionApi, useSandboxEnvironment, withPrompter } from './support';

const MTLS = {
  authHost: process.env.OPENPAYMENTS_IT_MTLS_AUTH_HOST,
  apiHost: process.env.OPENPAYMENTS_IT_MTLS_API_HOST,
  'custom.caCertificatePath': process.env.OPENPAYMENTS_IT_MTLS_CA,
  'custom.clientCertificatePath': process.env.OPENPAYMENTS_IT_MTLS_CERTIFICATE,
};
const PASSPHRASE = process.env.OPENPAYMENTS_IT_MTLS_PASSPHRASE;

describe('client certificate (mTLS) against the sandbox in https + mTLS mode', function () {
  this.timeout(90_000);

  before(function () {
    if (Object.values(MTLS).some((value) => !value) || !PASSPHRASE) throw new Error('The runner started no mTLS sandbox: OPENPAYMENTS_IT_MTLS_* are unset.');
  });
  // The custom environment on the https + mTLS hosts, with the .pfx and the CA from the settings.
  useSandboxEnvironment(MTLS as Record<keyof typeof MTLS, string>);
  before(async () => {
    const api = await extensionApi();
    const stored = await withPrompter(api, [PASSPHRASE ?? ''], () => vscode.commands.executeCommand<boolean>('openPayments.setCertificatePassphrase'));
    assert.equal(stored, true);
  });
  after(() => vscode.commands.executeCommand('openPayments.clearCertificatePassphrase'));

  it('sends an API call over mTLS with the .pfx from the settings and the passphrase from secret storage', async () => {
    const result = await vscode.commands.executeCommand<ApiResult | undefined>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    assert.ok(result?.ok, result && !result.ok ? result.failure.summary : 'the request was attempted');
    assert.equal(result.exchange.status, 200);
    assert.ok(result.exchange.url.startsWith(`${MTLS.apiHost}/psd2/`), result.exchange.url);
    assert.ok(Array.isArray((result.exchange.json as { countries?: unknown }).countries));
  });
});

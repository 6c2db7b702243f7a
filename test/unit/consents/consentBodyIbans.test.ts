// IBANs in a Create Consent body edited as JSON: the printed form is sent as banks expect it, a wrong check
// digit is marked and nothing is sent (fake VS Code, real sandbox).
import assert from 'node:assert/strict';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { consentIbanProblems, normaliseConsentIbans } from '../../../src/client/consents/consentDraft';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, requestsFake, type FakeRequestDocument } from '../fakes/vscode';

describe('IBANs in a Create Consent body (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  useSandboxExtension('consent-iban-client', 'consent-iban-secret-41d7');

  async function consentBody(accounts: unknown[]): Promise<FakeRequestDocument> {
    requestsFake.reset();
    await commands.executeCommand('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'ESSESESS' } });
    const document = requestsFake.editors.at(-1)?.document as FakeRequestDocument | undefined;
    assert.ok(document);
    const body = JSON.parse(document.getText()) as Record<string, unknown>;
    document.userEdit(JSON.stringify({ ...body, access: { accounts, balances: accounts } }, null, 2));
    fake.messages.length = 0;
    return document;
  }

  it('sends IBANs typed with spaces and in lower case without them, upper-cased', async () => {
    const document = await consentBody([{ iban: 'se37 5000 0000 0544 0004 7881' }]);
    const sent = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(sent?.ok, sent && !sent.ok ? sent.failure.summary : 'not sent');
    assert.equal(sent.exchange.status, 201);
    const access = (JSON.parse(sent.exchange.requestBody ?? '{}') as { access: unknown }).access;
    assert.deepEqual(access, { accounts: [{ iban: 'SE3750000000054400047881' }], balances: [{ iban: 'SE3750000000054400047881' }] });
  });

  it('marks an IBAN whose check digits do not match and sends nothing', async () => {
    const document = await consentBody([{ iban: 'SE3750000000054400047881' }, { iban: 'SE3750000000054400047882' }]);
    assert.equal(await commands.executeCommand('openPayments.sendBody', document.uri), undefined);
    const error = fake.messages.find((m) => m.severity === 'error')?.message ?? '';
    assert.match(error, /^Create Consent was not sent: access\.accounts\.1\.iban is not a valid IBAN: its check digits .* \(ISO 13616\)/);
  });

  it('normalises and checks only the IBANs of the access lists', () => {
    const body = { access: { accounts: [{ iban: 'se45 5000 0000 0583 9825 7466' }, { bban: '41351300039' }], transactions: [{ iban: 'XX' }] }, frequencyPerDay: 4 };
    const normalised = normaliseConsentIbans(body);
    assert.deepEqual(normalised, { access: { accounts: [{ iban: 'SE4550000000058398257466' }, { bban: '41351300039' }], transactions: [{ iban: 'XX' }] }, frequencyPerDay: 4 });
    assert.deepEqual(consentIbanProblems(normalised), [{ path: 'access.transactions.0.iban', iban: 'XX', reason: 'shape' }]);
    for (const untouched of [null, 'x', { access: {} }, { access: { accounts: 'all' } }]) assert.equal(normaliseConsentIbans(untouched), untouched);
  });
});

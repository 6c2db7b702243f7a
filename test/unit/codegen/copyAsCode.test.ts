// Copy as Code… in the fake VS Code: which request each entry point copies, the language pick that remembers
// the last choice, production's certificate variant, and the messages when nothing can be copied.
import assert from 'node:assert/strict';
import { Redactor } from '../../../src/client/redaction/redaction';
import { HistoryStore } from '../../../src/client/history/historyStore';
import { SettledState } from '../../../src/host/settledState';
import type { HistoryEntry } from '../../../src/client/history/historyEntry';
import { EnvironmentSettings } from '../../../src/host/settings/environmentSettings';
import { RequestSettingsReader } from '../../../src/host/settings/requestSettings';
import { SettingsReader } from '../../../src/host/settings/settingsReader';
import { callDefaultsFromSettings } from '../../../src/host/settings/historySettings';
import type { Prompter } from '../../../src/host/prompter';
import type { BankNode, ConsentNode } from '../../../src/host/treeNodes';
import { COPY_AS_CODE_COMMAND, CopyAsCode } from '../../../src/features/copyAsCode/copyAsCode';
import { registerCommands } from '../../../src/host/commands';
import { resetWithManifestDefaults } from '../fakes/manifest';
import { commands, fake, viewsFake, workspace } from '../fakes/vscode';
import { apiRequest, MemoryFiles, MemoryState, ok, exchange, recorded, REQUEST_ID, sequentialIds } from '../history/fixtures';

class PickingPrompter implements Prompter {
  readonly offered: string[][] = [];
  choose: string | undefined = 'JavaScript (Node.js fetch)';
  async input(): Promise<string | undefined> {
    return undefined;
  }
  async pick<T>(items: readonly T[]): Promise<T | undefined> {
    this.offered.push(items.map((item) => String((item as { label: string }).label)));
    return items.find((item) => (item as { label: string }).label === this.choose) ?? items[0];
  }
  async pickMany<T>(): Promise<T[] | undefined> {
    return undefined;
  }
  async confirm(): Promise<boolean> {
    return false;
  }
}

const CONSENT = { consentId: 'c0ffee00-1111-4222-8333-444455556666', bicFi: 'ESSESESS', environmentId: 'sandbox', status: 'valid', createdAt: '2026-01-01T00:00:00Z', context: 'corporate' } as const;

describe('Copy as Code… (fake VS Code)', () => {
  let store: HistoryStore;
  let prompter: PickingPrompter;
  let registration: { dispose(): unknown };
  let instance: CopyAsCode;

  beforeEach(() => {
    resetWithManifestDefaults();
    viewsFake.reset();
    const settings = new SettingsReader();
    store = new HistoryStore({
      state: new MemoryState(),
      files: new MemoryFiles(),
      redactor: new Redactor(),
      maxEntries: () => 50,
      log: { error: () => undefined },
      newId: sequentialIds(),
      callDefaults: callDefaultsFromSettings(new EnvironmentSettings(settings), new RequestSettingsReader(settings)),
    });
    prompter = new PickingPrompter();
    const copy = new CopyAsCode(store, new EnvironmentSettings(settings), new RequestSettingsReader(settings), new SettledState(new MemoryState()), prompter);
    instance = copy;
    registration = registerCommands({ [COPY_AS_CODE_COMMAND]: (arg?: unknown, language?: string) => copy.run(arg, language) }, { used: () => undefined });
  });
  afterEach(() => registration.dispose());

  const copy = (arg?: unknown, language?: string): Thenable<string | undefined> => commands.executeCommand(COPY_AS_CODE_COMMAND, arg, language);

  it('copies a History entry as it was sent, with a fresh id made at run time and no recorded id or token', async () => {
    await store.record(recorded(apiRequest(), ok(exchange({ requestHeaders: { Accept: 'application/json', 'X-Request-ID': REQUEST_ID, Authorization: 'Bearer ***' } }))));
    const [entry] = store.entries() as HistoryEntry[];
    const code = await copy(entry);
    assert.equal(viewsFake.clipboard, code);
    assert.match(code ?? '', /const API_URL = "https:\/\/api\.sandbox\.openbankingplatform\.com\/psd2\/aspspinformation\/v1\/aspsps\?isoCountryCodes=SE";/);
    assert.match(code ?? '', /const AUTH_HOST = "https:\/\/auth\.sandbox\.openbankingplatform\.com";/);
    assert.match(code ?? '', /const SCOPE = "aspspinformation private";/);
    assert.match(code ?? '', /randomUUID\(\)/);
    assert.ok(!code?.includes(REQUEST_ID) && !code?.includes('***') && !/Bearer \*/.test(code ?? ''), code);
    assert.doesNotMatch(code ?? '', /pfx|OPENPAYMENTS_CLIENT_CERT/, 'the sandbox needs no certificate');
    assert.match(fake.messages.at(-1)?.message ?? '', /^The JavaScript \(Node\.js fetch\) program for Get ASPSP List was copied to the clipboard\. Before you run it, set OPENPAYMENTS_CLIENT_ID and OPENPAYMENTS_CLIENT_SECRET\.$/);
  });

  it('offers the last language first next time', async () => {
    await store.record(recorded(apiRequest(), ok()));
    const [entry] = store.entries();
    prompter.choose = 'Java (java.net.http)';
    await copy(entry);
    await copy(entry);
    assert.equal(prompter.offered[0]?.[0], 'cURL (sh script)');
    assert.equal(prompter.offered[1]?.[0], 'Java (java.net.http)');
    assert.match(viewsFake.clipboard, /^\/\/ Get ASPSP List \(getASPSPList\)/);
    assert.match(viewsFake.clipboard, /public class OpenPaymentsRequest/);
  });

  it('copies the read a tree item stands for, in the consent\'s own context', async () => {
    const account: ConsentNode = { kind: 'account', consent: CONSENT, account: { resourceId: 'acc-1' } as never };
    const code = await copy(account, 'python');
    assert.match(code ?? '', /API_URL = "https:\/\/api\.sandbox\.openbankingplatform\.com\/psd2\/accountinformation\/v1\/accounts\/acc-1"/);
    assert.match(code ?? '', /"Consent-ID": "c0ffee00-1111-4222-8333-444455556666"/);
    assert.match(code ?? '', /"X-BicFi": "ESSESESS"/);
    assert.match(code ?? '', /SCOPE = "accountinformation corporate"/);
    const bank: BankNode = { kind: 'bank', id: 'b', bank: { bicFi: 'NDEASESS', name: 'Nordea' }, parent: { kind: 'empty', id: 'e', message: '' } };
    assert.match((await copy(bank, 'curl')) ?? '', /'https:\/\/api\.sandbox\.openbankingplatform\.com\/psd2\/aspspinformation\/v1\/aspsps\/NDEASESS'/);
  });

  it('takes a request description from another command, and gives production the certificate variant', async () => {
    await workspace.getConfiguration('openPayments').update('environment', 'production');
    const code = await copy({ operationId: 'getConsentStatus', params: { consentId: 'abc', 'X-BicFi': 'ESSESESS' } }, 'java');
    assert.match(code ?? '', /https:\/\/api\.openbankingplatform\.com\/psd2\/consent\/v1\/consents\/abc\/status/);
    assert.match(code ?? '', /KeyStore\.getInstance\("PKCS12"\)/);
    assert.match(code ?? '', /requireEnv\("OPENPAYMENTS_CLIENT_CERT"\)/);
    assert.match(fake.messages.at(-1)?.message ?? '', /client certificate variables/);
  });

  it('takes the request the response view holds (operation, environment, request as sent), and refuses one sent to another host', async () => {
    const request = { url: 'https://api.sandbox.openbankingplatform.com/psd2/consent/v1/consents', headers: { 'X-BicFi': 'ESSESESS', 'X-Request-ID': REQUEST_ID, 'Content-Type': 'application/json' }, body: '{"recurringIndicator":true}' };
    const code = await copy({ operationId: 'createConsent', environmentId: 'sandbox', request, context: 'private' }, 'python');
    assert.match(code ?? '', /BODY = json\.dumps\(\{\n {4}"recurringIndicator": True,\n\}\)/);
    assert.ok(!code?.includes(REQUEST_ID));
    const elsewhere = { ...request, url: 'https://evil.example/psd2/consent/v1/consents' };
    assert.equal(await copy({ operationId: 'createConsent', environmentId: 'sandbox', request: elsewhere }, 'python'), undefined);
    assert.match(fake.messages.at(-1)?.message ?? '', /^This request went to a host that is no longer the API host of its environment, so it was not copied\./);
  });

  it('the response view\'s button copies the request the view shows, and with none shown offers History', async () => {
    const request = { url: 'https://api.sandbox.openbankingplatform.com/psd2/consent/v1/consents/abc/status', headers: { 'X-BicFi': 'ESSESESS', 'X-Request-ID': REQUEST_ID } };
    const code = await instance.runShown({ operationId: 'getConsentStatus', environmentId: 'sandbox', request }, 'curl');
    assert.match(code ?? '', /\/psd2\/consent\/v1\/consents\/abc\/status/);
    assert.ok(!code?.includes(REQUEST_ID));
    assert.equal(await instance.runShown(undefined, 'curl'), undefined);
    assert.match(fake.messages.at(-1)?.message ?? '', /History/);
  });

  it('copies nothing and says what is missing when a description lacks a required value', async () => {
    viewsFake.clipboard = '';
    assert.equal(await copy({ operationId: 'getConsentStatus', params: { 'X-BicFi': 'ESSESESS' } }, 'curl'), undefined);
    assert.equal(viewsFake.clipboard, '');
    assert.equal(fake.messages.at(-1)?.message, 'Nothing was copied: the request has no valid value for consentId. Give it a value, then copy again.');
    assert.equal(await copy({ operationId: 'noSuchOperation', params: {} }, 'curl'), undefined);
    assert.equal(fake.messages.at(-1)?.message, 'Nothing was copied: noSuchOperation is not an Open Payments operation.');
  });

  it('from the Command Palette with an empty History, says where to start', async () => {
    assert.equal(await copy(), undefined);
    assert.match(fake.messages.at(-1)?.message ?? '', /^There is no request to copy yet\./);
  });
});

import assert from 'node:assert/strict';
import type { TokenScope } from '../../../src/client/http/tokenSource';
import { isRequestId } from '../../../src/client/http/requestId';
import { TokenError } from '../../../src/client/http/tokenError';
import { Redactor } from '../../../src/client/redaction/redaction';
import { HistoryStore } from '../../../src/client/history/historyStore';
import type { ResponseRecord } from '../../../src/client/history/responseRecord';
import { EnvironmentSettings } from '../../../src/host/settings/environmentSettings';
import { SettingsReader } from '../../../src/host/settings/settingsReader';
import { Logger } from '../../../src/host/logger';
import type { Prompter } from '../../../src/host/prompter';
import { RequestSettingsReader } from '../../../src/host/settings/requestSettings';
import { HistoryCommands } from '../../../src/features/history/historyCommands';
import { HISTORY_COMMANDS } from '../../../src/features/history/historyCommandIds';
import { callDefaultsFromSettings, HistorySettings } from '../../../src/host/settings/historySettings';
import { HistoryTreeProvider } from '../../../src/features/history/historyTree';
import { eventually } from '../fakes/activate';
import { resetWithManifestDefaults } from '../fakes/manifest';
import {
  commands,
  ConfigurationTarget,
  fake,
  FakeLogOutputChannel,
  MarkdownString,
  ThemeIcon,
  viewsFake,
  workspace,
} from '../fakes/vscode';
import { apiRequest, exchange, failed, MemoryFiles, MemoryState, ok, recorded, REQUEST_ID, RETRY_ID, sequentialIds } from './fixtures';

const LIVE_TOKEN = 'live-access-token-4d7f1a';

class ScriptedPrompter implements Prompter {
  readonly confirms: { message: string; detail: string; action: string }[] = [];
  confirmAnswers: boolean[] = [];
  pickIndex: number | undefined;
  async input(): Promise<string | undefined> {
    return undefined;
  }
  async pick<T>(items: readonly T[]): Promise<T | undefined> {
    return this.pickIndex === undefined ? undefined : items[this.pickIndex];
  }
  async pickMany<T>(): Promise<T[] | undefined> {
    return undefined;
  }
  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    this.confirms.push({ message, detail, action });
    return this.confirmAnswers.shift() ?? false;
  }
}

describe('History view and its commands', () => {
  let state: MemoryState;
  let files: MemoryFiles;
  let redactor: Redactor;
  let log: FakeLogOutputChannel;
  let prompter: ScriptedPrompter;
  let shown: ResponseRecord[];
  let tokenScopes: TokenScope[];
  let tokenFailure: Error | undefined;
  let store: HistoryStore;
  let tree: HistoryTreeProvider;
  let registrations: { dispose(): unknown }[];

  function newStore(): HistoryStore {
    return new HistoryStore({
      state,
      files,
      redactor,
      maxEntries: () => new HistorySettings(new SettingsReader()).maxEntries(),
      log: { error: () => undefined },
      newId: sequentialIds(),
      callDefaults: callDefaultsFromSettings(new EnvironmentSettings(new SettingsReader()), new RequestSettingsReader(new SettingsReader())),
    });
  }

  function wire(): void {
    store = newStore();
    const logger = new Logger(log as never, redactor);
    tree = new HistoryTreeProvider(store, new HistorySettings(new SettingsReader()));
    const historyCommands = new HistoryCommands(
      store,
      { showRecord: (record) => shown.push(record) },
      prompter,
      new EnvironmentSettings(new SettingsReader()),
      async (scope) => {
        tokenScopes.push(scope);
        if (tokenFailure) throw tokenFailure;
        return LIVE_TOKEN;
      },
      redactor,
      logger,
    );
    registrations = [tree.register({ used: () => undefined }), historyCommands.register({ used: () => undefined })];
  }

  beforeEach(() => {
    resetWithManifestDefaults();
    viewsFake.reset();
    state = new MemoryState();
    files = new MemoryFiles();
    redactor = new Redactor();
    log = new FakeLogOutputChannel('Open Payments');
    prompter = new ScriptedPrompter();
    shown = [];
    tokenScopes = [];
    tokenFailure = undefined;
    wire();
  });
  afterEach(() => registrations.forEach((r) => r.dispose()));

  const entries = () => tree.getChildren();

  it('registers the view and lists entries newest first with status, time, X-Request-ID and environment', async () => {
    assert.equal(viewsFake.treeViews.get('openPayments.history')?.treeDataProvider, tree);
    let refreshes = 0;
    tree.onDidChangeTreeData(() => refreshes++);
    await store.record(recorded(apiRequest(), ok()));
    await store.record(recorded(apiRequest('getConsentStatus', { consentId: 'c1', 'X-BicFi': 'ESSESESS' }), failed({ kind: 'timeout', requestId: RETRY_ID, attempts: [{ requestId: RETRY_ID, error: 'timeout', durationMs: 5 }] })));
    assert.equal(refreshes, 2);

    const listed = entries();
    const [newest, oldest] = listed.map((entry) => tree.getTreeItem(entry));
    // The operation's title already names its verb; "GET Get …" only repeated it. Method and path stay in the tooltip.
    assert.equal(newest?.label, 'Get Consent Status');
    assert.match(String(newest?.description), /^timeout · \d\d:\d\d:\d\d$/);
    assert.equal((newest?.iconPath as ThemeIcon).id, 'error');
    assert.equal(oldest?.label, 'Get ASPSP List');
    assert.match(String(oldest?.description), /^200 · \d\d:\d\d:\d\d$/);
    assert.equal((oldest?.iconPath as ThemeIcon).id, 'pass');
    // The tooltip comes when the row is hovered (resolveTreeItem), not with every listing.
    assert.equal(oldest?.tooltip, undefined);
    const resolved = tree.resolveTreeItem(oldest!, listed[1]!);
    const tooltip = (resolved.tooltip as MarkdownString).value;
    assert.ok(tooltip.includes(REQUEST_ID.replace(/-/g, '\\-')), tooltip);
    assert.match(tooltip, /Sandbox/);
    assert.match(tooltip, /^GET \/psd2\/aspspinformation\/v1\/aspsps/);
    assert.equal(oldest?.accessibilityInformation?.label.startsWith('Get ASPSP List, 200, '), true);
    assert.equal((resolved.tooltip as MarkdownString).isTrusted, false);
    assert.equal(oldest?.contextValue, 'historyEntry hasRequestId replayable');
    assert.equal(oldest?.command?.command, HISTORY_COMMANDS.openResponse);
  });

  it('keeps openPayments.history.maxEntries entries and applies a lowered value at once', async () => {
    await workspace.getConfiguration('openPayments.history').update('maxEntries', 3, ConfigurationTarget.Global);
    for (let i = 0; i < 5; i++) await store.record(recorded(apiRequest(), ok()));
    assert.equal(entries().length, 3);
    await workspace.getConfiguration('openPayments.history').update('maxEntries', 1, ConfigurationTarget.Global);
    await eventually(() => {
      assert.equal(entries().length, 1);
      assert.equal(files.files.size, 1);
    });
  });

  it('on registration sweeps details files no entry refers to, and keeps the list as it was', async () => {
    await store.record(recorded(apiRequest(), ok()));
    const [kept] = entries();
    await files.write('0b7d3a52-6e1f-4c8e-9a43-2f1d5c7e8b90.json', '{"left":"by a crash"}');
    registrations.forEach((r) => r.dispose());
    wire();
    let refreshes = 0;
    tree.onDidChangeTreeData(() => refreshes++);
    await eventually(() => assert.deepEqual([...files.files.keys()], [`${kept?.id}.json`]));
    assert.deepEqual(entries(), [kept]);
    assert.equal(refreshes, 0);
  });

  it('opens the stored response after a reload, through the same response view', async () => {
    await store.record(recorded(apiRequest(), ok(exchange({ bodyText: '{"reloaded":true}' }))));
    registrations.forEach((r) => r.dispose());
    wire();
    const [entry] = entries();
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.openResponse, entry), true);
    assert.equal(shown[0]?.exchange?.bodyText, '{"reloaded":true}');
  });

  it('says so when the stored response is gone', async () => {
    await store.record(recorded(apiRequest(), ok()));
    files.files.clear();
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.openResponse, entries()[0]), false);
    assert.match(fake.messages.at(-1)?.message ?? '', /no longer stored/);
  });

  it('copies the X-Request-ID, or explains why there is none', async () => {
    await store.record(recorded(apiRequest(), failed({ kind: 'validation', causeCode: 'MISSING_PARAM', param: 'X-BicFi' })));
    await store.record(recorded(apiRequest(), ok()));
    const [sent, notSent] = entries();
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyRequestId, sent), true);
    assert.equal(viewsFake.clipboard, REQUEST_ID);
    assert.equal(fake.messages.at(-1)?.message, `The X-Request-ID ${REQUEST_ID} was copied to the clipboard.`);
    viewsFake.clipboard = '';
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyRequestId, notSent), false);
    assert.equal(viewsFake.clipboard, '');
    assert.match(fake.messages.at(-1)?.message ?? '', /never sent/);
    assert.equal(tree.getTreeItem(notSent as never).description?.toString().startsWith('not sent'), true);
  });

  it('sends again with the stored request, whatever the argument object claims', async () => {
    const received: unknown[] = [];
    const sendRequest = commands.registerCommand('openPayments.sendRequest', (arg: unknown) => received.push(arg));
    try {
      await store.record(recorded(apiRequest('createConsent', { 'X-BicFi': 'ESSESESS' }, { access: {} }), ok()));
      const [entry] = entries();
      const forged = { ...entry, replay: { operationId: 'deleteConsent', params: { consentId: 'victim' } } };
      assert.equal(await commands.executeCommand(HISTORY_COMMANDS.sendAgain, forged), true);
      assert.deepEqual(received, [
        { operationId: 'createConsent', params: { 'X-BicFi': 'ESSESESS' }, body: '{"access":{}}', context: 'private', environmentId: 'sandbox' },
      ]);
      assert.equal(await commands.executeCommand(HISTORY_COMMANDS.sendAgain, { id: 'not-an-entry' }), false);
      assert.match(fake.messages.at(-1)?.message ?? '', /no longer in the history/);
    } finally {
      sendRequest.dispose();
    }
  });

  it('copies as cURL with a token placeholder', async () => {
    await store.record(recorded(apiRequest(), ok()));
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyAsCurl, entries()[0]), true);
    assert.match(viewsFake.clipboard, /^curl --request 'GET' 'https:\/\/api\.sandbox\.openbankingplatform\.com\/psd2\/aspspinformation\/v1\/aspsps\?isoCountryCodes=SE'/);
    assert.ok(viewsFake.clipboard.includes("'Authorization: Bearer <token>'"));
    assert.ok(!viewsFake.clipboard.includes(REQUEST_ID), 'running the copy would send the recorded X-Request-ID again');
    const first = /'X-Request-ID: ([0-9a-f-]{36})'/.exec(viewsFake.clipboard)?.[1];
    assert.ok(first !== undefined && isRequestId(first), viewsFake.clipboard);
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyAsCurl, entries()[0]), true);
    const second = /'X-Request-ID: ([0-9a-f-]{36})'/.exec(viewsFake.clipboard)?.[1];
    assert.ok(second !== undefined && second !== first, 'each copy carries its own id');
    assert.match(fake.messages.at(-1)?.message ?? '', /new X-Request-ID/);
    assert.equal(prompter.confirms.length, 0);
    assert.equal(tokenScopes.length, 0);
  });

  it('puts a live token in only after a modal warning, and never logs or shows it', async () => {
    await store.record(recorded(apiRequest(), ok()));
    const [entry] = entries();

    prompter.confirmAnswers = [false];
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyAsCurlWithLiveToken, entry), false);
    assert.equal(tokenScopes.length, 0, 'no token is fetched when the user declines');
    assert.equal(viewsFake.clipboard, '');

    prompter.confirmAnswers = [true];
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyAsCurlWithLiveToken, entry), true);
    assert.match(prompter.confirms[1]?.detail ?? '', /until the token expires/);
    assert.deepEqual(tokenScopes, [
      { environmentId: 'sandbox', authHost: 'https://auth.sandbox.openbankingplatform.com', product: 'aspspinformation', context: 'private' },
    ]);
    assert.ok(viewsFake.clipboard.includes(`'Authorization: Bearer ${LIVE_TOKEN}'`));
    const visible = JSON.stringify({ log: log.lines, messages: fake.messages, state: state.dump(), files: files.dump() });
    assert.ok(!visible.includes(LIVE_TOKEN), 'the live token leaked');
    assert.equal(redactor.redact(`x ${LIVE_TOKEN}`), 'x ***', 'the Redactor masks it from now on');
  });

  it('says why no live token came, with what to fix and the token request\'s X-Request-ID, and copies nothing', async () => {
    await store.record(recorded(apiRequest(), ok()));
    const details = { kind: 'invalid_client', environmentId: 'sandbox', authHost: 'https://auth.sandbox.openbankingplatform.com', product: 'aspspinformation', context: 'private', requestId: RETRY_ID } as const;
    tokenFailure = new TokenError(details);
    prompter.confirmAnswers = [true];
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyAsCurlWithLiveToken, entries()[0]), false);
    assert.equal(viewsFake.clipboard, '');
    const shown = fake.messages.at(-1);
    assert.equal(shown?.severity, 'error');
    assert.match(shown?.message ?? '', /^Nothing was copied\. The token request for .* was refused \(invalid_client\).*Set the client credentials for Sandbox again/);
    assert.ok(shown?.message.endsWith(`X-Request-ID: ${RETRY_ID}.`), shown?.message);
  });

  it('refuses a live token for a request whose host is not its environment API host', async () => {
    await store.record(recorded(apiRequest(), ok(exchange({ url: 'https://attacker.example/psd2/aspspinformation/v1/aspsps' }))));
    prompter.confirmAnswers = [true];
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyAsCurlWithLiveToken, entries()[0]), false);
    assert.equal(tokenScopes.length, 0);
    assert.equal(viewsFake.clipboard, '');
    assert.match(fake.messages.at(-1)?.message ?? '', /no longer the API host/);
  });

  it('takes the API host and PSU context of a call without a response from the settings', async () => {
    await workspace.getConfiguration('openPayments').update('environment', 'local', ConfigurationTarget.Global);
    const defaults = callDefaultsFromSettings(new EnvironmentSettings(new SettingsReader()), new RequestSettingsReader(new SettingsReader()));
    assert.equal(defaults('local').apiHost, 'http://127.0.0.2:8402');
    assert.equal(defaults('sandbox').apiHost, 'https://api.sandbox.openbankingplatform.com');
    assert.equal(defaults('custom').apiHost, undefined, 'custom hosts are not set');
    assert.equal(defaults('sandbox').context, 'private');
    await store.record(recorded(apiRequest('getASPSPList', { isoCountryCodes: 'NO' }), failed({ kind: 'refused', requestId: REQUEST_ID })));
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyAsCurl, entries()[0]), true);
    assert.match(viewsFake.clipboard, /aspsps\?isoCountryCodes=NO'/);
  });

  it('lets the user pick an entry when run from the Command Palette', async () => {
    await store.record(recorded(apiRequest(), ok()));
    prompter.pickIndex = 0;
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.copyRequestId), true);
    assert.equal(viewsFake.clipboard, REQUEST_ID);
  });

  it('clears the history only after confirmation', async () => {
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.clear), false);
    assert.match(fake.messages.at(-1)?.message ?? '', /already empty/);
    await store.record(recorded(apiRequest(), ok()));
    prompter.confirmAnswers = [false];
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.clear), false);
    assert.equal(entries().length, 1);
    prompter.confirmAnswers = [true];
    assert.equal(await commands.executeCommand(HISTORY_COMMANDS.clear), true);
    assert.equal(entries().length, 0);
    assert.equal(files.files.size, 0);
  });
});

// The tools as VS Code language-model tools: the manifest's copy of the table, what prepareInvocation tells the
// user, the production confirmation (asked, declined, never assumed), and masking of every result and error.
import assert from 'node:assert/strict';
import { resolveEnvironment, type EnvironmentId } from '../../../src/client/environments/environments';
import type { Exchange } from '../../../src/client/http/exchange';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { Redactor } from '../../../src/client/redaction/redaction';
import { SandboxAdmin } from '../../../src/client/sandboxAdmin/sandboxAdmin';
import { coreToolName, languageModelToolEntry } from '../../../src/client/tools/languageModelToolsManifest';
import { TOOLS } from '../../../src/client/tools/toolTable';
import type { EnvironmentState } from '../../../src/host/activeEnvironment';
import type { RequestInput, RunOptions } from '../../../src/host/requestRunner';
import { ProductionConfirmations } from '../../../src/features/languageModelTools/productionConfirmations';
import { LanguageModelToolAdapter } from '../../../src/features/languageModelTools/toolAdapter';
import type { ToolHostParts } from '../../../src/features/languageModelTools/toolHostParts';
import * as toolInvocation from '../../../src/features/languageModelTools/toolInvocation';
import { readManifest } from '../fakes/manifest';
import { lm, lmFake } from '../fakes/vscode';

const SECRET = 'lm-secret "q/b+p%25#&~ 7c';
const TOKEN = 'lm-token-5e2b91d0c4';
const forms = (value: string): string[] => [value, encodeURIComponent(value), Buffer.from(value).toString('base64')];

function exchange(status: number, json: unknown): Exchange {
  const bodyText = JSON.stringify(json);
  return {
    operationId: 'x',
    method: 'GET',
    url: 'https://api.test/x',
    status,
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    requestId: '11111111-1111-4111-8111-111111111111',
    attempts: [{ requestId: '11111111-1111-4111-8111-111111111111', status, durationMs: 1 }],
    requestHeaders: {},
    responseHeaders: {},
    bodyText,
    json,
  };
}

interface Harness {
  readonly sent: { input: RequestInput; options: RunOptions }[];
  readonly logged: string[];
  readonly parts: ToolHostParts;
  state: EnvironmentState;
  register(): void;
}

function harness(id: EnvironmentId, hasCredentials = true): Harness {
  const redactor = new Redactor();
  redactor.addSecret(SECRET);
  redactor.addSecret(TOKEN);
  const sent: Harness['sent'] = [];
  const logged: string[] = [];
  const h: Harness = {
    sent,
    logged,
    state: { id, resolution: resolveEnvironment(id, { authHost: 'https://auth.custom.test', apiHost: 'https://api.custom.test' }), hasCredentials },
    parts: {
      environment: { refresh: async () => h.state },
      runner: {
        async run(input: RequestInput, options: RunOptions = {}): Promise<ApiResult> {
          sent.push({ input, options });
          return { ok: true, exchange: exchange(200, { consentStatus: 'valid', echoed: `secret ${SECRET} token ${TOKEN} ${encodeURIComponent(SECRET)}` }) };
        },
      },
      history: { entries: () => [], loadResponse: async () => undefined },
      redactor,
      credentials: { get: async () => ({ clientId: 'client-1', clientSecret: SECRET }) },
      redirectUri: () => 'http://127.0.0.1:53682/callback',
      logger: { info: (line: string) => void logged.push(line) },
      sandboxAdmin: (apiHost) => new SandboxAdmin(apiHost),
    },
    register() {
      const confirmations = new ProductionConfirmations();
      for (const tool of TOOLS) lm.registerTool(`openPayments_${tool.name}`, new LanguageModelToolAdapter(tool.name, h.parts, confirmations, async () => toolInvocation));
    },
  };
  return h;
}

const textOf = (result: unknown): string => (result as { content: { value: string }[] }).content.map((part) => part.value).join('');
const consentStatusInput = { consentId: 'c-1', bicFi: 'ESSESESS' };

describe('language-model tools (VS Code)', () => {
  beforeEach(() => lmFake.reset());

  it('contributes every tool of the table in package.json, with its schema and descriptions, minus confirmProduction', () => {
    const contributed = (readManifest().contributes as { languageModelTools?: unknown }).languageModelTools;
    assert.deepEqual(contributed, JSON.parse(JSON.stringify(TOOLS.map(languageModelToolEntry))), 'run npm run generate:tools after changing the tool table');
    for (const tool of TOOLS) {
      const entry = languageModelToolEntry(tool);
      assert.equal(coreToolName(entry.name), tool.name);
      assert.ok(!('confirmProduction' in entry.inputSchema.properties), `${entry.name} lets no model claim the user's confirmation`);
    }
  });

  it('says what will be sent, and where, before a tool runs; a catalogue lookup sends nothing', async () => {
    const h = harness('custom');
    const adapter = new LanguageModelToolAdapter('consentStatus', h.parts, new ProductionConfirmations(), async () => toolInvocation);
    const prepared = await adapter.prepareInvocation({ input: consentStatusInput });
    assert.equal(prepared.invocationMessage, 'Open Payments: Consent status: GET /psd2/consent/v1/consents/c-1/status to the Custom Hosts environment.');
    assert.equal(prepared.confirmationMessages, undefined);
    const describe = new LanguageModelToolAdapter('describeOperation', h.parts, new ProductionConfirmations(), async () => toolInvocation);
    assert.match(String((await describe.prepareInvocation({ input: { operationId: 'createConsent' } })).invocationMessage), /nothing is sent/);
    const send = new LanguageModelToolAdapter('sendRequest', h.parts, new ProductionConfirmations(), async () => toolInvocation);
    const post = await send.prepareInvocation({ input: { operationId: 'createConsent', params: { 'X-BicFi': 'ESSESESS' } } });
    assert.match(String(post.invocationMessage), /POST \/psd2\/consent\/v1\/consents to the Custom Hosts environment/);
    // A sandbox scenario changes the local sandbox, not nothing; off it, the extension's context refuses it.
    const scenario = new LanguageModelToolAdapter('sandboxScenario', h.parts, new ProductionConfirmations(), async () => toolInvocation);
    assert.equal((await scenario.prepareInvocation({ input: { action: 'reset' } })).invocationMessage, 'Open Payments: Local sandbox scenario (local sandbox only).');
    await assert.rejects(scenario.invoke({ input: { action: 'reset' }, toolInvocationToken: undefined }), /only against the local sandbox .*the Custom Hosts environment is not it/);
    assert.equal(h.sent.length, 0);
  });

  it('sends outside production through the request runner, silently, to the environment it was prepared for', async () => {
    const h = harness('custom');
    h.register();
    const result = JSON.parse(textOf(await lm.invokeTool('openPayments_consentStatus', { input: consentStatusInput })));
    assert.equal(result.consentStatus, 'valid');
    assert.equal(lmFake.confirmations.length, 0);
    assert.equal(h.sent.length, 1);
    assert.equal(h.sent[0]?.input.operation.id, 'getConsentStatus');
    assert.deepEqual(h.sent[0]?.input.params, { consentId: 'c-1', 'X-BicFi': 'ESSESESS' });
    const { signal, ...options } = h.sent[0]?.options ?? {};
    assert.deepEqual(options, { show: false, silent: true, onlyTo: 'custom' });
    assert.ok(signal instanceof AbortSignal, 'the call can be cancelled');
  });

  it('asks the user before a production call, and sends only after they agreed', async () => {
    const h = harness('production');
    h.register();
    const result = JSON.parse(textOf(await lm.invokeTool('openPayments_consentStatus', { input: consentStatusInput })));
    assert.equal(result.consentStatus, 'valid');
    assert.equal(lmFake.confirmations.length, 1);
    assert.equal(lmFake.confirmations[0]?.title, 'Call the Production environment?');
    assert.match((lmFake.confirmations[0]?.message ?? '').replace(/\\(.)/g, '$1'), /GET \/psd2\/consent\/v1\/consents\/c-1\/status to the Production environment: real banks, real money/);
    assert.equal(h.sent.length, 1);
    assert.equal(h.sent[0]?.options.onlyTo, 'production');
    assert.ok(h.logged.some((line) => /asked the user to confirm/.test(line)) && h.logged.some((line) => /the user confirmed/.test(line)));

    lmFake.confirm = false;
    await assert.rejects(lm.invokeTool('openPayments_consentStatus', { input: consentStatusInput }), { name: 'Canceled' });
    assert.equal(h.sent.length, 1, 'a declined confirmation sends nothing');
  });

  it('refuses a production call it did not ask about, whatever the input claims, and each confirmation serves one call', async () => {
    const h = harness('production');
    const adapter = new LanguageModelToolAdapter('consentStatus', h.parts, new ProductionConfirmations(), async () => toolInvocation);
    const refusal = /consentStatus would call the Production environment \(real banks, real money\), so it was not run/;
    await assert.rejects(adapter.invoke({ input: { ...consentStatusInput, confirmProduction: true }, toolInvocationToken: undefined }), refusal);
    await adapter.prepareInvocation({ input: consentStatusInput });
    await adapter.invoke({ input: consentStatusInput, toolInvocationToken: undefined });
    await assert.rejects(adapter.invoke({ input: consentStatusInput, toolInvocationToken: undefined }), refusal);
    assert.equal(h.sent.length, 1);

    // Prepared in the sandbox, then the user switched to production before VS Code invoked it: refused.
    const moved = harness('custom');
    const switching = new LanguageModelToolAdapter('consentStatus', moved.parts, new ProductionConfirmations(), async () => toolInvocation);
    assert.equal((await switching.prepareInvocation({ input: consentStatusInput })).confirmationMessages, undefined);
    moved.state = harness('production').state;
    await assert.rejects(switching.invoke({ input: consentStatusInput, toolInvocationToken: undefined }), refusal);
    assert.equal(moved.sent.length, 0);
  });

  it('aborts the request under way when VS Code cancels the tool call (the user stopped the agent)', async () => {
    const h = harness('custom');
    const adapter = new LanguageModelToolAdapter('consentStatus', h.parts, new ProductionConfirmations(), async () => toolInvocation);
    let cancel: (() => void) | undefined;
    const token = {
      isCancellationRequested: false,
      onCancellationRequested: (listener: () => void) => {
        cancel = listener;
        return { dispose: () => (cancel = undefined) };
      },
    } as unknown as NonNullable<Parameters<LanguageModelToolAdapter['invoke']>[1]>;
    const seen: (boolean | undefined)[] = [];
    (h.parts.runner as { run: (input: RequestInput, options?: RunOptions) => Promise<ApiResult> }).run = async (_input, options = {}) => {
      seen.push(options.signal?.aborted);
      cancel?.();
      seen.push(options.signal?.aborted);
      return { ok: true, exchange: exchange(200, { consentStatus: 'valid' }) };
    };
    await adapter.invoke({ input: consentStatusInput, toolInvocationToken: undefined }, token);
    assert.deepEqual(seen, [false, true], 'the request carried a signal that the cancellation aborted');
    assert.equal(cancel, undefined, 'the listener is gone once the call ended');
  });

  it('needs no confirmation in production for a tool that sends nothing', async () => {
    const h = harness('production');
    h.register();
    const result = JSON.parse(textOf(await lm.invokeTool('openPayments_describeOperation', { input: { operationId: 'getConsentStatus' } })));
    assert.equal(result.path, '/psd2/consent/v1/consents/{consentId}/status');
    assert.equal(lmFake.confirmations.length, 0);
  });

  it('masks the secret and tokens in results, and words bad input and missing credentials as errors the model can act on', async () => {
    const h = harness('custom');
    h.register();
    const text = textOf(await lm.invokeTool('openPayments_sendRequest', { input: { operationId: 'getConsentStatus', params: { consentId: 'c-1', 'X-BicFi': 'ESSESESS' } } }));
    assert.match(text, /"consentStatus": "valid"/);
    for (const form of [...forms(SECRET), ...forms(TOKEN)]) assert.ok(!text.includes(form), `the result carries ${form}`);

    await assert.rejects(lm.invokeTool('openPayments_consentStatus', { input: { consentId: 'c-1' } }), /lacks "bicFi", which is required/);
    await assert.rejects(lm.invokeTool('openPayments_findBanks', { input: { country: `${SECRET}` } }), (error: Error) => {
      assert.match(error.message, /"country" is/);
      for (const form of forms(SECRET)) assert.ok(!error.message.includes(form), 'the error carries the secret');
      return true;
    });
    const bare = harness('custom', false);
    lmFake.reset();
    bare.register();
    await assert.rejects(lm.invokeTool('openPayments_consentStatus', { input: consentStatusInput }), /No client credentials are set for the Custom Hosts environment, so nothing was sent/);
    assert.equal(bare.sent.length, 0);
  });
});

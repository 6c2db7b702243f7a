// Shared helpers for tests that run inside the real extension host.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Prompter } from '../../src/host/prompter';
import type { ConsentNode } from '../../src/host/treeNodes';
import type { TestApi } from '../../src/testApi';
import { issuedSecrets as sandboxIssuedSecrets, requestMark as sandboxRequestMark, requestsSince } from '../support/sandboxAdmin';

export const EXTENSION_ID = 'open-payments-tools.open-payments-vscode';

/** The secret used in this run; the harness searches every file VS Code wrote for it afterwards. */
export const RUN_SECRET = process.env.OPENPAYMENTS_IT_SECRET ?? 'integration-secret-not-from-harness';

export async function extensionApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  assert.ok(api, 'the extension exports its test API in test mode');
  return api;
}

type Answer = string | readonly string[] | ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined) | boolean | undefined;

/** Answers prompts from a queue, refusing answers the real input box would refuse. */
export class ScriptedPrompter implements Prompter {
  readonly asked: { kind: string; options: unknown }[] = [];
  constructor(private readonly answers: Answer[]) {}

  private next(): Answer {
    return this.answers.shift();
  }

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.asked.push({ kind: 'input', options });
    const answer = this.next();
    if (typeof answer !== 'string') return undefined;
    const problem = await options.validateInput?.(answer);
    assert.ok(!problem, `scripted answer "${answer}" is invalid: ${String(problem)}`);
    return answer;
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    this.asked.push({ kind: 'pick', options: { ...options, items } });
    const answer = this.next();
    if (typeof answer === 'function') return answer(items) as T | undefined;
    return items.find((item) => (item as T & { id?: string }).id === answer);
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    this.asked.push({ kind: 'pickMany', options: { ...options, items } });
    const answer = this.next();
    if (!Array.isArray(answer)) return undefined;
    return items.filter((item) => answer.includes((item as T & { id?: string }).id ?? ''));
  }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    this.asked.push({ kind: 'confirm', options: { message, detail, action } });
    return this.next() === true;
  }

  get remaining(): number {
    return this.answers.length;
  }
}

export async function withPrompter<T>(api: TestApi, answers: Answer[], body: (prompter: ScriptedPrompter) => Thenable<T>): Promise<T> {
  const prompter = new ScriptedPrompter(answers);
  const registration = api.prompter.use(prompter);
  try {
    return await body(prompter);
  } finally {
    registration.dispose();
  }
}

/**
 * Retries `check` until it passes or `timeoutMs` ends; a check that sends a request should pass a humane `intervalMs`.
 * The default is generous because CI machines can be several times slower than ours: a passing check returns at once.
 */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 15_000, intervalMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Quick at first, then backing off to 250 ms: many checks read a tree that sends a request, and each request
  // is a History entry; a slow machine must not flood History (200 entries) while it waits.
  let wait = intervalMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 1.5, Math.max(intervalMs, 250));
    }
  }
}

export const SANDBOX_AUTH_HOST = process.env.OPENPAYMENTS_IT_AUTH_HOST;
export const SANDBOX_API_HOST = process.env.OPENPAYMENTS_IT_API_HOST;

/** How many API requests the run's sandbox has received: it keeps growing past the request log's cap. */
export const requestMark = (): Promise<number> => sandboxRequestMark(SANDBOX_API_HOST ?? '');

/**
 * The POSTs the run's sandbox received since `mark`: what a user's Send creates. Views load in the background
 * with GETs (a tree refresh, a payment followed until it settles), so a bare request count would race them.
 */
export const postsSince = async (mark: number): Promise<string[]> =>
  (await requestsSince(SANDBOX_API_HOST ?? '', mark)).filter((request) => request.method === 'POST').map((request) => request.path);

/** Every access token and authorization code the run's sandbox issued so far, to search outputs for by value. */
export const issuedSecrets = (): Promise<string[]> => sandboxIssuedSecrets(SANDBOX_API_HOST ?? '');

/**
 * Points the extension at the harness's local sandbox (the `custom` environment) with this run's client,
 * plus any extra settings, for the suite it is called in; undoes all of it afterwards. Both runners start
 * the sandbox, so its absence is a harness defect and fails the suite rather than skipping it.
 */
export function useSandboxEnvironment(extra: Readonly<Record<string, string>> = {}): void {
  const config = () => vscode.workspace.getConfiguration('openPayments');
  const settings: Record<string, string | undefined> = { authHost: SANDBOX_AUTH_HOST, apiHost: SANDBOX_API_HOST, environment: 'custom', ...extra };

  before(async function () {
    if (!SANDBOX_AUTH_HOST || !SANDBOX_API_HOST) throw new Error('The runner started no sandbox: OPENPAYMENTS_IT_AUTH_HOST and OPENPAYMENTS_IT_API_HOST are unset.');
    const api = await extensionApi();
    for (const [key, value] of Object.entries(settings)) await config().update(key, value, vscode.ConfigurationTarget.Global);
    await api.credentials.set('custom', { clientId: 'it-client', clientSecret: RUN_SECRET });
    await eventually(() => assert.equal(api.environment.state.id, 'custom'));
    await api.environment.refresh();
  });

  after(async () => {
    const api = await extensionApi();
    await api.credentials.clear('custom');
    for (const key of Object.keys(settings)) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  });
}

/** The consent's row in the Consents & Accounts view, asserting it is there. */
export async function consentNodeOf(consentId: string): Promise<ConsentNode> {
  const { consents } = await extensionApi();
  const node = (await consents.getChildren()).find((n) => n.kind === 'consent' && n.consent.consentId === consentId);
  assert.ok(node, `consent ${consentId} is in the view`);
  return node;
}

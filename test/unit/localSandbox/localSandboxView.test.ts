// The Local Sandbox view and its commands through the real extension (fake VS Code) against a real sandbox:
// shown only for a loopback sandbox, every group and action there, and each scenario says what changed and
// brings the extension's own records in step.
import assert from 'node:assert/strict';
import { CONSENT_BODY_TEMPLATE } from '../../../src/client/catalogue/catalogue';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { eventually } from '../fakes/activate';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, requestsFake, viewsFake } from '../fakes/vscode';

interface Node {
  label: string;
  actions?: Node[];
  command?: string;
}
interface Tree {
  getChildren(node?: Node): Node[];
  getTreeItem(node: Node): { label: string; command?: { command: string } };
}

describe('the Local Sandbox view (fake VS Code, real sandbox)', function () {
  this.timeout(30_000);
  const current = useSandboxExtension('scenario-client', 'scenario-client-secret-4b1f');
  const lastMessage = () => fake.messages.at(-1);

  async function createConsent(): Promise<string> {
    const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'NDEASESS', 'PSU-IP-Address': '192.168.0.1' }, body: CONSENT_BODY_TEMPLATE });
    assert.ok(result?.ok, JSON.stringify(result));
    return String((result.exchange.json as { consentId: string }).consentId);
  }

  it('shows for a loopback sandbox only, with its five groups whose actions run registered commands', async () => {
    // The fixture switches to the sandbox after activation, and the view shows a moment after a switch.
    await eventually(() => assert.equal(fake.context.get('openPayments.localSandbox'), true));
    const tree = viewsFake.treeViews.get('openPayments.localSandbox')?.treeDataProvider as Tree;
    const groups = tree.getChildren();
    assert.deepEqual(groups.map((g) => tree.getTreeItem(g).label), ['Consents', 'Authorisations', 'Payments', 'Faults', 'Sandbox']);
    const actions = groups.flatMap((g) => tree.getChildren(g));
    assert.equal(actions.length, 9);
    for (const action of actions) assert.ok(fake.commands.has(tree.getTreeItem(action).command?.command ?? ''), action.label);

    fake.settings.set('openPayments.environment', { global: 'sandbox' });
    await current().ext.api.environment.refresh();
    assert.equal(fake.context.get('openPayments.localSandbox'), false);
    assert.equal(await commands.executeCommand('openPayments.localSandbox.reset'), false);
    assert.match(String(lastMessage()?.message), /^Sandbox scenarios work only against the local sandbox \(http on a loopback address\), so nothing was sent\./);
    assert.deepEqual(lastMessage()?.items, ['Choose Environment']);
  });

  it('expires a consent picked from the sandbox\'s list: the message says so, the record reads expired, the button refreshes the Consents view', async () => {
    const consentId = await createConsent();
    const refreshed: unknown[] = [];
    fake.commands.delete('openPayments.consents.refresh');
    fake.commands.set('openPayments.consents.refresh', () => void refreshed.push(true));
    requestsFake.notificationClicks.push('Refresh Consents');
    fake.answers.push(consentId);
    assert.equal(await commands.executeCommand('openPayments.localSandbox.expireConsent'), 'expired');
    const picked = fake.prompts.find((p) => p.kind === 'pick');
    assert.ok(picked?.options.items.some((item: { description: string }) => item.description === consentId));
    assert.equal(lastMessage()?.message, `Consent ${consentId} is now expired in the local sandbox. Refresh the Consents & Accounts view to see it.`);
    const consents = current().ext.api.consents as unknown as { getChildren(): Promise<{ kind: string; consent: { consentId: string; status: string } }[]> };
    assert.equal((await consents.getChildren()).find((n) => n.consent.consentId === consentId)?.consent.status, 'expired');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(refreshed.length, 1);
  });

  it('injects a 429 with Retry-After for the next call of a catalogue operation: the next send meets it, waits and retries once', async () => {
    fake.answers.push('rate-limit', 'getCountriesList', '1', '1');
    const fault = await commands.executeCommand('openPayments.localSandbox.injectFault');
    assert.deepEqual(fault, { kind: 'rate-limit', operations: ['getCountriesList'], times: 1, retryAfterSeconds: 1 });
    const operations = fake.prompts.filter((p) => p.kind === 'pick')[1]?.options.items as { label: string }[];
    assert.ok(operations.some((o) => o.label === 'initiatePayment') && operations[0]?.label === 'Every operation');
    assert.equal(lastMessage()?.message, 'The next call of getCountriesList answers: 429 with Retry-After. Faults set in the local sandbox: 1.');
    assert.deepEqual(lastMessage()?.items, ['Clear All Faults']);
    const started = Date.now();
    const sent = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
    assert.ok(sent?.ok, 'the retry after the Retry-After wait succeeds');
    assert.deepEqual(sent.exchange.attempts?.map((a) => [a.status, a.retryReason]), [[429, 'rate_limited'], [200, undefined]]);
    assert.ok(Date.now() - started >= 1000, 'it waited the Retry-After second');
  });

  it('refuses a count the sandbox would not take, says when there is nothing to pick, and when an id is gone', async () => {
    fake.answers.push('server-error', '*', '0');
    await assert.rejects(commands.executeCommand('openPayments.localSandbox.injectFault'), /Enter a whole number from 1 to 1000/);
    fake.answers.length = 0;
    fake.answers.push('Reset');
    fake.messages.length = 0;
    await commands.executeCommand('openPayments.localSandbox.reset');
    assert.match(String(lastMessage()?.message), /^The local sandbox was reset: \d+ consents, \d+ payments, \d+ authorisations and \d+ faults removed\.$/);
    assert.equal(await commands.executeCommand('openPayments.localSandbox.settlePayment'), undefined);
    assert.equal(lastMessage()?.message, 'The local sandbox holds no payment to pick. Create one first, then try again.');
    assert.equal(await commands.executeCommand('openPayments.localSandbox.revokeConsent', '3f1c0000-0000-4000-8000-000000000000'), undefined);
    assert.equal(lastMessage()?.severity, 'error');
    assert.match(String(lastMessage()?.message), /^The local sandbox no longer holds consent 3f1c0000-0000-4000-8000-000000000000: it was restarted or reset\./);
    assert.equal(await commands.executeCommand('openPayments.localSandbox.revokeConsent', '[x](command:evil)'), undefined);
    assert.match(String(lastMessage()?.message), /^That is not a consent id of the local sandbox\./);
  });
});

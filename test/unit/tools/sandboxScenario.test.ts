// sandboxScenario, the assistant's way to the Local Sandbox view's scenarios: it changes the real local sandbox
// through its loopback admin endpoints, refuses every other environment before anything is sent, and says why
// bad input is bad.
import assert from 'node:assert/strict';
import { CONSENT_BODY_TEMPLATE } from '../../../src/client/catalogue/catalogue';
import { Redactor } from '../../../src/client/redaction/redaction';
import { SandboxAdmin } from '../../../src/client/sandboxAdmin/sandboxAdmin';
import { CallLog, runTool, type ToolContext, type ToolOutcome, type ToolSandboxAdmin } from '../../../src/client/index';
import { start, type Sandbox } from '../../../sandbox/index';

const SECRET = 'scenario-secret 4b7e0f';

function context(sandboxAdmin: ToolSandboxAdmin | undefined, environment: Partial<ToolContext['environment']> = {}): ToolContext {
  const redactor = new Redactor();
  redactor.addSecret(SECRET);
  return {
    environment: { id: 'local', label: 'Local Sandbox', isProduction: false, authHost: 'http://127.0.0.1:1', ...environment },
    redactor,
    history: new CallLog(),
    ...(sandboxAdmin ? { sandboxAdmin } : {}),
    async send() {
      throw new Error('sandboxScenario never calls the environment\'s API');
    },
  };
}

function result(outcome: ToolOutcome): Record<string, unknown> {
  assert.ok(outcome.ok, `expected a result, got ${JSON.stringify(outcome)}`);
  return outcome.result as Record<string, unknown>;
}

function error(outcome: ToolOutcome): { kind: string; message: string } {
  assert.ok(!outcome.ok, `expected a tool error, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

/** An admin client that records what it was asked and answers from `answers`. */
function fakeAdmin(isLoopback: boolean, consentAnswer = 'expired'): ToolSandboxAdmin & { readonly asked: string[] } {
  const asked: string[] = [];
  const ok = <T>(name: string, value: T) => {
    asked.push(name);
    return Promise.resolve({ ok: true as const, value });
  };
  return {
    asked,
    isLoopback,
    consent: (id, scenario) => ok(`consent ${id} ${scenario}`, consentAnswer),
    authorisation: (id, scenario) => ok(`authorisation ${id} ${scenario}`, scenario),
    payment: (id, scenario) => ok(`payment ${id} ${scenario}`, 'ACSC'),
    addFault: (fault) => ok(`fault ${JSON.stringify(fault)}`, 1),
    clearFaults: () => ok('clearFaults', 0),
    reset: () => ok('reset', { consents: 0, payments: 0, authorisations: 0, faults: 0 }),
  };
}

async function createConsent(sandbox: Sandbox): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.client.clientId, client_secret: sandbox.client.clientSecret, scope: 'accountinformation private' });
  const tokenRes = await fetch(`${sandbox.authHost}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  const token = String(((await tokenRes.json()) as { access_token: string }).access_token);
  const res = await fetch(`${sandbox.apiHost}/psd2/consent/v1/consents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-request-id': crypto.randomUUID(), 'x-bicfi': 'NDEASESS', 'content-type': 'application/json', 'psu-ip-address': '192.168.0.1' },
    body: JSON.stringify(CONSENT_BODY_TEMPLATE),
  });
  assert.equal(res.status, 201);
  return String(((await res.json()) as { consentId: string }).consentId);
}

describe('sandboxScenario (assistant tool)', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await start({ authPort: 0, apiPort: 0 });
  });
  after(() => sandbox.close());

  it('expires a consent, injects a fault, refuses an unknown payment and resets the real local sandbox', async () => {
    const ctx = context(new SandboxAdmin(sandbox.apiHost));
    const consentId = await createConsent(sandbox);
    const expired = result(await runTool('sandboxScenario', ctx, { action: 'expireConsent', consentId }));
    assert.equal(expired.consentStatus, 'expired');
    assert.match(String(expired.changed), new RegExp(`Consent ${consentId} is now expired`));
    const fault = result(await runTool('sandboxScenario', ctx, { action: 'injectFault', kind: 'rate-limit', operationId: 'getASPSPList', times: 2, retryAfterSeconds: 7 }));
    assert.deepEqual(fault.fault, { kind: 'rate-limit', operations: ['getASPSPList'], times: 2, retryAfterSeconds: 7 });
    assert.equal(fault.faultsSet, 1);
    assert.equal(fault.changed, 'The next 2 calls of getASPSPList answer 429 with Retry-After.');
    const missing = error(await runTool('sandboxScenario', ctx, { action: 'settlePayment', paymentId: 'no-such-payment' }));
    assert.equal(missing.kind, 'not_found');
    assert.match(missing.message, /holds no payment no-such-payment/);
    const reset = result(await runTool('sandboxScenario', ctx, { action: 'reset' }));
    assert.deepEqual(reset.removed, { consents: 1, payments: 0, authorisations: 0, faults: 1 });
  });

  it('refuses every environment that is not the local sandbox, sending nothing', async () => {
    for (const ctx of [
      context(new SandboxAdmin('https://api.sandbox.openbankingplatform.com'), { id: 'sandbox', label: 'Sandbox' }),
      context(undefined, { id: 'custom', label: 'Custom Hosts' }),
    ]) {
      const refused = error(await runTool('sandboxScenario', ctx, { action: 'reset' }));
      assert.equal(refused.kind, 'unavailable');
      assert.match(refused.message, /only against the local sandbox .*nothing was sent.*choose the Local Sandbox environment/);
    }
    // Even a context that wrongly hands production a loopback admin gets nothing sent.
    const lying = fakeAdmin(true);
    const production = error(await runTool('sandboxScenario', context(lying, { id: 'production', label: 'Production', isProduction: true }), { action: 'reset' }));
    assert.match(production.message, /only against the local sandbox/);
    assert.deepEqual(lying.asked, []);
  });

  it('says what is wrong with bad input before asking the sandbox, and masks what comes back', async () => {
    const admin = fakeAdmin(true, `expired ${SECRET}`);
    const ctx = context(admin);
    assert.match(error(await runTool('sandboxScenario', ctx, { action: 'expireConsent' })).message, /expireConsent needs "consentId"/);
    assert.match(error(await runTool('sandboxScenario', ctx, { action: 'injectFault', kind: 'slow', times: 0 })).message, /"times" must be a whole number from 1 to 1000, not 0/);
    assert.match(error(await runTool('sandboxScenario', ctx, { action: 'injectFault', kind: 'slow', times: '3' })).message, /"times" must be a whole number .*not "3"/);
    assert.match(error(await runTool('sandboxScenario', ctx, { action: 'injectFault', kind: 'teapot' })).message, /"kind" is "teapot"; it must be one of "rate-limit"/);
    assert.match(error(await runTool('sandboxScenario', ctx, { action: 'explode' })).message, /"action" is "explode"; it must be one of "expireConsent"/);
    assert.deepEqual(admin.asked, []);
    const masked = result(await runTool('sandboxScenario', ctx, { action: 'expireConsent', consentId: 'c-1' }));
    assert.ok(!JSON.stringify(masked).includes(SECRET));
    const slow = result(await runTool('sandboxScenario', ctx, { action: 'injectFault', kind: 'slow', delayMs: 2500 }));
    assert.deepEqual(slow.fault, { kind: 'slow', operations: [], times: 1, delayMs: 2500 });
    assert.equal(slow.changed, 'The next call of any operation answers a slow answer.');
  });
});

// Polling ends with its flow: closing the challenge panel of a decoupled SCA cancels the flow, and the
// status read then in flight is aborted on the wire (the sandbox sees the connection closed) instead of
// being waited for.
import assert from 'node:assert/strict';
import { eventually } from '../fakes/activate';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { scaFake, viewsFake } from '../fakes/vscode';
import { requestMark, requestsSince } from '../../support/sandboxAdmin';
import { setRedirectUri, startDecoupledConsent, usePsuSettings } from '../scaSession/support';

describe('SCA polling cancelled with its flow (fake VS Code, real sandbox)', function () {
  this.timeout(30_000);
  const current = useSandboxExtension('polling-cancel-client', 'polling-cancel-secret-2b7c');

  beforeEach(() => {
    usePsuSettings();
    setRedirectUri('http://127.0.0.1:0/callback');
  });
  afterEach(() => scaFake.reset());

  it('aborts the status read in flight when the challenge panel is closed', async () => {
    const { ext, sandbox } = current();
    const { consentId, outcome } = await startDecoupledConsent(ext);
    // From now on a status read takes 20 s; the decoupled flow reads every second.
    const mark = await requestMark(sandbox.apiHost);
    const set = await fetch(`${sandbox.apiHost}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ kind: 'slow', operations: ['getConsentScaStatus'], delayMs: 20_000 }]),
    });
    assert.equal(set.status, 200);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const [panel] = viewsFake.panels.filter((p) => p.viewType === 'openPayments.challenge');
    assert.ok(panel && !panel.disposed);
    const closedAt = Date.now();
    panel.dispose();
    assert.equal((await outcome)?.kind, 'cancelled');
    assert.ok(Date.now() - closedAt < 5_000, 'the flow ended without waiting for the slow answer');
    await eventually(async () => {
      const seen = await requestsSince(sandbox.apiHost, mark);
      assert.ok(
        seen.some((r) => r.path.includes(`/consents/${consentId}/authorisations/`) && r.closedEarly),
        `the sandbox saw the status read's connection closed: ${JSON.stringify(seen)}`,
      );
    }, 4_000);
    const reads = (await requestsSince(sandbox.apiHost, mark)).length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal((await requestsSince(sandbox.apiHost, mark)).length, reads, 'no status read after the flow ended');
  });
});

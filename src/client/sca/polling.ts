// The two waits after the PSU has acted: the authorisation's scaStatus, then the consent's or payment's own
// status (the authorisation can be finalised a moment before the consent turns valid).
import { bodyOf, stringField, type Json } from './responses';
import { SCA_OPERATIONS, authorisationParams, subjectParams } from './operations';
import { ScaStop, type ScaRun } from './scaRun';
import { consentVerdict, paymentVerdict, scaVerdict } from './statusRules';

/** Polls the SCA status until finalised/exempted; `onBody` sees every answer (decoupled challengeData). */
export async function awaitScaStatus(run: ScaRun, intervalMs: number, onBody?: (body: Json) => void): Promise<void> {
  const params = authorisationParams(run.subject, run.authorisationId ?? '');
  for (;;) {
    const exchange = await run.poll(SCA_OPERATIONS[run.subject.kind].scaStatus, params);
    if (exchange) {
      const body = bodyOf(exchange);
      run.scaStatus = stringField(body, 'scaStatus') ?? run.scaStatus;
      run.progress('waitingForSca');
      const verdict = scaVerdict(run.scaStatus);
      if (verdict === 'done') return;
      if (verdict === 'failed') throw new ScaStop({ kind: 'failed', reason: 'sca_failed' });
      onBody?.(body);
    }
    await run.wait(intervalMs, 'waitingForSca');
  }
}

/** Polls consent status until valid, or payment status until it leaves RCVD/PDNG. */
export async function awaitParentStatus(run: ScaRun, intervalMs: number): Promise<void> {
  const { subject } = run;
  const field = subject.kind === 'consent' ? 'consentStatus' : 'transactionStatus';
  const verdictOf = subject.kind === 'consent' ? consentVerdict : paymentVerdict;
  for (;;) {
    const exchange = await run.poll(SCA_OPERATIONS[subject.kind].parentStatus, subjectParams(subject));
    if (exchange) {
      run.parentStatus = stringField(bodyOf(exchange), field) ?? run.parentStatus;
      run.progress('waitingForStatus');
      const verdict = verdictOf(run.parentStatus);
      if (verdict === 'done') return;
      if (verdict === 'failed') throw new ScaStop({ kind: 'failed', reason: 'parent_rejected' });
    }
    await run.wait(intervalMs, 'waitingForStatus');
  }
}

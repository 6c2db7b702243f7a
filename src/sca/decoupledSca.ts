// DECOUPLED SCA (reference §6.1, §6.3): the PSU approves in the BankID app; we show the challenge (a QR of the
// autostart link, or the animated QR token/image) and poll, passing each refreshed challenge to the UI.
import { describeChallenge } from './challenge';
import { awaitScaStatus } from './polling';
import { challengeDataOf, stringField, type Json } from './responses';
import type { ScaRun } from './scaRun';

function showChallenge(run: ScaRun, body: Json): void {
  const data = challengeDataOf(body);
  if (!data || !run.deps.onChallenge) return;
  const psuMessage = stringField(body, 'psuMessage');
  run.deps.onChallenge(describeChallenge(run.methodId, data, { ...(run.scaStatus ? { scaStatus: run.scaStatus } : {}), ...(psuMessage ? { psuMessage } : {}) }));
}

export async function decoupledSca(run: ScaRun, selection: Json): Promise<void> {
  showChallenge(run, selection);
  run.progress('waitingForSca');
  await run.wait(run.settings.decoupledPollIntervalMs, 'waitingForSca');
  await awaitScaStatus(run, run.settings.decoupledPollIntervalMs, (body) => showChallenge(run, body));
}

// DECOUPLED SCA (reference §6.1, §6.3): the PSU approves in the BankID app; we show the challenge (a QR of the
// autostart link, or the animated QR token/image) and poll, passing the challenge to the UI after every read
// so the page always shows the latest status.
import { describeChallenge } from './challenge';
import { awaitScaStatus } from './polling';
import { challengeDataOf, stringField, type ChallengeData, type Json } from './responses';
import type { ScaRun } from './scaRun';

export async function decoupledSca(run: ScaRun, selection: Json): Promise<void> {
  // A read without challengeData keeps the last one: a bank that sends a static autostart token once must not
  // lose the PSU their QR code; animated tokens come fresh with every read anyway (reference §6.2, §6.3).
  let last: ChallengeData | undefined;
  const showChallenge = (body: Json): void => {
    last = challengeDataOf(body) ?? last;
    if (!last || !run.deps.onChallenge) return;
    const psuMessage = stringField(body, 'psuMessage');
    run.deps.onChallenge(describeChallenge(run.methodId, last, { ...(run.scaStatus ? { scaStatus: run.scaStatus } : {}), ...(psuMessage ? { psuMessage } : {}) }));
  };
  showChallenge(selection);
  run.progress('waitingForSca');
  await run.wait(run.settings.decoupledPollIntervalMs, 'waitingForSca');
  await awaitScaStatus(run, run.settings.decoupledPollIntervalMs, showChallenge);
}

// Turns decoupled challengeData into what a QR webview renders (reference §6.1 DECOUPLED, §6.3).
import type { ChallengeData } from './responses';
import { challengeRuleOf } from './scaMethods';
import type { ScaChallenge } from './types';

/** What the page shows for a method's challenge, read by the rule of the method's kind in the SCA-method table. */
export function describeChallenge(methodId: string | undefined, data: ChallengeData, extra: Pick<ScaChallenge, 'scaStatus' | 'psuMessage'> = {}): ScaChallenge {
  const token = data.data[0];
  const rule = challengeRuleOf(methodId);
  const autostartUrl = token && rule.deviceLink ? rule.deviceLink(token) : undefined;
  const qrText = token ? rule.qrText(token) : undefined;
  return {
    ...(methodId ? { methodId } : {}),
    ...extra,
    ...(qrText ? { qrText } : {}),
    ...(autostartUrl ? { autostartUrl } : {}),
    ...(data.image ? { imageBase64: data.image } : {}),
    ...(data.imageLink ? { imageLink: data.imageLink } : {}),
  };
}

// Turns decoupled challengeData into what a QR webview renders (reference §6.1 DECOUPLED, §6.3).
import type { ChallengeData } from './responses';
import { scaMethodRow } from './scaMethods';
import type { ScaChallenge } from './types';

/** For QR-token methods (SCA-method table) the data is the QR content; otherwise it is a BankID autostart token. */
export function describeChallenge(methodId: string | undefined, data: ChallengeData, extra: Pick<ScaChallenge, 'scaStatus' | 'psuMessage'> = {}): ScaChallenge {
  const token = data.data[0];
  const animatedToken = scaMethodRow(methodId)?.challenge === 'qrToken';
  const autostartUrl = token && !animatedToken ? `bankid:///?autostarttoken=${encodeURIComponent(token)}&redirect=null` : undefined;
  // A phone camera opens the https form of the autostart link (S3/S4); the bankid: scheme is for this device.
  const qrText = token ? (animatedToken ? token : `https://app.bankid.com/?autostarttoken=${encodeURIComponent(token)}&redirect=null`) : undefined;
  return {
    ...(methodId ? { methodId } : {}),
    ...extra,
    ...(qrText ? { qrText } : {}),
    ...(autostartUrl ? { autostartUrl } : {}),
    ...(data.image ? { imageBase64: data.image } : {}),
    ...(data.imageLink ? { imageLink: data.imageLink } : {}),
  };
}

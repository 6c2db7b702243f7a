// Which Mobilt BankID variant to ask for when the user is not asked (reference §6.1 step 3, S4's order).
// Decoupled: the PSU scans a QR from VS Code with a phone, so the animated QR token (its data is the QR
// itself, refreshed each poll) comes first. Redirect: the bank's page does the BankID part, and plain "mbid"
// works whether or not BankID is on this computer.
import type { ScaApproach, ScaMethod } from './types';

export const DECOUPLED_PREFERENCE = ['mbid_animated_qr_token', 'mbid_animated_qr_image', 'mbid', 'mbid_same_device'];
export const REDIRECT_PREFERENCE = ['mbid', 'mbid_same_device', 'mbid_animated_qr_token', 'mbid_animated_qr_image'];

export function preferredMethod(methods: readonly ScaMethod[], approach: ScaApproach | undefined): string | undefined {
  const order = approach === 'DECOUPLED' ? DECOUPLED_PREFERENCE : REDIRECT_PREFERENCE;
  for (const id of order) {
    if (methods.some((m) => m.authenticationMethodId === id)) return id;
  }
  return methods[0]?.authenticationMethodId;
}

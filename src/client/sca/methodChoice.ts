// Which method to ask for when the user is not asked: the SCA-method table's preference for the approach.
import { methodPreference } from './scaMethods';
import type { ScaApproach, ScaMethod } from './types';

export const DECOUPLED_PREFERENCE: readonly string[] = methodPreference('decoupled');
export const REDIRECT_PREFERENCE: readonly string[] = methodPreference('redirect');

export function preferredMethod(methods: readonly ScaMethod[], approach: ScaApproach | undefined): string | undefined {
  const order = approach === 'DECOUPLED' ? DECOUPLED_PREFERENCE : REDIRECT_PREFERENCE;
  for (const id of order) {
    if (methods.some((m) => m.authenticationMethodId === id)) return id;
  }
  return methods[0]?.authenticationMethodId;
}

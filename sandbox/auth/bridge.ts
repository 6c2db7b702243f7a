// What the auth host needs from the API host's state to run a bank login for one authorisation.
// Defined here (by its consumer) so the auth code does not depend on how the API stores things.
import type { Bank, ScaFlow } from '../data/types';
import type { AuthorisationKind } from '../state/types';
import type { LoginSubject } from './loginSubject';

export interface ScaTarget {
  readonly kind: AuthorisationKind;
  readonly bicFi: string;
  readonly parentId: string;
  readonly authorisationId: string;
}

export type ScaCheck =
  | { readonly ok: true; readonly bank: Bank; readonly flow: ScaFlow; readonly subject: LoginSubject }
  | { readonly ok: false; readonly reason: string };

export interface ScaBridge {
  /** Is this authorisation, of this client, waiting for a redirect login at this bank? */
  check(target: ScaTarget, clientId: string): ScaCheck;
  /** The bank login page was shown: the PSU has started to log in (payments report it, reference §6.4). */
  loginShown(target: ScaTarget): void;
  /** The PSU approved or denied on the bank page. Plain redirect SCA finalises here. */
  psuDecided(target: ScaTarget, approved: boolean, psuId: string): void;
  /** OAuth redirect SCA: the TPP exchanged the code with the right headers; finalise. */
  activate(target: ScaTarget): void;
}

/** Headers the platform's code exchange carries, per kind (reference §3.6). */
export const ACTIVATION_HEADERS: Record<AuthorisationKind, { readonly parent: string; readonly authorisation: string }> = {
  consent: { parent: 'x-consentid', authorisation: 'x-consentauthorisationid' },
  payment: { parent: 'x-paymentid', authorisation: 'x-paymentauthorisationid' },
};

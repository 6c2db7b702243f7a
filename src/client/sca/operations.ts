// The catalogue operations one SCA run calls, and their parameters, for consents and payments alike
// (reference §6.1: "payment is identical with the PIS paths").
import type { OperationIdIn } from '../catalogue/catalogue';
import type { OperationGroup } from '../catalogue/operationTypes';
import type { ParamValues } from '../http';
import type { AuthorisationTarget } from '../auth/authorizationCode';
import type { ScaSubject } from './types';

/** One subject's operations, each an id of that subject's catalogue group, so a consent run cannot call a PIS id. */
export interface ScaOperations<G extends OperationGroup = OperationGroup> {
  readonly start: OperationIdIn<G>;
  readonly update: OperationIdIn<G>;
  readonly scaStatus: OperationIdIn<G>;
  readonly parentStatus: OperationIdIn<G>;
}

/** The catalogue group whose operations authorise each kind of subject. */
interface ScaGroups {
  readonly consent: 'Consent';
  readonly payment: 'Payment Initiation';
}

export const SCA_OPERATIONS: { readonly [K in ScaSubject['kind']]: ScaOperations<ScaGroups[K]> } = {
  consent: {
    start: 'startConsentAuthorisation',
    update: 'updateConsentsPsuData',
    scaStatus: 'getConsentScaStatus',
    parentStatus: 'getConsentStatus',
  },
  payment: {
    start: 'startPaymentAuthorisation',
    update: 'updatePaymentPsuData',
    scaStatus: 'getPaymentInitiationScaStatus',
    parentStatus: 'getPaymentInitiationStatus',
  },
};

/** Path and X-BicFi parameters of the consent or payment. */
export function subjectParams(subject: ScaSubject): ParamValues {
  if (subject.kind === 'consent') return { consentId: subject.consentId, 'X-BicFi': subject.bicFi };
  return {
    paymentId: subject.paymentId,
    'payment-service': subject.paymentService ?? 'payments',
    'payment-product': subject.paymentProduct,
    'X-BicFi': subject.bicFi,
  };
}

export function authorisationParams(subject: ScaSubject, authorisationId: string): ParamValues {
  return { ...subjectParams(subject), authorisationId };
}

export function authorisationTarget(subject: ScaSubject, authorisationId: string): AuthorisationTarget {
  return subject.kind === 'consent'
    ? { kind: 'consent', consentId: subject.consentId, authorisationId }
    : { kind: 'payment', paymentId: subject.paymentId, authorisationId };
}

// The catalogue operations one SCA run calls, and their parameters, for consents and payments alike
// (reference §6.1: "payment is identical with the PIS paths").
import type { OperationId } from '../catalogue/catalogue';
import type { ParamValues } from '../http';
import type { AuthorisationTarget } from '../auth/authorizationCode';
import type { ScaSubject } from './types';

export interface ScaOperations {
  readonly start: OperationId;
  readonly update: OperationId;
  readonly scaStatus: OperationId;
  readonly parentStatus: OperationId;
}

export const SCA_OPERATIONS: Readonly<Record<ScaSubject['kind'], ScaOperations>> = {
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

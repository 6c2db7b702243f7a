// One line per Berlin Group tppMessages code (reference §5, NextGenPSD2 1.3.3 and the ASPSP Information
// schema): what the code means for the caller and where to look. Shown next to the server's own text, which
// stays data. Pure table, no vscode import: each line is the English key the response view localises.
// Codes whose meaning depends on what was called (an unknown resource is a bank for ASPSP Information, a
// consent for Consent calls, a payment for PIS) are explained per operation group of the catalogue.
import type { OperationGroup } from './operationTypes';

export const TPP_CODE_EXPLANATIONS: Readonly<Record<string, string>> = Object.freeze({
  // 400
  FORMAT_ERROR: 'A header, query parameter or body field is missing or badly formatted; the path in the message names it.',
  PARAMETER_NOT_CONSISTENT: 'Parameters that are each valid contradict each other, for example dateFrom after dateTo.',
  PARAMETER_NOT_SUPPORTED: 'The bank does not support a parameter that was sent, for example deltaList or entryReferenceFrom.',
  SERVICE_INVALID: 'The service is not available here, or the path or method is not valid.',
  RESOURCE_UNKNOWN: 'An id in the path or headers does not exist or is not available to this client.',
  RESOURCE_EXPIRED: 'The resource addressed in the path has expired and can no longer be used.',
  RESOURCE_BLOCKED: 'The resource addressed in the path is blocked by the bank.',
  TIMESTAMP_INVALID: 'A timestamp is outside the accepted window or badly formatted.',
  PERIOD_INVALID: 'The requested period is not supported, for example transactions older than the bank allows without a new SCA.',
  SCA_METHOD_UNKNOWN: 'The authenticationMethodId sent in Update PSU Data is not one the bank offered.',
  SESSIONS_NOT_SUPPORTED: 'The bank does not support combined AIS and PIS sessions (combinedServiceIndicator).',
  PAYMENT_FAILED: 'The bank rejected the payment initiation; check amounts, accounts and the payment product.',
  EXECUTION_DATE_INVALID: 'The requested execution date is in the past or not a banking day the bank accepts.',
  REQUESTED_FORMATS_INVALID: 'The Accept header asks for a format the server does not offer; send Accept: application/json.',
  // 401
  UNAUTHORIZED: 'The access token is missing, invalid or expired, or lacks the scope this API needs.',
  CERTIFICATE_INVALID: 'The client TLS certificate is not valid for this environment.',
  CERTIFICATE_EXPIRED: 'The client TLS certificate has expired.',
  CERTIFICATE_BLOCKED: 'The client TLS certificate is blocked.',
  CERTIFICATE_REVOKED: 'The client TLS certificate has been revoked.',
  CERTIFICATE_REVOKE: 'The client TLS certificate has been revoked.',
  CERTIFICATE_MISSING: 'No client TLS certificate was presented, but this environment requires one.',
  SIGNATURE_INVALID: 'The request signature could not be verified.',
  SIGNATURE_MISSING: 'The request must be signed but carries no signature.',
  REQUIRED_KID_MISSING: 'The signature does not name the key (kid) it was made with.',
  CORPORATE_ID_INVALID: 'The PSU-Corporate-ID header is missing or not accepted for a corporate context call.',
  PSU_CREDENTIALS_INVALID: 'The PSU identification (PSU-ID or the credentials given during SCA) is not valid for this bank.',
  CONSENT_INVALID: 'The consent exists but does not cover this call (wrong accounts, access type or not yet authorised).',
  CONSENT_EXPIRED: 'The consent has expired (validUntil passed or 90 days without SCA); create and authorise a new one.',
  CONSENT_UNKNOWN: 'The Consent-ID is not known to the bank, or belongs to another client or bank.',
  TOKEN_UNKNOWN: 'The access token is not known to the platform; a new token is needed.',
  TOKEN_INVALID: 'The access token is not valid for this call, for example issued for another scope or context.',
  TOKEN_EXPIRED: 'The access token has expired; a new token is needed.',
  // 403
  SERVICE_BLOCKED: 'Access to this service is blocked for the client or the PSU, for example by the bank or for the account.',
  // 404
  RESOURCE_NOT_FOUND: 'Nothing exists at this address; check the ids in the path.',
  // 405 / 409 / 429
  STATUS_INVALID: 'The resource is in a state that does not allow this call.',
  ACCESS_EXCEEDED: 'Too many calls: the rate limit is used up for now.',
});

/** Where a code means something specific to the group of the operation it answered, that meaning. */
export const TPP_CODE_EXPLANATIONS_BY_GROUP: Readonly<Record<string, Readonly<Partial<Record<OperationGroup, string>>>>> = Object.freeze({
  SERVICE_INVALID: {
    'ASPSP Information': 'The path or method is not one the ASPSP Information API offers.',
    Consent: 'The bank does not offer this consent service, for example the corporate context, or the path or method is not valid.',
    'Account Information': 'The service is not available for this consent or account, or the path or method is not valid.',
    'Payment Initiation': 'The bank does not offer this payment service or product, or the path or method is not valid.',
  },
  RESOURCE_UNKNOWN: {
    'ASPSP Information': 'The bank (BIC), country or city in the path is not in the directory; check the id against the lists.',
    Consent: 'The consent or authorisation id in the path, or the bank in X-BicFi, does not exist or is not available to this client.',
    'Account Information': 'The id in the path (account, transaction or authorisation) does not exist or does not belong to this consent.',
    'Payment Initiation': 'The payment or authorisation id in the path, or the bank in X-BicFi, does not exist or is not available to this client.',
  },
  RESOURCE_EXPIRED: {
    Consent: 'The consent or authorisation addressed in the path has expired; create a new consent.',
    'Account Information': 'The account or transaction addressed in the path can no longer be read with this consent.',
    'Payment Initiation': 'The payment or authorisation addressed in the path has expired; initiate the payment again.',
  },
  RESOURCE_BLOCKED: {
    'Account Information': 'The account addressed in the path is blocked by the bank.',
    'Payment Initiation': 'The payment or an account in it is blocked by the bank.',
  },
  STATUS_INVALID: {
    Consent: 'The consent is in a state that does not allow this call, for example authorising a rejected or expired consent.',
    'Payment Initiation': 'The payment is in a state that does not allow this call, for example cancelling an executed payment.',
  },
  ACCESS_EXCEEDED: {
    'Account Information': 'Too many calls: the consent frequencyPerDay for unattended reads, or the rate limit, is used up.',
  },
});

/**
 * The explanation of a known code for an operation of `group` (or a group-neutral one without it), or
 * undefined; lookups are exact, codes are upper case on the wire.
 */
export function explainTppCode(code: string, group?: OperationGroup): string | undefined {
  if (!Object.hasOwn(TPP_CODE_EXPLANATIONS, code)) return undefined;
  const specific = group !== undefined && Object.hasOwn(TPP_CODE_EXPLANATIONS_BY_GROUP, code) ? TPP_CODE_EXPLANATIONS_BY_GROUP[code]?.[group] : undefined;
  return specific ?? TPP_CODE_EXPLANATIONS[code];
}

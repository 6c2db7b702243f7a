// The single list of platform operations (reference §4 and the OAS 1.3.3 file). Everything that needs to
// know "which calls exist" reads this: commands, views, history, tests and the local sandbox's router.
// Pure data, no `vscode` import, so the sandbox and plain Node tests can load it.
import type { OperationGroup, OperationParam, OperationShape, ParamSource, Product } from './operationTypes';
import { debtorAccountKind } from './paymentAccountForms';

const BIC_PATTERN = '^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$';
const PAYMENT_SERVICES = ['payments', 'bulk-payments', 'periodic-payments'] as const;
export const PAYMENT_PRODUCTS = ['domestic', 'sepa-credit-transfers', 'international', 'swedish-giro'] as const;
export type PaymentProduct = (typeof PAYMENT_PRODUCTS)[number];

function param(
  name: string,
  where: OperationParam['in'],
  required: boolean,
  source: ParamSource,
  description: string,
  extra: Partial<Pick<OperationParam, 'enum' | 'pattern' | 'example'>> = {},
): OperationParam {
  return { name, in: where, required, source, description, ...extra };
}

// Headers the platform reads on Consent, AIS and PIS calls (reference §4.1). Required flags follow the OAS,
// which marks most PSU headers optional even where a bank needs them (the sandbox enforces those per bank).
const H = {
  bicFi: param('X-BicFi', 'header', true, 'bicFi', 'BIC of the bank (ASPSP) the call is for.', {
    pattern: BIC_PATTERN,
    example: 'ESSESESS',
  }),
  consentMandatory: param('Consent-ID', 'header', true, 'consentId', 'The valid consent that grants this account access.'),
  consentOptional: param('Consent-ID', 'header', false, 'consentId', 'Consent of a combined AIS/PIS session, if any.'),
  psuIpMandatory: param('PSU-IP-Address', 'header', true, 'setting', "The PSU's IP address.", { example: '192.168.0.1' }),
  psuIp: param('PSU-IP-Address', 'header', false, 'setting', "The PSU's IP address (required by some banks).", {
    example: '192.168.0.1',
  }),
  psuUserAgent: param('PSU-User-Agent', 'header', false, 'setting', "The PSU's browser user agent (required by some banks).", {
    example: 'mozilla/5.0',
  }),
  psuId: param('PSU-ID', 'header', false, 'setting', 'PSU identifier, e.g. Swedish personnummer yyyyMMddNNNN.', {
    example: '198301014882',
  }),
  psuCorporateId: param('PSU-Corporate-ID', 'header', false, 'setting', 'Company number, corporate context only.'),
  redirectPreferred: param('TPP-Redirect-Preferred', 'header', false, 'setting', '"false" asks for decoupled SCA.', {
    enum: ['true', 'false'],
  }),
  affiliated: param('X-AffiliatedASPSP-ID', 'header', false, 'user', 'Affiliated bank id from Get ASPSP Details.', {
    example: '08999',
  }),
  redirectUri: param('TPP-Redirect-URI', 'header', false, 'setting', 'Where the bank redirects after SCA.'),
  nokRedirectUri: param('TPP-Nok-Redirect-URI', 'header', false, 'setting', 'Where the bank redirects after a failed SCA.'),
} as const;

const P = {
  consentId: param('consentId', 'path', true, 'consentId', 'Id of the consent.'),
  consentAuthId: param('authorisationId', 'path', true, 'consentAuthorisationId', 'Id of the consent authorisation.'),
  accountId: param('account-id', 'path', true, 'accountId', 'resourceId of the account from Get Account List.'),
  transactionId: param('transactionId', 'path', true, 'transactionId', 'transactionId from Get Transaction List.'),
  paymentService: param('payment-service', 'path', true, 'paymentService', 'Payment service; the platform uses "payments".', {
    enum: PAYMENT_SERVICES,
    example: 'payments',
  }),
  paymentProduct: param('payment-product', 'path', true, 'paymentProduct', 'Payment product offered by the bank.', {
    enum: PAYMENT_PRODUCTS,
    example: 'domestic',
  }),
  paymentId: param('paymentId', 'path', true, 'paymentId', 'Id of the payment initiation.'),
  paymentAuthId: param('authorisationId', 'path', true, 'paymentAuthorisationId', 'Id of the payment authorisation.'),
  cancellationId: param('cancellationId', 'path', true, 'cancellationId', 'Id of the cancellation authorisation.'),
} as const;

const Q = {
  isoCountryCodes: param('isoCountryCodes', 'query', false, 'isoCountryCode', 'Comma separated ISO country codes.', {
    example: 'SE,FI',
  }),
  cityIds: param('cityIds', 'query', false, 'cityId', 'Comma separated city ids.'),
  withBalance: param('withBalance', 'query', false, 'user', 'Include balances.', { enum: ['true', 'false'] }),
  bookingStatus: param('bookingStatus', 'query', true, 'user', 'Which transactions to list.', {
    enum: ['booked', 'pending', 'both'],
    example: 'both',
  }),
  dateFrom: param('dateFrom', 'query', false, 'user', 'First booking date, yyyy-MM-dd.', { pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2024-01-01' }),
  dateTo: param('dateTo', 'query', false, 'user', 'Last booking date, yyyy-MM-dd.', { pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2024-01-31' }),
  entryReferenceFrom: param('entryReferenceFrom', 'query', false, 'user', 'Only transactions after this entry reference.'),
  deltaList: param('deltaList', 'query', false, 'user', 'Only transactions since the last report.', { enum: ['true', 'false'] }),
} as const;

/**
 * The headers a user's settings fill, keyed by the setting (PsuHeaderSettings) that fills each: the one list
 * of their names, which the request pipeline, the prompts and the local sandbox all read.
 */
export const SETTINGS_HEADER_PARAMS = {
  psuIpAddress: H.psuIp,
  psuUserAgent: H.psuUserAgent,
  psuId: H.psuId,
  psuCorporateId: H.psuCorporateId,
  tppRedirectPreferred: H.redirectPreferred,
  affiliatedAspspId: H.affiliated,
} as const;

/** Headers shared by every Consent / AIS / PIS call besides X-BicFi. */
const PSU_CONTEXT = [H.psuIp, H.psuUserAgent, H.psuId, H.psuCorporateId, H.redirectPreferred];
const PAYMENT_PATH = [P.paymentService, P.paymentProduct, P.paymentId];
const CONSENT_BASE = '/psd2/consent/v1/consents';
const AIS_BASE = '/psd2/accountinformation/v1/accounts';
const PIS_BASE = '/psd2/paymentinitiation/v1/{payment-service}/{payment-product}';
const PAYMENT = `${PIS_BASE}/{paymentId}`;

/** The SCA method selection every Update PSU Data call sends (reference §4.3.8). */
const SELECT_METHOD_TEMPLATE = { authenticationMethodId: 'mbid' };

/** Consent body as the platform's docs and Postman collection send it; empty access = all accounts. */
export const CONSENT_BODY_TEMPLATE = {
  access: {},
  recurringIndicator: true,
  validUntil: '2099-12-31',
  frequencyPerDay: 4,
  combinedServiceIndicator: false,
} as const;

const creditTransfer = (currency: string, debtor: string, creditor: string) => ({
  instructedAmount: { currency, amount: '10.50' },
  debtorAccount: { iban: debtor, currency },
  creditorName: 'John Doe',
  creditorAccount: { iban: creditor, currency },
  remittanceInformationUnstructured: 'My payment',
});

/** One body template per payment product; a client picks one by the {payment-product} path value. */
export const PAYMENT_BODY_TEMPLATES: Readonly<Record<PaymentProduct, unknown>> = {
  domestic: creditTransfer('SEK', 'SE4930000000000000000001', 'SE2230000000000000000002'),
  'sepa-credit-transfers': creditTransfer('EUR', 'FI2112345600000785', 'FI5542345670000081'),
  international: {
    ...creditTransfer('EUR', 'SE4930000000000000000001', 'DE89370400440532013000'),
    creditorAgent: 'COBADEFFXXX',
    creditorAddress: { street: 'Kaiserstrasse', buildingNumber: '16', city: 'Frankfurt', postalCode: '60311', country: 'DE' },
  },
  'swedish-giro': {
    instructedAmount: { currency: 'SEK', amount: '10.50' },
    debtorAccount: { iban: 'SE4930000000000000000001', currency: 'SEK' },
    creditorName: 'John Doe',
    creditorGiro: { giroNumber: '5555-5555', giroType: 'BANKGIRO' },
    ocrRef: '1234567890',
  },
};

interface OpSpec {
  readonly id: string;
  readonly title: string;
  readonly method: OperationShape['method'];
  readonly path: string;
  readonly params?: readonly OperationParam[];
  readonly bodyTemplate?: unknown;
  readonly supportedByPlatform?: boolean;
}

/** The group's operations, typed with the literal ids of its specs so the catalogue's ids form a union. */
function group<const Specs extends readonly OpSpec[]>(name: OperationGroup, product: Product, specs: Specs): OperationShape<Specs[number]['id']>[] {
  return specs.map((s: Specs[number]) => ({
    id: s.id,
    title: s.title,
    group: name,
    method: s.method,
    path: s.path,
    product,
    params: s.params ?? [],
    ...(s.bodyTemplate === undefined ? {} : { bodyTemplate: s.bodyTemplate }),
    supportedByPlatform: s.supportedByPlatform ?? true,
  }));
}

const ASPSP_BASE = '/psd2/aspspinformation/v1';
const aspspInformation = group('ASPSP Information', 'aspspinformation', [
  { id: 'getCountriesList', title: 'Get Country List', method: 'GET', path: `${ASPSP_BASE}/countries`, params: [Q.isoCountryCodes] },
  {
    id: 'getCountryDetails',
    title: 'Get Country Details',
    method: 'GET',
    path: `${ASPSP_BASE}/countries/{isoCountryCode}`,
    params: [param('isoCountryCode', 'path', true, 'isoCountryCode', 'ISO 3166 alpha-2 code.', { pattern: '^[a-zA-Z]{2}$', example: 'SE' })],
  },
  { id: 'getCityList', title: 'Get City List', method: 'GET', path: `${ASPSP_BASE}/cities`, params: [Q.isoCountryCodes, Q.cityIds] },
  {
    id: 'getCityDetails',
    title: 'Get City Details',
    method: 'GET',
    path: `${ASPSP_BASE}/cities/{city-id}`,
    params: [param('city-id', 'path', true, 'cityId', 'Id of the city from Get City List.')],
  },
  { id: 'getASPSPList', title: 'Get ASPSP List', method: 'GET', path: `${ASPSP_BASE}/aspsps`, params: [Q.isoCountryCodes, Q.cityIds] },
  {
    id: 'getASPSPDetails',
    title: 'Get ASPSP Details',
    method: 'GET',
    path: `${ASPSP_BASE}/aspsps/{bicFi}`,
    params: [param('bicFi', 'path', true, 'bicFi', 'BIC of the bank.', { pattern: BIC_PATTERN, example: 'ESSESESS' })],
  },
]);

const consentAuth = `${CONSENT_BASE}/{consentId}/authorisations`;
const consent = group('Consent', 'accountinformation', [
  {
    id: 'createConsent',
    title: 'Create Consent',
    method: 'POST',
    path: CONSENT_BASE,
    params: [H.bicFi, ...PSU_CONTEXT, H.affiliated, H.redirectUri, H.nokRedirectUri],
    bodyTemplate: CONSENT_BODY_TEMPLATE,
  },
  { id: 'getConsentInformation', title: 'Get Consent', method: 'GET', path: `${CONSENT_BASE}/{consentId}`, params: [P.consentId, H.bicFi, ...PSU_CONTEXT] },
  { id: 'deleteConsent', title: 'Delete Consent', method: 'DELETE', path: `${CONSENT_BASE}/{consentId}`, params: [P.consentId, H.bicFi, ...PSU_CONTEXT] },
  { id: 'getConsentStatus', title: 'Get Consent Status', method: 'GET', path: `${CONSENT_BASE}/{consentId}/status`, params: [P.consentId, H.bicFi, ...PSU_CONTEXT] },
  {
    id: 'startConsentAuthorisation',
    title: 'Start Consent Authorisation Process',
    method: 'POST',
    path: consentAuth,
    params: [P.consentId, H.bicFi, ...PSU_CONTEXT, H.redirectUri, H.nokRedirectUri],
  },
  {
    id: 'getConsentAuthorisation',
    title: 'Get Consent Authorisation Sub-Resources',
    method: 'GET',
    path: consentAuth,
    params: [P.consentId, H.bicFi, ...PSU_CONTEXT],
  },
  {
    id: 'getConsentScaStatus',
    title: 'Get Consent Authorisation SCA Status',
    method: 'GET',
    path: `${consentAuth}/{authorisationId}`,
    params: [P.consentId, P.consentAuthId, H.bicFi, ...PSU_CONTEXT],
  },
  {
    id: 'updateConsentsPsuData',
    title: 'Update PSU Data for Consent',
    method: 'PUT',
    path: `${consentAuth}/{authorisationId}`,
    params: [P.consentId, P.consentAuthId, H.bicFi, ...PSU_CONTEXT],
    bodyTemplate: SELECT_METHOD_TEMPLATE,
  },
]);

const AIS_HEADERS = [H.bicFi, H.consentMandatory, ...PSU_CONTEXT];
const accountInformation = group('Account Information', 'accountinformation', [
  { id: 'getAccountList', title: 'Get Account List', method: 'GET', path: AIS_BASE, params: [Q.withBalance, ...AIS_HEADERS] },
  {
    id: 'readAccountDetails',
    title: 'Get Account Details',
    method: 'GET',
    path: `${AIS_BASE}/{account-id}`,
    params: [P.accountId, Q.withBalance, ...AIS_HEADERS],
  },
  { id: 'getBalances', title: 'Get Balances', method: 'GET', path: `${AIS_BASE}/{account-id}/balances`, params: [P.accountId, ...AIS_HEADERS] },
  {
    id: 'getTransactionList',
    title: 'Get Transaction List',
    method: 'GET',
    path: `${AIS_BASE}/{account-id}/transactions`,
    params: [P.accountId, Q.bookingStatus, Q.dateFrom, Q.dateTo, Q.entryReferenceFrom, Q.deltaList, Q.withBalance, ...AIS_HEADERS],
  },
  {
    id: 'getTransactionDetails',
    title: 'Get Transaction Details',
    method: 'GET',
    path: `${AIS_BASE}/{account-id}/transactions/{transactionId}`,
    params: [P.accountId, P.transactionId, ...AIS_HEADERS],
  },
]);

const PIS_HEADERS = [H.bicFi, ...PSU_CONTEXT];
const cancellations = `${PAYMENT}/cancellation-authorisations`;
const paymentInitiation = group('Payment Initiation', 'paymentinitiation', [
  {
    id: 'initiatePayment',
    title: 'Create Payment Initiation',
    method: 'POST',
    path: PIS_BASE,
    params: [
      P.paymentService,
      P.paymentProduct,
      H.bicFi,
      H.psuIpMandatory,
      H.psuUserAgent,
      H.psuId,
      H.psuCorporateId,
      H.redirectPreferred,
      H.consentOptional,
      H.affiliated,
      H.redirectUri,
      H.nokRedirectUri,
    ],
    bodyTemplate: PAYMENT_BODY_TEMPLATES.domestic,
  },
  { id: 'getPaymentInformation', title: 'Get Payment Initiation', method: 'GET', path: PAYMENT, params: [...PAYMENT_PATH, ...PIS_HEADERS] },
  {
    id: 'cancelPayment',
    title: 'Cancel Payment Initiation',
    method: 'DELETE',
    path: PAYMENT,
    params: [...PAYMENT_PATH, ...PIS_HEADERS],
    supportedByPlatform: false,
  },
  {
    id: 'getPaymentInitiationStatus',
    title: 'Get Payment Initiation Status',
    method: 'GET',
    path: `${PAYMENT}/status`,
    params: [...PAYMENT_PATH, ...PIS_HEADERS],
  },
  {
    id: 'startPaymentAuthorisation',
    title: 'Start Payment Initiation Authorisation Process',
    method: 'POST',
    path: `${PAYMENT}/authorisations`,
    params: [...PAYMENT_PATH, ...PIS_HEADERS, H.redirectUri, H.nokRedirectUri],
  },
  {
    id: 'getPaymentInitiationAuthorisation',
    title: 'Get Payment Initiation Authorisation Sub-Resources',
    method: 'GET',
    path: `${PAYMENT}/authorisations`,
    params: [...PAYMENT_PATH, ...PIS_HEADERS],
  },
  {
    id: 'getPaymentInitiationScaStatus',
    title: 'Get Payment Initiation Authorisation SCA Status',
    method: 'GET',
    path: `${PAYMENT}/authorisations/{authorisationId}`,
    params: [...PAYMENT_PATH, P.paymentAuthId, ...PIS_HEADERS],
  },
  {
    id: 'updatePaymentPsuData',
    title: 'Update PSU Data for Payment Initiation',
    method: 'PUT',
    path: `${PAYMENT}/authorisations/{authorisationId}`,
    params: [...PAYMENT_PATH, P.paymentAuthId, ...PIS_HEADERS],
    bodyTemplate: SELECT_METHOD_TEMPLATE,
  },
  {
    id: 'startPaymentInitiationCancellationAuthorisation',
    title: 'Start Payment Initiation Cancellation Authorisation Process',
    method: 'POST',
    path: cancellations,
    params: [...PAYMENT_PATH, ...PIS_HEADERS],
    supportedByPlatform: false,
  },
  {
    id: 'getPaymentInitiationCancellationAuthorisationInformation',
    title: 'Get Payment Initiation Cancellation Authorisation Sub-Resources',
    method: 'GET',
    path: cancellations,
    params: [...PAYMENT_PATH, ...PIS_HEADERS],
    supportedByPlatform: false,
  },
  {
    id: 'getPaymentCancellationScaStatus',
    title: 'Get Payment Initiation Cancellation Authorisation SCA Status',
    method: 'GET',
    path: `${cancellations}/{cancellationId}`,
    params: [...PAYMENT_PATH, P.cancellationId, ...PIS_HEADERS],
    supportedByPlatform: false,
  },
  {
    id: 'updatePaymentCancellationPsuData',
    title: 'Update PSU Data for Payment Initiation Cancellation',
    method: 'PUT',
    path: `${cancellations}/{cancellationId}`,
    params: [...PAYMENT_PATH, P.cancellationId, ...PIS_HEADERS],
    bodyTemplate: SELECT_METHOD_TEMPLATE,
    supportedByPlatform: false,
  },
]);

type IdsOf<Ops extends readonly OperationShape[]> = Ops[number]['id'];

/** The ids of each group's operations; a map keyed by one group's ids must name every one of them. */
export interface OperationIdsByGroup {
  readonly 'ASPSP Information': IdsOf<typeof aspspInformation>;
  readonly Consent: IdsOf<typeof consent>;
  readonly 'Account Information': IdsOf<typeof accountInformation>;
  readonly 'Payment Initiation': IdsOf<typeof paymentInitiation>;
}

/** The id of one catalogue operation: a misspelt id, or one the catalogue does not have, fails to compile. */
export type OperationId = OperationIdsByGroup[OperationGroup];
export type Operation = OperationShape<OperationId>;
/** The ids of one group, e.g. for a map that must handle every operation of that group. */
export type OperationIdIn<G extends OperationGroup> = OperationIdsByGroup[G];

export const OPERATIONS: readonly Operation[] = Object.freeze([
  ...aspspInformation,
  ...consent,
  ...accountInformation,
  ...paymentInitiation,
]);

const byId = new Map<string, Operation>(OPERATIONS.map((op) => [op.id, op]));

/** The operation with this id, for ids that come from outside the code (history files, command arguments). */
export function findOperation(id: string): Operation | undefined {
  return byId.get(id);
}

export function isOperationId(id: string): id is OperationId {
  return byId.has(id);
}

/** An operation our own code names by id; the type rules out typos, and a drift between type and data throws. */
export function catalogueOperation(id: OperationId): Operation {
  const found = findOperation(id);
  if (!found) throw new Error(`catalogue has no ${id}`);
  return found;
}

/**
 * The value of every catalogue parameter filled from one of these sources, by parameter name: a selected
 * consent ({bicFi, consentId}) fills X-BicFi and the bicFi path, Consent-ID and the consentId path, whatever
 * the operations call them. A name two sources fill (authorisationId: a consent's or a payment's
 * authorisation) takes the value of whichever of them is given.
 */
export function paramsFromSources(values: Readonly<Partial<Record<ParamSource, string>>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const op of OPERATIONS) {
    for (const p of op.params) {
      const value = values[p.source];
      if (value !== undefined) params[p.name] = value;
    }
  }
  return params;
}

/**
 * The body template for a payment product (domestic for unknown products), with the debtor in the form the
 * bank documents: a BBAN debtor is the placeholder IBAN's own BBAN, so the template still names one account.
 */
export function paymentBodyTemplate(product: string, bicFi?: string): unknown {
  const template = (PAYMENT_BODY_TEMPLATES as Record<string, unknown>)[product] ?? PAYMENT_BODY_TEMPLATES.domestic;
  if (debtorAccountKind(bicFi, product) === 'iban' || typeof template !== 'object' || template === null) return template;
  const debtor = (template as { debtorAccount?: { iban?: string; currency?: string } }).debtorAccount;
  if (debtor?.iban === undefined) return template;
  return { ...template, debtorAccount: { bban: debtor.iban.slice(4), ...(debtor.currency ? { currency: debtor.currency } : {}) } };
}

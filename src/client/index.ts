// The client's one face for code outside the extension: the local sandbox, the MCP server and the bench build on
// what is exported here and on nothing deeper, so the client's rooms can be rearranged without breaking them.
// (The extension's own host and features import the modules they need directly; see the layer test for why.)

// The catalogue: every operation of the platform, its parameters and the products it belongs to.
export {
  CONSENT_BODY_TEMPLATE,
  OPERATIONS,
  PAYMENT_BODY_TEMPLATES,
  PAYMENT_PRODUCTS,
  SETTINGS_HEADER_PARAMS,
  catalogueOperation,
  findOperation,
  isOperationId,
  paramsFromSources,
  paymentBodyTemplate,
} from './catalogue/catalogue';
export type { Operation, OperationId, OperationIdIn, OperationIdsByGroup, PaymentProduct } from './catalogue/catalogue';
export type { HttpMethod, OperationGroup, OperationParam, OperationShape, ParamSource, Product, PsuContext } from './catalogue/operationTypes';
export { DEVELOPER_PORTAL_URL, PRODUCT_NAMES } from './catalogue/productNames';
export { explainTppCode } from './catalogue/tppCodeExplanations';
export type { BankRequiredSetting } from './http/psuHeaderRules';

// Models: the platform's response bodies as typed values.
export { parseAccounts, parseBalances, parseTransactions } from './models/accountModels';
export type { Account, Amount, Balance, Transaction, TransactionPage } from './models/accountModels';
export { parseAspspDetails, parseAspsps, parseCountries } from './models/aspspModels';
export type { AspspDetails, AspspSummary, Country } from './models/aspspModels';
export { CONSENT_STATUSES } from './consents/consentStatuses';
export type { BgConsentStatus } from './consents/consentStatuses';

// The HTTP core: the request pipeline, its transport, its failures, the token contract it calls and the PSU headers
// each bank requires.
export * from './http/index';

// client_credentials tokens for the API products.
export * from './auth/tokens/index';

// Redaction: secrets never leave the client in any encoding.
export { MASK, Redactor } from './redaction/redaction';

// Environments: the platform's hosts and the local sandbox's demo client.
export {
  ENVIRONMENT_IDS,
  ENVIRONMENT_LABELS,
  PRESET_HOSTS,
  checkHost,
  isEnvironmentId,
  isLoopbackHostname,
  resolveEnvironment,
} from './environments/environments';
export type { CustomHostSettings, Environment, EnvironmentId, EnvironmentResolution, HostCheck, HostProblem, Hosts } from './environments/environments';
export { fetchDemoClient } from './environments/localSandboxClient';
export type { DemoClient, DemoClientResult } from './environments/localSandboxClient';
// The local sandbox's loopback-only scenarios (expire a consent, settle a payment, inject a fault, reset).
export { SCENARIO_FAULT_KINDS, SandboxAdmin } from './sandboxAdmin/sandboxAdmin';
export type { AdminFailure, AdminResult, ResetSummary, SandboxAuthorisation, SandboxConsent, SandboxPayment, ScenarioFault, ScenarioFaultKind } from './sandboxAdmin/sandboxAdmin';

// History records: what one call sent and received, safe to keep.
export { responseRecordFrom, safeExchange, safeHeaders } from './history/responseRecord';
export type { CallDefaults, FailureRecord, RecordedCall, RequestSnapshot, ResponseRecord } from './history/responseRecord';
export { historyEntryFrom, isHistoryEntry, replayFrom } from './history/historyEntry';
export type { HistoryEntry, ReplayRequest } from './history/historyEntry';
export { parseStoredResponse, serialiseStoredResponse } from './history/storedResponse';
export { buildCurl } from './codegen/curl';

// Small text rules the client and the sandbox share.
// The SCA methods: the one table the sandbox offers and the extension's flow and challenge view read.
export { SCA_METHOD_TABLE, challengeRuleOf, scaMethodRow } from './sca/scaMethods';
export type { ScaMethodRow } from './sca/scaMethods';

export { escapeHtml } from './text/html';
export { ibanProblem, ibanIsValid, normaliseIban } from './text/iban';
export type { IbanProblem } from './text/iban';

// The assistant's tools (MCP server, language-model tools): one table, run against a context each side supplies.
export * from './tools/index';

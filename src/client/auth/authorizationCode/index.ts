// Authorization code + PKCE for redirect SCA: fill the platform's template, then activate the authorisation.
export { activationHeaders } from './authorisationTarget';
export type { AuthorisationTarget } from './authorisationTarget';
export { exchangeAuthorizationCode, productOf } from './codeExchange';
export type { CodeExchangeFailure, CodeExchangeFailureKind, CodeExchangeInput, CodeExchangeResult } from './codeExchange';
export { createPkcePair, createState } from './pkce';
export type { PkcePair } from './pkce';
export { fillScaTemplate } from './scaOAuthTemplate';
export type { ScaTemplateInput, ScaTemplateProblem, ScaTemplateResult } from './scaOAuthTemplate';

// client_credentials tokens for the platform's API products.
export { ClientCredentialsTokens } from './clientCredentialsTokens';
export type {
  AccessToken,
  ClientCredentials,
  ClientCredentialsTokensOptions,
  CredentialsProvider,
  TokenScope,
  TokenSource,
} from './clientCredentialsTokens';
export { createAuthConfiguration, isAcceptableAuthHost, platformAuthEndpoints } from './authServerConfiguration';
export type { AuthConfigurationInput, PlatformAuthEndpoints } from './authServerConfiguration';
export { DEVELOPER_PORTAL_URL, PRODUCT_NAMES } from './productNames';
export { TokenError, tokenScopeString } from './tokenError';
export type { TokenErrorDetails, TokenErrorKind } from './tokenError';

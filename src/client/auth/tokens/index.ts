// client_credentials tokens for the platform's API products.
export { ClientCredentialsTokens } from './clientCredentialsTokens';
export type { ClientCredentialsTokensOptions } from './clientCredentialsTokens';
export type { ClientCredentials, CredentialsProvider } from '../credentialStore';
export { createAuthConfiguration, isAcceptableAuthHost, platformAuthEndpoints } from './authServerConfiguration';
export type { AuthConfigurationInput, PlatformAuthEndpoints } from './authServerConfiguration';

// client_credentials tokens for the platform's API products.
export { ClientCredentialsTokens } from './clientCredentialsTokens';
export type { ClientCredentials, ClientCredentialsTokensOptions, CredentialsProvider } from './clientCredentialsTokens';
export { createAuthConfiguration, isAcceptableAuthHost, platformAuthEndpoints } from './authServerConfiguration';
export type { AuthConfigurationInput, PlatformAuthEndpoints } from './authServerConfiguration';

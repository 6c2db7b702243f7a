// The platform publishes no discovery document we could rely on, so the openid-client Configuration is
// built from the endpoints the docs name (reference §3.1) instead of fetching .well-known metadata.
import * as client from 'openid-client';
import { isAllowedOrigin, isLoopbackHost } from '../../http/loopback';

export interface PlatformAuthEndpoints {
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly authorizationEndpoint: string;
}

/** AUTH_HOST with any trailing slash removed, plus the IdentityServer-style endpoint paths. */
export function platformAuthEndpoints(authHost: string): PlatformAuthEndpoints {
  const issuer = authHost.replace(/\/+$/, '');
  return {
    issuer,
    tokenEndpoint: `${issuer}/connect/token`,
    authorizationEndpoint: `${issuer}/connect/authorize`,
  };
}

/** False for http on a non-loopback host, or anything that is not an http(s) URL. */
export function isAcceptableAuthHost(authHost: string): boolean {
  try {
    return isAllowedOrigin(new URL(authHost));
  } catch {
    return false;
  }
}

export interface AuthConfigurationInput {
  readonly authHost: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly fetch: client.CustomFetch;
  readonly timeoutMs: number;
}

/** The caller must have checked isAcceptableAuthHost first. */
export function createAuthConfiguration(input: AuthConfigurationInput): client.Configuration {
  const endpoints = platformAuthEndpoints(input.authHost);
  const config = new client.Configuration(
    {
      issuer: endpoints.issuer,
      token_endpoint: endpoints.tokenEndpoint,
      authorization_endpoint: endpoints.authorizationEndpoint,
    },
    input.clientId,
    {},
    // The platform expects client_id and client_secret in the form body (reference §3.2).
    client.ClientSecretPost(input.clientSecret),
  );
  config[client.customFetch] = input.fetch;
  config.timeout = Math.max(1, Math.ceil(input.timeoutMs / 1000));
  const url = new URL(endpoints.issuer);
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) {
    client.allowInsecureRequests(config);
  }
  return config;
}

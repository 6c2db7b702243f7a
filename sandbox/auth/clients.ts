// OAuth clients of the sandbox, as the Developer Portal would register them (reference §3.2, §3.3).
import type { Product } from '../../src/client';

export interface SandboxClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly products: readonly Product[];
}

export const DEMO_REDIRECT_URI = 'http://127.0.0.1:53682/callback';

export const DEMO_CLIENT: SandboxClient = {
  clientId: 'sandbox-demo-client',
  clientSecret: 'sandbox-demo-secret',
  redirectUris: [DEMO_REDIRECT_URI],
  products: ['aspspinformation', 'accountinformation', 'paymentinitiation'],
};

/** Registered for ASPSP information only, so tests can see invalid_scope for the other products. */
export const ASPSP_ONLY_CLIENT: SandboxClient = {
  clientId: 'sandbox-aspsp-only-client',
  clientSecret: 'sandbox-aspsp-only-secret',
  redirectUris: [DEMO_REDIRECT_URI],
  products: ['aspspinformation'],
};

export function toProviderClient(client: SandboxClient): Record<string, unknown> {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: [...client.redirectUris],
    grant_types: ['client_credentials', 'authorization_code'],
    response_types: ['code'],
    // "native" so a loopback redirect URI matches on any port (RFC 8252 §7.3): the extension picks a free port.
    application_type: 'native',
    token_endpoint_auth_method: 'client_secret_post',
    id_token_signed_response_alg: 'ES256',
    scope: [...client.products, 'private', 'corporate'].join(' '),
  };
}

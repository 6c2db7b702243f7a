// A token failure the UI can act on: which product, which credential, and the request id for support.
// The message never contains the client secret, a token, or text the server chose.
import type { Product, PsuContext } from '../catalogue/operationTypes';
import type { TransportFailureKind } from './transportErrors';
import { DEVELOPER_PORTAL_URL, PRODUCT_NAMES } from '../catalogue/productNames';
import { ClientError } from '../errors';

export type TokenErrorKind =
  | 'no_credentials'
  | 'invalid_client'
  | 'invalid_scope'
  | 'insecure_host'
  | 'network'
  | 'protocol'
  | 'cancelled';

export interface TokenErrorDetails {
  readonly kind: TokenErrorKind;
  readonly environmentId: string;
  readonly authHost: string;
  readonly product: Product;
  readonly context: PsuContext;
  /** The X-Request-ID sent with the token request, when a request was made (never one the server echoed). */
  readonly requestId?: string;
  readonly status?: number;
  /** The OAuth `error` value, e.g. "invalid_scope". */
  readonly oauthError?: string;
  /** The server's `error_description`, kept as data: show it as plain text, never as markup. */
  readonly serverDescription?: string;
  readonly transportKind?: TransportFailureKind;
  readonly causeCode?: string;
}

export class TokenError extends ClientError<TokenErrorDetails> {
  readonly family = 'token';

  constructor(details: TokenErrorDetails) {
    super('TokenError', details, describeTokenFailure(details));
  }

  get product(): Product {
    return this.details.product;
  }
}

declare module '../errors' {
  interface ClientErrorFamilies {
    token: TokenError;
  }
}

export function tokenScopeString(product: Product, context: PsuContext): string {
  return `${product} ${context}`;
}

function describeTokenFailure(details: TokenErrorDetails): string {
  const productName = PRODUCT_NAMES[details.product];
  const scope = tokenScopeString(details.product, details.context);
  switch (details.kind) {
    case 'no_credentials':
      return `No client ID and secret are stored for the ${details.environmentId} environment. Register a client in the Developer Portal (${DEVELOPER_PORTAL_URL}) and enter its client ID and secret.`;
    case 'invalid_client':
      return `The auth server rejected the client ID or client secret for the ${details.environmentId} environment. Enter the client ID and secret exactly as the Developer Portal shows them for this environment.`;
    case 'invalid_scope':
      return `The client may not use ${productName} in the ${details.context} context (scope "${scope}"). The Developer Portal must provide a client registered for the ${productName} API product (a client is registered for ASPSP Information, Account Information and/or Payment Initiation).`;
    case 'insecure_host':
      return `The auth host ${details.authHost} uses plain http, which is allowed only for a local sandbox on a loopback address. Use https.`;
    case 'network':
      return `Could not reach the auth server at ${details.authHost} to get a ${productName} token (${details.transportKind ?? 'network'} error).`;
    case 'protocol':
      return `The auth server at ${details.authHost} gave an unexpected answer to the ${productName} token request${details.status ? ` (HTTP ${details.status})` : ''}.`;
    case 'cancelled':
      return `The ${productName} token request was cancelled.`;
  }
}

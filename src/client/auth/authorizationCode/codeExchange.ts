// "Activate OAuth consent/payment authorisation" (reference §3.6): the authorization_code grant at
// {AUTH_HOST}/connect/token with the X-Consent…/X-Payment… header pair. Success is the signal the platform
// needs; the token it returns is not used afterwards, so it never leaves this function.
import * as client from 'openid-client';
import type { Product, PsuContext } from '../../catalogue/operationTypes';
import { newRequestId } from '../../http/requestId';
import type { CredentialsProvider } from '../credentialStore';
import type { Redactor } from '../../redaction/redaction';
import { createAuthConfiguration, isAcceptableAuthHost, platformAuthEndpoints } from '../tokens/authServerConfiguration';
import { tokenScopeString, type TokenErrorDetails, type TokenErrorKind } from '../../http/tokenError';
import { toTokenError } from '../tokens/tokenErrorMapping';
import { activationHeaders, type AuthorisationTarget } from './authorisationTarget';

export interface CodeExchangeInput {
  readonly environmentId: string;
  readonly authHost: string;
  /**
   * Read when the code comes back, by the same provider the client_credentials tokens use, so the exchange
   * authenticates with what is stored then, never with a copy taken when the flow started.
   */
  readonly credentials: CredentialsProvider;
  /** The auth host's transport (createTransportFetch over the auth transport), as for client_credentials. */
  readonly fetch: client.CustomFetch;
  /** Exactly the redirect_uri the browser was sent with. */
  readonly redirectUri: string;
  readonly code: string;
  readonly codeVerifier?: string;
  /** The callback's iss parameter, when the auth server sent one (RFC 9207 mix-up defence). */
  readonly iss?: string;
  readonly target: AuthorisationTarget;
  readonly context: PsuContext;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Learns the code, verifier and token so they are masked wherever they are later logged. */
  readonly redactor?: Redactor;
}

export type CodeExchangeFailureKind =
  /** No client credentials are stored for the environment any more (cleared while the PSU was at the bank). */
  | 'no_credentials'
  /** The code was refused: used, expired, or issued for another redirect_uri, verifier or authorisation. */
  | 'invalid_grant'
  | 'invalid_client'
  /** Another OAuth error (invalid_request, unauthorized_client, ...); see oauthError. */
  | 'rejected'
  | 'insecure_host'
  /** The callback's iss names another server than this environment's AUTH_HOST. */
  | 'issuer_mismatch'
  | 'network'
  | 'protocol'
  | 'cancelled';

export interface CodeExchangeFailure {
  readonly kind: CodeExchangeFailureKind;
  readonly requestId?: string;
  readonly status?: number;
  readonly oauthError?: string;
  /** Server text with the code and verifier masked; show as plain text only. */
  readonly serverDescription?: string;
  readonly causeCode?: string;
}

export type CodeExchangeResult =
  | { readonly ok: true; readonly requestId: string; readonly scope?: string }
  | { readonly ok: false; readonly failure: CodeExchangeFailure };

const DEFAULT_TIMEOUT_MS = 30_000;

export function productOf(target: AuthorisationTarget): Product {
  return target.kind === 'consent' ? 'accountinformation' : 'paymentinitiation';
}

function mask(text: string | undefined, secrets: readonly (string | undefined)[]): string | undefined {
  if (text === undefined) return undefined;
  return secrets.reduce<string>((out, secret) => (secret && secret.length >= 4 ? out.split(secret).join('***') : out), text);
}

const PASSED_THROUGH: ReadonlySet<TokenErrorKind> = new Set(['invalid_client', 'insecure_host', 'network', 'cancelled']);

function failureKind(details: TokenErrorDetails): CodeExchangeFailureKind {
  if (details.oauthError === 'invalid_grant') return 'invalid_grant';
  if (PASSED_THROUGH.has(details.kind)) return details.kind as CodeExchangeFailureKind;
  return details.oauthError ? 'rejected' : 'protocol';
}

export async function exchangeAuthorizationCode(input: CodeExchangeInput): Promise<CodeExchangeResult> {
  if (!isAcceptableAuthHost(input.authHost)) return { ok: false, failure: { kind: 'insecure_host' } };
  if (input.iss !== undefined && input.iss !== platformAuthEndpoints(input.authHost).issuer) {
    return { ok: false, failure: { kind: 'issuer_mismatch' } };
  }
  if (input.signal?.aborted) return { ok: false, failure: { kind: 'cancelled' } };
  const credentials = await input.credentials(input.environmentId);
  if (!credentials) return { ok: false, failure: { kind: 'no_credentials' } };
  if (input.signal?.aborted) return { ok: false, failure: { kind: 'cancelled' } };
  input.redactor?.addSecret(credentials.clientSecret);
  input.redactor?.addIssued(input.code);
  input.redactor?.addIssued(input.codeVerifier);

  // The id we send is the one users quote: an echoed X-Request-ID header is server text and is never adopted.
  const requestId = newRequestId();
  const headers = activationHeaders(input.target);
  const signal = input.signal;
  const platformFetch: client.CustomFetch = (url, init) =>
    input.fetch(url, {
      ...init,
      headers: { ...init.headers, ...headers, 'X-Request-ID': requestId },
      // openid-client has its own timeout signal; the caller's cancel must stop the request too.
      signal: signal ? AbortSignal.any(init.signal ? [init.signal, signal] : [signal]) : init.signal,
    });
  const config = createAuthConfiguration({
    authHost: input.authHost,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    fetch: platformFetch,
    timeoutMs: input.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const scope = tokenScopeString(productOf(input.target), input.context);
  const parameters: Record<string, string> = { code: input.code, redirect_uri: input.redirectUri, scope };
  if (input.codeVerifier) parameters['code_verifier'] = input.codeVerifier;
  let response: client.TokenEndpointResponse;
  try {
    // genericGrantRequest, not authorizationCodeGrant: the listener already checked state, and this keeps
    // redirect_uri byte-for-byte the registered one instead of one rebuilt from a callback URL.
    response = await client.genericGrantRequest(config, 'authorization_code', parameters);
  } catch (error) {
    if (signal?.aborted) return { ok: false, failure: { kind: 'cancelled', requestId } };
    const details = toTokenError(error, {
      environmentId: input.environmentId,
      authHost: input.authHost,
      product: productOf(input.target),
      context: input.context,
      requestId,
    }).details;
    const kind = failureKind(details);
    const serverDescription = mask(details.serverDescription, [input.code, input.codeVerifier, credentials.clientSecret]);
    return {
      ok: false,
      failure: {
        kind,
        requestId,
        ...(details.status !== undefined ? { status: details.status } : {}),
        ...(details.oauthError ? { oauthError: details.oauthError } : {}),
        ...(serverDescription ? { serverDescription } : {}),
        ...(details.causeCode ? { causeCode: details.causeCode } : {}),
      },
    };
  }
  input.redactor?.addIssued(response.access_token);
  return { ok: true, requestId, ...(response.scope ? { scope: response.scope } : {}) };
}

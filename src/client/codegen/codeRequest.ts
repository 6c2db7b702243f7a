// What a generated program needs to know about one request: where it goes, what it carries, and which token
// it needs. Built from a recorded request (History) or a prepared one (catalogue operation + settings); it
// never holds a secret: no Authorization, no client credentials, and no X-Request-ID (the program makes its own).
import type { Product, PsuContext } from '../catalogue/operationTypes';
import type { Operation } from '../catalogue/catalogue';
import { tokenScopeString } from '../http/tokenError';

export interface CodeRequest {
  readonly operationId: string;
  readonly title: string;
  readonly method: string;
  /** The full URL on the API host, path and query included. */
  readonly url: string;
  /** Every header to send except Authorization and X-Request-ID, which the program adds at run time. */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text, sent as written. */
  readonly body?: string;
  readonly authHost: string;
  /** The client-credentials scope, e.g. "accountinformation private". */
  readonly scope: string;
  /** Present the client TLS certificate on the API call (production, or hosts that ask for one). */
  readonly clientCertificate: boolean;
}

/** Header names a program must never copy from a recorded request. */
const RUNTIME_HEADERS = /^(?:(?:proxy-)?authorization|x-request-id)$/i;

/** ASPSP Information tokens are always requested for the private context, as the HTTP core does. */
export function scopeFor(product: Product, context: PsuContext): string {
  return tokenScopeString(product, product === 'aspspinformation' ? 'private' : context);
}

export interface CodeRequestSource {
  readonly operation: Pick<Operation, 'id' | 'title' | 'method' | 'product'>;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly context: PsuContext;
  readonly authHost: string;
  readonly clientCertificate: boolean;
}

export function codeRequestFrom(source: CodeRequestSource): CodeRequest {
  const headers = Object.fromEntries(Object.entries(source.headers).filter(([name]) => !RUNTIME_HEADERS.test(name)));
  return {
    operationId: source.operation.id,
    title: source.operation.title,
    method: source.operation.method,
    url: source.url,
    headers,
    ...(source.body !== undefined ? { body: source.body } : {}),
    authHost: source.authHost.replace(/\/+$/, ''),
    scope: scopeFor(source.operation.product, source.context),
    clientCertificate: source.clientCertificate,
  };
}

/** The environment variables every program reads; named once so programs, docs and tests agree. */
export const ENV = {
  clientId: 'OPENPAYMENTS_CLIENT_ID',
  clientSecret: 'OPENPAYMENTS_CLIENT_SECRET',
  /** The .pfx from the Developer Portal (Node, Java, cURL). */
  certificate: 'OPENPAYMENTS_CLIENT_CERT',
  /** Python's ssl module reads PEM only: the certificate and its (encrypted) key in one PEM file. */
  certificatePem: 'OPENPAYMENTS_CLIENT_CERT_PEM',
  passphrase: 'OPENPAYMENTS_CLIENT_CERT_PASSPHRASE',
} as const;

/** The body pretty-printed when it is JSON (it always is for this API), else undefined. */
export function parsedBody(body: string | undefined): unknown {
  if (body === undefined) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

// The only module that talks to the network. undici's Agent keeps one keep-alive Pool per origin, so the
// API host and the auth host each get their own connections.
import { STATUS_CODES } from 'node:http';
import type { LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import type { Dispatcher } from 'undici';
import { flowingChunks } from './bodyChunks';
import { readBoundedBody, type BodyLimit, type SpilledBody } from './boundedBody';
import { DEADLINE_EXCEEDED, toTransportError, TransportError } from './transportErrors';
import { Agent, ProxyAgent } from './undiciParts';

export interface ClientCertificate {
  /** PKCS#12 bundle from the Developer Portal (production only). */
  readonly pfx: Buffer;
  readonly passphrase?: string;
}

export interface TransportConfig {
  readonly connectTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly bodyTimeoutMs?: number;
  readonly keepAliveTimeoutMs?: number;
  /** http(s) URL of a forward proxy; requests are tunnelled through it. */
  readonly proxyUrl?: string;
  readonly clientCertificate?: ClientCertificate;
  /** Extra trusted CA certificates (PEM), e.g. a corporate TLS-inspecting proxy's root; added to Node's roots. */
  readonly extraCaCertificates?: readonly string[];
  /** Name resolution override (split-horizon DNS; tests that must not touch a real resolver). */
  readonly lookup?: LookupFunction;
  /**
   * The most a request may take from sending to its body's last byte. The timeouts above apply per part
   * (connect, headers, each body chunk), so without this a server trickling a byte a second holds a call
   * open indefinitely.
   */
  readonly deadlineMs?: number;
  /** Bodies larger than this go, masked, to a file instead of memory; unlimited when absent. */
  readonly bodyLimit?: BodyLimit;
}

export interface TransportRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export interface TransportResponse {
  readonly status: number;
  readonly statusText?: string;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** The body; when it went to a file (over the size limit), the masked start of it. */
  readonly bodyText: string;
  /** Set when the body was over the size limit: the file holding all of it, masked. */
  readonly bodyFile?: SpilledBody;
}

/** What the pipeline and the token client need from the network; tests may substitute it. */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
}

export const DEFAULT_TRANSPORT_TIMEOUTS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  keepAliveTimeoutMs: 10_000,
} as const;

function createDispatcher(config: TransportConfig): Dispatcher {
  const timeouts = { ...DEFAULT_TRANSPORT_TIMEOUTS, ...withoutUndefined(config) };
  const tls = {
    ...(config.clientCertificate ? { pfx: config.clientCertificate.pfx, passphrase: config.clientCertificate.passphrase } : {}),
    ...(config.lookup ? { lookup: config.lookup } : {}),
    // Node replaces its built-in roots when `ca` is given, so they are passed along explicitly.
    ...(config.extraCaCertificates?.length ? { ca: [...rootCertificates, ...config.extraCaCertificates] } : {}),
  };
  const common = {
    headersTimeout: timeouts.headersTimeoutMs,
    bodyTimeout: timeouts.bodyTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
  };
  if (config.proxyUrl) {
    return new ProxyAgent({
      ...common,
      uri: config.proxyUrl,
      requestTls: { ...tls, timeout: timeouts.connectTimeoutMs },
      proxyTls: { timeout: timeouts.connectTimeoutMs },
    });
  }
  return new Agent({ ...common, connect: { ...tls, timeout: timeouts.connectTimeoutMs } });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  // undici already lower-cases names; only repeated headers (arrays) need a copy, so most answers need none.
  if (isFlat(headers)) return headers;
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function isFlat(headers: Record<string, string | string[] | undefined>): headers is Record<string, string> {
  for (const name in headers) {
    const value = headers[name];
    if (typeof value !== 'string' || name !== name.toLowerCase()) return false;
  }
  return true;
}

/**
 * False when the PKCS#12 bundle cannot be opened (damaged file or wrong passphrase). Node's error for this
 * has no code and its text is OpenSSL's, so the adapter should check when the user configures the file.
 */
export function canOpenClientCertificate(certificate: ClientCertificate): boolean {
  try {
    createSecureContext({ pfx: certificate.pfx, passphrase: certificate.passphrase });
    return true;
  } catch {
    return false;
  }
}

export class UndiciTransport implements Transport {
  private readonly dispatcher: Dispatcher;
  private readonly certificateUnusable: boolean;
  private readonly deadlineMs: number | undefined;
  private readonly bodyLimit: BodyLimit | undefined;

  constructor(config: TransportConfig = {}) {
    this.dispatcher = createDispatcher(config);
    this.deadlineMs = config.deadlineMs;
    this.bodyLimit = config.bodyLimit;
    this.certificateUnusable = config.clientCertificate !== undefined && !canOpenClientCertificate(config.clientCertificate);
  }

  /** Resolves with any HTTP status; rejects only with a TransportError. */
  async request(request: TransportRequest): Promise<TransportResponse> {
    if (this.certificateUnusable) throw new TransportError('tls', 'CLIENT_CERTIFICATE_UNUSABLE');
    // One signal for the whole request: undici ties it to the connection, the headers and the body stream.
    const deadline = this.deadlineMs !== undefined ? AbortSignal.timeout(this.deadlineMs) : undefined;
    const signal = deadline && request.signal ? AbortSignal.any([request.signal, deadline]) : (deadline ?? request.signal);
    try {
      const response = await this.dispatcher.request({
        origin: request.url.origin,
        path: request.url.pathname + request.url.search,
        method: request.method as Dispatcher.HttpMethod,
        // undici only reads the headers; its type just lacks `readonly`.
        headers: request.headers as Record<string, string>,
        body: request.body,
        signal,
      });
      const body = await readBoundedBody(flowingChunks(response.body), this.bodyLimit);
      return {
        status: response.statusCode,
        statusText: STATUS_CODES[response.statusCode],
        headers: flattenHeaders(response.headers),
        bodyText: body.text,
        ...(body.spilled ? { bodyFile: body.spilled } : {}),
      };
    } catch (error) {
      // The caller's own cancel wins over the deadline when both happened.
      if (deadline?.aborted && !request.signal?.aborted) throw new TransportError('timeout', DEADLINE_EXCEEDED);
      throw toTransportError(error, request.signal);
    }
  }

  /** Closes pooled connections; pending requests finish first. */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

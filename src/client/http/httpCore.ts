// Wires the pure HTTP core for one extension session; the VS Code adapter supplies settings, secrets and
// the token source (built on this core's auth-host transport), so the HTTP layer imports nothing above it.
import type { Redactor } from '../redaction/redaction';
import { ApiClient, type ApiClientOptions, type RetryPolicy } from './apiClient';
import type { BodySpill } from './bodySpill';

export { BodySpillDirectory } from './bodySpill';
import { UndiciTransport, type TransportConfig } from './transport';
import type { TokenSource } from './tokenSource';
import { createTransportFetch } from './transportFetch';

/** The auth host's fetch (proxy, CA and timeouts of a core, no client certificate). */
export type AuthFetch = ReturnType<typeof createTransportFetch>;

export interface HttpCoreConfig<Tokens extends TokenSource = TokenSource> {
  readonly transport: TransportConfig;
  /** The token source every API call gets its token from, given the fetch its token requests must use. */
  readonly tokens: (authFetch: AuthFetch) => Tokens;
  readonly redactor: Redactor;
  readonly retry?: Partial<RetryPolicy>;
  readonly onInternalError?: ApiClientOptions['onInternalError'];
  /** Bodies larger than this many bytes go to `spill` (masked) instead of memory. */
  readonly bodyLimitBytes?: number;
  readonly spill?: BodySpill;
}

export interface HttpCore<Tokens extends TokenSource = TokenSource> {
  readonly client: ApiClient;
  readonly tokens: Tokens;
  /** The auth host's fetch (proxy, CA and timeouts of this core), for the authorization-code exchange. */
  readonly authFetch: AuthFetch;
  /**
   * Sends one GET through the auth host's fetch, reads the answer's JSON and drops it, to ready the HTTP stack
   * before a first request a user is about to make (see HttpSession.warmFor). Never rejects.
   */
  warm(url: URL): Promise<void>;
  /** Closes pooled connections; call on deactivate or when transport settings change. */
  close(): Promise<void>;
}

export function createHttpCore<Tokens extends TokenSource>(config: HttpCoreConfig<Tokens>): HttpCore<Tokens> {
  const { redactor, spill, bodyLimitBytes } = config;
  const transportConfig: TransportConfig =
    spill && bodyLimitBytes !== undefined
      ? { ...config.transport, bodyLimit: { limitBytes: bodyLimitBytes, spill, redact: (text) => redactor.redact(text) } }
      : config.transport;
  const apiTransport = new UndiciTransport(transportConfig);
  // The platform wants the client certificate on API calls only (reference §2, official sample), so the
  // auth host gets its own transport without it; proxy and timeouts apply to both.
  const { clientCertificate: _apiOnly, ...authTransportConfig } = transportConfig;
  const authTransport = new UndiciTransport(authTransportConfig);
  const authFetch = createTransportFetch(authTransport);
  const tokens = config.tokens(authFetch);
  const client = new ApiClient({ transport: apiTransport, tokens, redactor: config.redactor, retry: config.retry, onInternalError: config.onInternalError });
  return {
    client,
    tokens,
    authFetch,
    // Through the token client's own fetch, and read as it reads a token response: the first body read loads
    // Node's fetch Response and web streams, which otherwise cost 40-70 ms of the first token request, on the
    // user's click (profiles of Use Local Sandbox on a 2-core machine).
    warm: (url) =>
      authFetch(url.href, { method: 'GET', headers: { accept: 'application/json' }, body: undefined, redirect: 'manual' })
        .then((response) => response.json())
        .then(
          () => undefined,
          () => undefined,
        ),
    close: async () => {
      await Promise.all([apiTransport.close(), authTransport.close()]);
    },
  };
}

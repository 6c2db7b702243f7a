// Wires the pure HTTP core for one extension session; the VS Code adapter supplies settings and secrets.
import type { Redactor } from '../../core/redaction';
import { ClientCredentialsTokens, type CredentialsProvider } from '../../auth/tokens/clientCredentialsTokens';
import { ApiClient, type ApiClientOptions, type RetryPolicy } from './apiClient';
import type { BodySpill } from './bodySpill';

export { BodySpillDirectory } from './bodySpill';
import { UndiciTransport, type TransportConfig } from './transport';
import { createTransportFetch } from './transportFetch';

export interface HttpCoreConfig {
  readonly transport: TransportConfig;
  readonly credentials: CredentialsProvider;
  readonly redactor: Redactor;
  readonly retry?: Partial<RetryPolicy>;
  readonly tokenRequestTimeoutMs?: number;
  readonly onInternalError?: ApiClientOptions['onInternalError'];
  /** Bodies larger than this many bytes go to `spill` (masked) instead of memory. */
  readonly bodyLimitBytes?: number;
  readonly spill?: BodySpill;
}

export interface HttpCore {
  readonly client: ApiClient;
  readonly tokens: ClientCredentialsTokens;
  /** The auth host's fetch (proxy, CA and timeouts of this core), for the authorization-code exchange. */
  readonly authFetch: ReturnType<typeof createTransportFetch>;
  /** Closes pooled connections; call on deactivate or when transport settings change. */
  close(): Promise<void>;
}

export function createHttpCore(config: HttpCoreConfig): HttpCore {
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
  const tokens = new ClientCredentialsTokens({
    credentials: config.credentials,
    fetch: authFetch,
    redactor: config.redactor,
    requestTimeoutMs: config.tokenRequestTimeoutMs,
  });
  const client = new ApiClient({ transport: apiTransport, tokens, redactor: config.redactor, retry: config.retry, onInternalError: config.onInternalError });
  return {
    client,
    tokens,
    authFetch,
    close: async () => {
      await Promise.all([apiTransport.close(), authTransport.close()]);
    },
  };
}

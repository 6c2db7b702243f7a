// One fake auth host, one fake API host and an ApiClient wired to them the way the extension wires it.
import { findOperation, type Operation } from '../../../../../src/client/catalogue/catalogue';
import { ApiClient, type ApiRequest, type RetryPolicy } from '../../../../../src/client/http/apiClient';
import type { ApiResult } from '../../../../../src/client/http/requestFailure';
import { UndiciTransport, type TransportConfig } from '../../../../../src/client/http/transport';
import { createTransportFetch } from '../../../../../src/client/http/transportFetch';
import { ClientCredentialsTokens } from '../../../../../src/client/auth/tokens/clientCredentialsTokens';
import { Redactor } from '../../../../../src/client/redaction/redaction';
import { CLIENT_ID, CLIENT_SECRET, startTokenServer, type FakeTokenServer } from './fakeTokenServer';
import { sendJson, startServer, type Handler, type LocalServer, type TlsOptions } from './localServer';
import { assertNoSecrets } from './secrets';

export interface HarnessOptions {
  readonly transport?: TransportConfig;
  readonly retry?: Partial<RetryPolicy>;
  /** Record waits instead of sleeping (default). */
  readonly realSleep?: boolean;
  readonly apiTls?: TlsOptions;
}

export interface Harness {
  readonly api: LocalServer;
  readonly tokenServer: FakeTokenServer;
  readonly client: ApiClient;
  readonly tokens: ClientCredentialsTokens;
  readonly sleeps: number[];
  readonly results: ApiResult[];
  send(request: Partial<ApiRequest> & { operation: Operation }): Promise<ApiResult>;
  /** Every secret the harness knows of must be absent from every result so far. */
  assertNoSecretsLeaked(): void;
  close(): Promise<void>;
}

export function operation(id: string): Operation {
  const op = findOperation(id);
  if (!op) throw new Error(`no operation ${id} in the catalogue`);
  return op;
}

/** The bearer token the API server saw on one recorded request. */
export function bearerOf(headers: { authorization?: string }): string | undefined {
  return headers.authorization?.replace(/^Bearer /, '');
}

export async function startHarness(apiHandler: Handler = (_req, res) => sendJson(res, 200, {}), options: HarnessOptions = {}): Promise<Harness> {
  const tokenServer = await startTokenServer();
  const api = await startServer(apiHandler, options.apiTls);
  const apiTransport = new UndiciTransport(options.transport);
  const authTransport = new UndiciTransport();
  const redactor = new Redactor();
  const tokens = new ClientCredentialsTokens({
    credentials: async () => ({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
    fetch: createTransportFetch(authTransport),
    redactor,
  });
  const sleeps: number[] = [];
  const client = new ApiClient({
    transport: apiTransport,
    tokens,
    redactor,
    retry: options.retry,
    ...(options.realSleep ? {} : { sleep: async (ms: number) => void sleeps.push(ms) }),
  });
  const results: ApiResult[] = [];
  return {
    api,
    tokenServer,
    client,
    tokens,
    sleeps,
    results,
    async send(request) {
      const result = await client.send({
        params: {},
        environment: { id: 'local', authHost: tokenServer.authHost, apiHost: api.origin },
        context: 'private',
        ...request,
      });
      results.push(result);
      return result;
    },
    assertNoSecretsLeaked() {
      assertNoSecrets(results, [CLIENT_SECRET, ...tokenServer.issued]);
    },
    async close() {
      await Promise.all([apiTransport.close(), authTransport.close()]);
      await Promise.all([api.close(), tokenServer.close()]);
    },
  };
}

/**
 * For a describe block: returns `start`, which builds a harness for the current test; after each test the
 * harness is checked for leaked secrets and closed.
 */
export function harnessPerTest(): (apiHandler?: Handler, options?: HarnessOptions) => Promise<Harness> {
  let current: Harness | undefined;
  afterEach(async () => {
    const harness = current;
    current = undefined;
    if (!harness) return;
    try {
      harness.assertNoSecretsLeaked();
    } finally {
      await harness.close();
    }
  });
  return async (apiHandler, options) => {
    current = await startHarness(apiHandler, options);
    return current;
  };
}

// The local sandbox: an OpenID provider (auth host) and the /psd2 API (API host) on loopback, behaving like
// the Open Payments Platform as ../shared/reference describes it. State lives in memory; data comes from a seed.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdapterStore } from './auth/adapter';
import { ASPSP_ONLY_CLIENT, DEMO_CLIENT, type SandboxClient } from './auth/clients';
import { createAuthProvider } from './auth/provider';
import { createAuthListener } from './auth/server';
import { createIssuedSecrets } from './auth/issuedSecrets';
import type { Introspect } from './api/checks';
import type { SandboxEnv } from './api/context';
import { consentOutcomeFor } from './api/consents';
import { paymentOutcomeFor } from './api/payments';
import { createScaBridge } from './api/sca';
import { createApiServer } from './api/server';
import { createAccountBook } from './data/accounts';
import { buildDirectory } from './data/directory';
import { createFaults, type Faults } from './faults';
import { DEFAULT_HOST, DEFAULT_TRANSACTIONS_PAGE_SIZE, decoupledSecondsOf, isLoopbackHost, type SandboxOptions } from './options';
import { createStore } from './state/types';
import { createTestPki, type TestPki } from './tls/testPki';

export type { SandboxOptions } from './options';
export { DEFAULT_CLI_DECOUPLED_SECONDS } from './options';
export type { FaultSpec, FaultKind } from './faults';
export { DEMO_CLIENT, ASPSP_ONLY_CLIENT } from './auth/clients';
export { SEB_PSU_IDS, DANSKE_LOGIN } from './data/sandboxBanks';

export interface Sandbox {
  readonly authHost: string;
  readonly apiHost: string;
  readonly client: { readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string };
  readonly faults: Faults;
  /** Present in https + mTLS mode (`tls: true`): the run's test CA and client certificates. */
  readonly tls?: SandboxTls;
  close(): Promise<void>;
}

/** What a client needs to talk to the sandbox in https + mTLS mode; the files live until close(). */
export interface SandboxTls {
  /** PEM of the test CA that signed both hosts' certificates (trust it as a private CA). */
  readonly caCertificatePath: string;
  /** The passphrase of every .pfx below (random per run). */
  readonly passphrase: string;
  readonly clientCertificates: {
    /** Trusted by the API host: requests succeed. */
    readonly valid: string;
    /** Signed by the test CA but expired in 2020: the API host refuses the TLS connection. */
    readonly expired: string;
    /** From a CA the API host does not trust: refused too. */
    readonly untrusted: string;
  };
}

type SandboxServer = http.Server | https.Server;

function listen(server: SandboxServer, port: number, host: string): Promise<string> {
  const scheme = server instanceof https.Server ? 'https' : 'http';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`${scheme}://${shown}:${address.port}`);
    });
  });
}

function closeServer(server: SandboxServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopbackHost(host)) throw new Error(`the sandbox binds loopback addresses only, not ${host}`);
  const transactionsPageSize = options.transactionsPageSize ?? DEFAULT_TRANSACTIONS_PAGE_SIZE;
  if (!Number.isInteger(transactionsPageSize) || transactionsPageSize < 1) {
    throw new Error(`transactionsPageSize must be a positive integer, not ${transactionsPageSize}`);
  }
  const decoupledSeconds = decoupledSecondsOf(options.decoupledSeconds);
  const seed = options.seed ?? 1;
  const today = options.today ?? new Date();
  const clients = options.clients ?? [DEMO_CLIENT, ASPSP_ONLY_CLIENT];
  const faults = createFaults(options.faults);
  const issuedSecrets = createIssuedSecrets(clients);
  const adapter = createAdapterStore(issuedSecrets.observe);
  const pki = options.tls ? await createTestPki(host) : undefined;

  // Both servers listen first: the OpenID issuer and the API's links need the real ports (port 0 = any free port).
  // In https mode only the API host asks for the client certificate: the platform's own sample presents it on
  // API calls, not on token calls (reference §2), and the extension does the same.
  const authServer = pki ? https.createServer(serverTls(pki)) : http.createServer();
  // Filled in once both hosts are known; the API server only reads them per request.
  const late: { env?: SandboxEnv; introspect: Introspect } = { introspect: async () => ({ status: 'unknown' }) };
  const apiServer = createApiServer({
    env: () => {
      if (!late.env) throw new Error('sandbox is still starting');
      return late.env;
    },
    introspect: (token) => late.introspect(token),
    faults,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    ...(pki ? { tls: { ...serverTls(pki), ca: pki.caPem, requestCert: true, rejectUnauthorized: true } } : {}),
  });
  async function close(): Promise<void> {
    adapter.close();
    await Promise.all([closeServer(authServer), closeServer(apiServer)]);
    await pki?.dispose();
  }
  // Settled, not raced: when one port is busy the other listen must have finished before close() runs, or
  // that server would be left listening.
  const [auth, api] = await Promise.allSettled([listen(authServer, options.authPort ?? 0, host), listen(apiServer, options.apiPort ?? 0, host)]);
  if (auth.status === 'rejected' || api.status === 'rejected') {
    await close();
    throw auth.status === 'rejected' ? auth.reason : (api as PromiseRejectedResult).reason;
  }
  const [authHost, apiHost] = [auth.value, api.value];

  const sandboxEnv: SandboxEnv = {
    directory: buildDirectory(seed, options.banks ?? 0),
    accounts: createAccountBook(seed, today),
    store: createStore(),
    authHost,
    apiHost,
    decoupledReadsPerStep: Math.max(1, options.decoupledReadsPerStep ?? 1),
    decoupledSeconds,
    clock: options.clock ?? Date.now,
    transactionsPageSize,
    today,
    demoClient: demoClientOf(clients),
    requestLog: [],
    issuedSecrets,
  };
  const bridge = createScaBridge(sandboxEnv, { consent: consentOutcomeFor(sandboxEnv), payment: paymentOutcomeFor(sandboxEnv) });
  let created: Awaited<ReturnType<typeof createAuthProvider>>;
  try {
    created = await createAuthProvider({ issuer: authHost, clients, tokenTtlSeconds: options.tokenTtlSeconds ?? 3600, adapter, bridge });
  } catch (error) {
    await close();
    throw error;
  }
  const { provider, rememberGrant } = created;
  authServer.on('request', createAuthListener({ provider, bridge, rememberGrant }));
  // API tokens are the provider's own opaque tokens, looked up through its models (no second token store).
  late.introspect = async (token) => {
    for (const model of [provider.ClientCredentials, provider.AccessToken]) {
      const found = await model.find(token, { ignoreExpiration: true });
      if (found) return found.isExpired ? { status: 'expired' } : { status: 'valid', clientId: found.clientId ?? '', scope: found.scope ?? '' };
    }
    return { status: 'unknown' };
  };
  late.env = sandboxEnv;

  return {
    authHost,
    apiHost,
    client: sandboxEnv.demoClient,
    faults,
    ...(pki ? { tls: sandboxTls(pki) } : {}),
    close,
  };
}

function serverTls(pki: TestPki): https.ServerOptions {
  return { key: pki.serverKeyPem, cert: pki.serverCertPem };
}

function sandboxTls(pki: TestPki): SandboxTls {
  const { valid, expired, untrusted } = pki.clientCertificates;
  return {
    caCertificatePath: pki.caPath,
    passphrase: pki.passphrase,
    clientCertificates: { valid: valid.path, expired: expired.path, untrusted: untrusted.path },
  };
}

function demoClientOf(clients: readonly SandboxClient[]): SandboxEnv['demoClient'] {
  const demo = clients[0] ?? DEMO_CLIENT;
  return { clientId: demo.clientId, clientSecret: demo.clientSecret, redirectUri: demo.redirectUris[0] ?? '' };
}

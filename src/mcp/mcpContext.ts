// The tools' context in the MCP server: the client's HTTP core with client_credentials tokens, credentials from
// the environment (or the local sandbox's demo client, asked for when first needed), and this process's calls as
// History. Everything secret is taught to one Redactor, which every tool result and log line passes through.
import { readFile } from 'node:fs/promises';
import {
  CallLog,
  ClientCredentialsTokens,
  Redactor,
  SandboxAdmin,
  ToolError,
  createHttpCore,
  fetchDemoClient,
  type ClientCredentials,
  type ClientCertificate,
  type ToolClient,
  type ToolContext,
} from '../client/index';
import { ENV, FLAGS, type McpConfig } from './config';

export interface McpContext {
  readonly context: ToolContext;
  readonly redactor: Redactor;
  close(): Promise<void>;
}

/** The demo client's redirect URI when the credentials came from the environment (only the bank link uses it). */
const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:53682/callback';

export async function createMcpContext(config: McpConfig): Promise<McpContext> {
  const redactor = new Redactor();
  const { environment } = config;
  let client: (ToolClient & ClientCredentials) | undefined = config.credentials ? { ...config.credentials, redirectUri: DEFAULT_REDIRECT_URI } : undefined;
  if (client) redactor.addSecret(client.clientSecret);
  if (config.clientCertificatePassphrase) redactor.addSecret(config.clientCertificatePassphrase);

  // Asked for on first use rather than at start: the sandbox may be started after the MCP client starts us.
  const credentials = async (): Promise<ClientCredentials | undefined> => {
    if (client) return client;
    const demo = await fetchDemoClient(environment.apiHost);
    if (!demo.ok) return undefined;
    redactor.addSecret(demo.client.clientSecret);
    client = { clientId: demo.client.clientId, clientSecret: demo.client.clientSecret, redirectUri: demo.client.redirectUri || DEFAULT_REDIRECT_URI };
    return client;
  };

  const clientCertificate: ClientCertificate | undefined = config.clientCertificatePath
    ? { pfx: await readFile(config.clientCertificatePath), ...(config.clientCertificatePassphrase ? { passphrase: config.clientCertificatePassphrase } : {}) }
    : undefined;
  const core = createHttpCore({
    transport: clientCertificate ? { clientCertificate } : {},
    tokens: (fetch) => new ClientCredentialsTokens({ credentials, fetch, redactor }),
    redactor,
  });
  const history = new CallLog();
  const context: ToolContext = {
    environment,
    redactor,
    history,
    // Off a loopback API host it refuses by itself, and sandboxScenario says so.
    sandboxAdmin: new SandboxAdmin(environment.apiHost),
    get client() {
      return client ? { clientId: client.clientId, redirectUri: client.redirectUri } : undefined;
    },
    async send(request) {
      // A bank link needs the client id, so the demo client is asked for before the first call too.
      if (!(await credentials())) {
        throw new ToolError(
          'unavailable',
          `The local sandbox at ${environment.apiHost} did not hand out its demo client: start it (npm run sandbox, or this server with ${FLAGS.startSandbox}), or set ${ENV.clientId} and ${ENV.clientSecret}.`,
        );
      }
      const result = await core.client.send({
        ...request,
        environment: { id: environment.id, authHost: environment.authHost, apiHost: environment.apiHost },
        context: request.context ?? 'private',
        psuHeaders: config.psuHeaders,
        ...(request.signal ? { signal: request.signal } : {}),
      });
      history.record(environment.id, request.operation.id, result);
      return result;
    },
  };
  return { context, redactor, close: () => core.close() };
}

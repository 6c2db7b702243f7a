// Offers the Open Payments MCP server (dist/mcp.js) to VS Code's agent mode through the MCP server definition
// provider API (VS Code 1.101). Our engines minimum is 1.100 and @types/vscode is 1.100, so the API is reached
// through a guarded, structurally typed view of `vscode`: on 1.100 nothing is registered and nothing fails.
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ClientCredentials } from '../../client/auth/credentialStore';
import type { EnvironmentState } from '../../host/activeEnvironment';

/** The id package.json contributes under mcpServerDefinitionProviders; VS Code refuses a provider without it. */
export const MCP_PROVIDER_ID = 'openPayments.mcpServer';

/** The part of vscode.McpStdioServerDefinition (1.101) we set. */
interface McpStdioDefinition {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  env: Record<string, string | number | null>;
}

type McpStdioDefinitionConstructor = new (
  label: string,
  command: string,
  args?: string[],
  env?: Record<string, string | number | null>,
  version?: string,
) => McpStdioDefinition;

interface McpProvider {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<McpStdioDefinition[]>;
  resolveMcpServerDefinition?(server: McpStdioDefinition, token: vscode.CancellationToken): vscode.ProviderResult<McpStdioDefinition>;
}

/** What VS Code 1.101 and later add for MCP servers; absent on 1.100. */
interface McpApi {
  readonly McpStdioServerDefinition: McpStdioDefinitionConstructor;
  registerMcpServerDefinitionProvider(id: string, provider: McpProvider): vscode.Disposable;
}

/** The first release with the stable API; 1.100 has a proposed one under other contribution rules, which throws. */
const FIRST_STABLE_MINOR = 101;

/** The MCP API of this VS Code, or undefined where it is older than 1.101. */
export function mcpApi(api: unknown = vscode): McpApi | undefined {
  const view = api as {
    readonly version?: string;
    readonly lm?: Partial<Pick<McpApi, 'registerMcpServerDefinitionProvider'>>;
    readonly McpStdioServerDefinition?: McpStdioDefinitionConstructor;
  };
  const [major, minor] = (view.version ?? '').split('.').map(Number);
  if (major === undefined || minor === undefined || !(major > 1 || (major === 1 && minor >= FIRST_STABLE_MINOR))) return undefined;
  const register = view.lm?.registerMcpServerDefinitionProvider;
  const definition = view.McpStdioServerDefinition;
  if (typeof register !== 'function' || typeof definition !== 'function') return undefined;
  return { McpStdioServerDefinition: definition, registerMcpServerDefinitionProvider: register.bind(view.lm) };
}

export interface McpServerSource {
  readonly extensionPath: string;
  readonly version: string;
  readonly environment: () => EnvironmentState;
  readonly onDidChangeEnvironment: vscode.Event<unknown>;
  readonly credentials: (state: EnvironmentState) => Promise<ClientCredentials | undefined>;
}

/**
 * The server for the active environment: none for production (its guard wants a person's explicit flag, which
 * an editor-wide definition cannot give), none for invalid hosts, and none where dist/mcp.js is not installed.
 */
export class McpServerProvider implements McpProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeMcpServerDefinitions = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly api: McpApi,
    private readonly source: McpServerSource,
  ) {
    this.subscription = source.onDidChangeEnvironment(() => this.changed.fire());
  }

  get serverFile(): string {
    return path.join(this.source.extensionPath, 'dist', 'mcp.js');
  }

  provideMcpServerDefinitions(): McpStdioDefinition[] {
    const state = this.source.environment();
    if (!state.resolution.ok || state.resolution.environment.isProduction || !existsSync(this.serverFile)) return [];
    const { environment } = state.resolution;
    // The extension host's own runtime: Electron runs as Node with this variable, code-server's host is Node.
    const env: Record<string, string> = {
      ELECTRON_RUN_AS_NODE: '1',
      OPENPAYMENTS_ENVIRONMENT: environment.id,
      OPENPAYMENTS_AUTH_HOST: environment.authHost,
      OPENPAYMENTS_API_HOST: environment.apiHost,
    };
    return [new this.api.McpStdioServerDefinition(`Open Payments (${environment.label})`, process.execPath, [this.serverFile], env, this.source.version)];
  }

  /** Credentials join the definition only when VS Code starts the server, never in the listed definition. */
  async resolveMcpServerDefinition(server: McpStdioDefinition): Promise<McpStdioDefinition> {
    const state = this.source.environment();
    const credentials = state.resolution.ok ? await this.source.credentials(state) : undefined;
    if (credentials) server.env = { ...server.env, OPENPAYMENTS_CLIENT_ID: credentials.clientId, OPENPAYMENTS_CLIENT_SECRET: credentials.clientSecret };
    return server;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

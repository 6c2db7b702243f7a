// The assistant feature: offers the Open Payments MCP server to VS Code's agent mode (VS Code 1.101 and later).
import * as vscode from 'vscode';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { MCP_PROVIDER_ID, McpServerProvider, mcpApi } from './mcpServerProvider';

export interface AssistantFeature extends vscode.Disposable {
  /** The MCP server provider, when this VS Code has the API (1.101 and later). */
  readonly mcpServers: McpServerProvider | undefined;
}

export function register(host: Host): AssistantFeature {
  const group = new DisposableGroup();
  const api = mcpApi();
  let mcpServers: McpServerProvider | undefined;
  if (api) {
    mcpServers = group.add(
      new McpServerProvider(api, {
        extensionPath: host.context.extensionPath,
        version: String((host.context.extension?.packageJSON as { version?: unknown } | undefined)?.version ?? '0.0.0'),
        environment: () => host.environment.state,
        onDidChangeEnvironment: host.environment.onDidChange,
        credentials: (state) => host.credentials.get(state.id),
      }),
    );
    try {
      group.add(api.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, mcpServers));
    } catch (error) {
      // A VS Code whose MCP rules differ from 1.101's must not stop the rest of the extension from starting.
      host.logger.error('The MCP server could not be offered to agent mode.', error);
      mcpServers = undefined;
    }
  }
  return { mcpServers, dispose: () => group.dispose() };
}

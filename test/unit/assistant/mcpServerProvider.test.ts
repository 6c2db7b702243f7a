// The MCP server definition the extension offers VS Code 1.101+: guarded on 1.100, none for production or where
// dist/mcp.js is missing, and credentials only when VS Code starts the server.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { resolveEnvironment, type EnvironmentId } from '../../../src/client/environments/environments';
import type { EnvironmentState } from '../../../src/host/activeEnvironment';
import { McpServerProvider, mcpApi } from '../../../src/features/assistant/mcpServerProvider';

class Definition {
  constructor(
    readonly label: string,
    readonly command: string,
    readonly args: string[],
    public env: Record<string, string | number | null>,
    readonly version: string,
  ) {}
}

function stateOf(id: EnvironmentId): EnvironmentState {
  return { id, resolution: resolveEnvironment(id), hasCredentials: true };
}

describe('MCP server definition provider', () => {
  let extensionPath: string;
  before(() => {
    extensionPath = fs.mkdtempSync(path.join(os.tmpdir(), 'op-mcp-'));
    fs.mkdirSync(path.join(extensionPath, 'dist'));
    fs.writeFileSync(path.join(extensionPath, 'dist', 'mcp.js'), '');
  });
  after(() => fs.rmSync(extensionPath, { recursive: true, force: true }));

  it('finds no MCP API before VS Code 1.101 (1.100 has a proposed one that throws on our contribution), and the API from 1.101', () => {
    const full = { lm: { registerMcpServerDefinitionProvider: () => ({ dispose() {} }) }, McpStdioServerDefinition: Definition };
    assert.equal(mcpApi({ ...full, version: '1.100.3' }), undefined);
    assert.equal(mcpApi({ version: '1.139.0', lm: {} }), undefined);
    assert.equal(mcpApi({ version: '1.139.0' }), undefined);
    assert.ok(mcpApi({ ...full, version: '1.101.0' }));
    const registered: string[] = [];
    const api = mcpApi({ version: '1.139.0', lm: { registerMcpServerDefinitionProvider: (id: string) => (registered.push(id), { dispose() {} }) }, McpStdioServerDefinition: Definition });
    assert.ok(api);
    api.registerMcpServerDefinitionProvider('x', { provideMcpServerDefinitions: () => [] });
    assert.deepEqual(registered, ['x']);
  });

  it('offers the server for the active environment with no secret in the definition, and adds credentials on start', async () => {
    const api = mcpApi({ version: '1.139.0', lm: { registerMcpServerDefinitionProvider: () => ({ dispose() {} }) }, McpStdioServerDefinition: Definition });
    assert.ok(api);
    let state = stateOf('local');
    const changed = new vscode.EventEmitter<unknown>();
    const provider = new McpServerProvider(api, {
      extensionPath,
      version: '1.2.3',
      environment: () => state,
      onDidChangeEnvironment: changed.event,
      credentials: async () => ({ clientId: 'id-1', clientSecret: 'secret-never-listed' }),
    });
    const [definition] = provider.provideMcpServerDefinitions();
    assert.ok(definition instanceof Definition);
    assert.deepEqual(definition.args, [path.join(extensionPath, 'dist', 'mcp.js')]);
    assert.equal(definition.env.OPENPAYMENTS_ENVIRONMENT, 'local');
    assert.equal(definition.env.OPENPAYMENTS_API_HOST, 'http://127.0.0.2:8402');
    assert.ok(!JSON.stringify(definition).includes('secret-never-listed'));
    const resolved = await provider.resolveMcpServerDefinition(definition);
    assert.equal(resolved.env.OPENPAYMENTS_CLIENT_SECRET, 'secret-never-listed');

    let fired = 0;
    provider.onDidChangeMcpServerDefinitions(() => fired++);
    state = stateOf('production');
    changed.fire(state);
    assert.equal(fired, 1);
    assert.deepEqual(provider.provideMcpServerDefinitions(), [], 'never offered for production');
    state = stateOf('sandbox');
    fs.rmSync(path.join(extensionPath, 'dist', 'mcp.js'));
    assert.deepEqual(provider.provideMcpServerDefinitions(), [], 'not offered where dist/mcp.js is not installed');
    provider.dispose();
  });
});

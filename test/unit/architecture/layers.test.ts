// The layered house, checked on the source's import graph: every import of every file in src/ and sandbox/,
// type-only ones included (a type cycle is still a cycle, and an upward type import still couples the layers).
// The extension's bundle is checked on the graph esbuild sees when it bundles the extension.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';

type Graph = ReadonlyMap<string, readonly string[]>;

/**
 * The house: the client (no vscode) at the bottom, the VS Code host adapters on it, the features on both, and
 * extension.ts with the test handle on top. A feature never imports another feature: they meet through the
 * host's stores and events and through command ids, so each feature folder can be read, and changed, alone.
 */
type Room = { layer: number; feature?: string };
const LAYERS: readonly (readonly [number, RegExp])[] = [
  [0, /^src\/client\//],
  [1, /^src\/host\//],
  [2, /^src\/features\/[^/]+\//],
  [3, /^src\/(extension|testApi)\.ts$/],
];
const FIRST_VSCODE_LAYER = 1;
/**
 * The client's one face: what the sandbox, the MCP server and the bench build on. The sandbox stands in for the
 * platform, so it may share the client (no vscode, no host) and only through this face.
 *
 * The extension itself (host, features, extension.ts) does NOT import the face: it imports the client modules it
 * needs. The face re-exports the HTTP core, and one static import of it from the extension put undici and
 * openid-client into the activation bundle: dist/extension.js went from 185 KB to 504 KB (`node esbuild.js
 * --production --only=extension`, with only the 14 catalogue imports of host and features moved to the face),
 * where they belong in dist/lazy.js, loaded by the first request. The sandbox's build (and the tests' build) declare
 * the client free of side effects (esbuild.js, clientWithoutSideEffects), so the sandbox bundles only the catalogue
 * and text rules it uses.
 */
const CLIENT_FACE = 'src/client/index.ts';
/** The stdio MCP server (issue 14): a program of its own on the client's face, never imported by the extension. */
const MCP_DIR = 'src/mcp/';

function roomOf(file: string): Room {
  const found = LAYERS.find(([, pattern]) => pattern.test(file));
  if (!found) throw new Error(`${file} is in no layer; put it under src/client, src/host or src/features/<feature>`);
  return { layer: found[0], feature: /^src\/features\/([^/]+)\//.exec(file)?.[1] };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.posix.join(entry.parentPath.split(path.sep).join('/'), entry.name));
}

/** A relative specifier as the file it names (as esbuild and tsc resolve it), or the bare specifier. */
function resolveImport(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [`${base}.ts`, `${base}/index.ts`, base];
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? base;
}

/** Every import, export-from, `import type` and dynamic import() of each .ts file under these folders. */
function sourceGraph(dirs: readonly string[]): Graph {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap(sourceFiles)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    graph.set(file, info.importedFiles.map((imported) => resolveImport(file, imported.fileName)));
  }
  return graph;
}

function layerViolations(graph: Graph): string[] {
  const violations: string[] = [];
  for (const [file, imports] of graph) {
    if (file.startsWith('sandbox/')) {
      for (const target of imports) if (target.startsWith('src/') && target !== CLIENT_FACE) violations.push(`${file} (sandbox) imports ${target}, not the client's face ${CLIENT_FACE}`);
      continue;
    }
    // The MCP server stands beside the extension on the client, like the sandbox: its own files and the face only.
    if (file.startsWith(MCP_DIR)) {
      for (const target of imports) {
        if (target === 'vscode') violations.push(`${file} (MCP server) imports vscode`);
        else if (target.startsWith('src/') && !target.startsWith(MCP_DIR) && target !== CLIENT_FACE) violations.push(`${file} (MCP server) imports ${target}, not the client's face ${CLIENT_FACE}`);
      }
      continue;
    }
    const room = roomOf(file);
    for (const target of imports) {
      if (target === CLIENT_FACE && file !== CLIENT_FACE) {
        violations.push(`${file} imports the client's face; the extension imports the client module it needs, so the HTTP core stays out of the activation bundle`);
        continue;
      }
      if (target === 'vscode') {
        if (room.layer < FIRST_VSCODE_LAYER) violations.push(`${file} (layer ${room.layer}) imports vscode`);
        continue;
      }
      if (!target.startsWith('src/')) continue;
      if (target.startsWith(MCP_DIR)) {
        violations.push(`${file} imports ${target}; the MCP server is a separate program`);
        continue;
      }
      const other = roomOf(target);
      if (other.layer > room.layer) violations.push(`${file} (layer ${room.layer}) imports ${target} (layer ${other.layer})`);
      else if (room.feature && other.feature && other.feature !== room.feature) violations.push(`${file} (feature ${room.feature}) imports ${target} (feature ${other.feature})`);
    }
  }
  return violations;
}

function importCycles(graph: Graph): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      cycles.push([...stack.slice(stack.indexOf(file)), file].join(' -> '));
      return;
    }
    state.set(file, 'visiting');
    stack.push(file);
    for (const target of graph.get(file) ?? []) if (graph.has(target)) visit(target);
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

async function bundledFiles(): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    external: ['vscode'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('architecture', function () {
  this.timeout(20_000);
  let graph: Graph;
  before(() => {
    graph = sourceGraph(['src', 'sandbox']);
  });

  it('reads the whole source: every file of src/ and sandbox/, with its type-only imports', () => {
    assert.ok(graph.has('src/extension.ts') && graph.has('sandbox/index.ts') && graph.has(CLIENT_FACE));
    // A type-only import the bundler drops must still be an edge here.
    assert.ok(graph.get('src/client/http/apiClient.ts')?.includes('src/client/http/tokenSource.ts'));
  });

  it('keeps the client free of vscode, no layer importing a higher one, features apart, and the sandbox on the client\'s face', () => {
    assert.deepEqual(layerViolations(graph), []);
  });

  it('has no import cycles in src/ or sandbox/, type-only imports included', () => {
    assert.deepEqual(importCycles(graph), []);
  });

  it('would see an upward import, a vscode import in the client, a feature importing another, the sandbox past the face, the extension on the face, and a cycle', () => {
    const bad: Graph = new Map([
      ['src/client/http/apiClient.ts', ['src/host/requestRunner.ts']],
      ['src/host/requestRunner.ts', ['src/features/requests/sendRequest/sendRequestCommand.ts']],
      ['src/client/sca/scaFlow.ts', ['vscode']],
      ['src/features/banks/banksTree.ts', ['src/features/consents/consentsTree.ts', 'src/features/banks/bankCommands.ts', 'src/host/logger.ts']],
      ['sandbox/api/sca.ts', ['src/host/logger.ts', 'src/client/catalogue/catalogue.ts', 'src/client/index.ts']],
      ['src/features/banks/bankCommands.ts', ['src/client/index.ts', 'src/client/catalogue/catalogue.ts']],
      ['src/mcp/server.ts', ['src/client/index.ts', 'src/mcp/config.ts', 'src/client/http/apiClient.ts', 'vscode']],
      ['src/host/host.ts', ['src/mcp/server.ts']],
      ['sandbox/data/types.ts', ['sandbox/data/paymentStatuses.ts']],
      ['sandbox/data/paymentStatuses.ts', ['sandbox/data/types.ts']],
    ]);
    assert.deepEqual(layerViolations(bad), [
      'src/client/http/apiClient.ts (layer 0) imports src/host/requestRunner.ts (layer 1)',
      'src/host/requestRunner.ts (layer 1) imports src/features/requests/sendRequest/sendRequestCommand.ts (layer 2)',
      'src/client/sca/scaFlow.ts (layer 0) imports vscode',
      'src/features/banks/banksTree.ts (feature banks) imports src/features/consents/consentsTree.ts (feature consents)',
      'sandbox/api/sca.ts (sandbox) imports src/host/logger.ts, not the client\'s face src/client/index.ts',
      'sandbox/api/sca.ts (sandbox) imports src/client/catalogue/catalogue.ts, not the client\'s face src/client/index.ts',
      'src/features/banks/bankCommands.ts imports the client\'s face; the extension imports the client module it needs, so the HTTP core stays out of the activation bundle',
      'src/mcp/server.ts (MCP server) imports src/client/http/apiClient.ts, not the client\'s face src/client/index.ts',
      'src/mcp/server.ts (MCP server) imports vscode',
      'src/host/host.ts imports src/mcp/server.ts; the MCP server is a separate program',
    ]);
    assert.deepEqual(importCycles(bad), ['sandbox/data/types.ts -> sandbox/data/paymentStatuses.ts -> sandbox/data/types.ts']);
  });

  it('bundles no test code and nothing of the sandbox into the extension', async () => {
    const offenders = (await bundledFiles()).filter((file) => file.startsWith('test/') || file.startsWith('sandbox/'));
    assert.deepEqual(offenders, []);
  });
});

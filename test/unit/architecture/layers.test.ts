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
 * Lower layers may not import higher ones; layers up to FIRST_VSCODE_LAYER - 1 may not import vscode.
 * The HTTP contract (api) sits below the auth code that implements its TokenSource; the features' pure
 * logic sits on both; views sit below the commands that open and refresh them.
 */
const LAYERS: readonly (readonly [number, RegExp])[] = [
  [0, /^src\/core\//],
  [1, /^src\/api\//],
  [2, /^src\/auth\//],
  [3, /^src\/(consents|history|payments|sca)\//],
  [4, /^src\/platform\//],
  [5, /^src\/views\//],
  [6, /^src\/commands\//],
  [7, /^src\/(extension|testApi)\.ts$/],
];
const FIRST_VSCODE_LAYER = 4;
/** The sandbox stands in for the platform; it may share the extension's pure core and API description only. */
const SANDBOX_MAY_IMPORT = /^src\/(core|api)\//;

function layerOf(file: string): number {
  const found = LAYERS.find(([, pattern]) => pattern.test(file));
  if (!found) throw new Error(`${file} is in no layer; add its folder to LAYERS`);
  return found[0];
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
      for (const target of imports) if (target.startsWith('src/') && !SANDBOX_MAY_IMPORT.test(target)) violations.push(`${file} (sandbox) imports ${target}`);
      continue;
    }
    const layer = layerOf(file);
    for (const target of imports) {
      if (target === 'vscode') {
        if (layer < FIRST_VSCODE_LAYER) violations.push(`${file} (layer ${layer}) imports vscode`);
      } else if (target.startsWith('src/') && layerOf(target) > layer) {
        violations.push(`${file} (layer ${layer}) imports ${target} (layer ${layerOf(target)})`);
      }
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
    assert.ok(graph.has('src/extension.ts') && graph.has('sandbox/index.ts'));
    // A type-only import the bundler drops must still be an edge here.
    assert.ok(graph.get('src/api/http/apiClient.ts')?.includes('src/api/http/tokenSource.ts'));
  });

  it('keeps platform logic free of vscode, lower layers free of higher ones, and the sandbox on core and api', () => {
    assert.deepEqual(layerViolations(graph), []);
  });

  it('has no import cycles in src/ or sandbox/, type-only imports included', () => {
    assert.deepEqual(importCycles(graph), []);
  });

  it('would see an upward import, a vscode import below the adapters, and a cycle', () => {
    const bad: Graph = new Map([
      ['src/api/http/apiClient.ts', ['src/auth/tokens/tokenError.ts']],
      ['src/views/historyTree.ts', ['src/commands/historyCommands.ts']],
      ['src/sca/scaFlow.ts', ['vscode']],
      ['sandbox/api/sca.ts', ['src/platform/logger.ts']],
      ['sandbox/data/types.ts', ['sandbox/data/paymentStatuses.ts']],
      ['sandbox/data/paymentStatuses.ts', ['sandbox/data/types.ts']],
    ]);
    assert.deepEqual(layerViolations(bad), [
      'src/api/http/apiClient.ts (layer 1) imports src/auth/tokens/tokenError.ts (layer 2)',
      'src/views/historyTree.ts (layer 5) imports src/commands/historyCommands.ts (layer 6)',
      'src/sca/scaFlow.ts (layer 3) imports vscode',
      'sandbox/api/sca.ts (sandbox) imports src/platform/logger.ts',
    ]);
    assert.deepEqual(importCycles(bad), ['sandbox/data/types.ts -> sandbox/data/paymentStatuses.ts -> sandbox/data/types.ts']);
  });

  it('bundles no test code and nothing of the sandbox into the extension', async () => {
    const offenders = (await bundledFiles()).filter((file) => file.startsWith('test/') || file.startsWith('sandbox/'));
    assert.deepEqual(offenders, []);
  });
});

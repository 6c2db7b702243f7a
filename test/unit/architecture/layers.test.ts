// The layered house, checked on the real import graph that esbuild sees when it bundles the extension.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';

/** Lower layers may not import higher ones; layer 0 (platform logic) may not import vscode. */
function layerOf(file: string): number {
  if (/^src\/(core|api|auth|consents|history|payments|sca)\//.test(file)) return 0;
  if (file.startsWith('src/platform/')) return 1;
  if (/^src\/(views|commands)\//.test(file)) return 2;
  if (file === 'src/extension.ts' || file === 'src/testApi.ts') return 3;
  throw new Error(`${file} is in no layer; add its folder to layerOf()`);
}

async function importGraph(): Promise<Map<string, string[]>> {
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
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    graph.set(file, input.imports.map((i) => i.path));
  }
  return graph;
}

describe('architecture', function () {
  this.timeout(20_000);
  let graph: Map<string, string[]>;
  before(async () => {
    graph = await importGraph();
  });

  it('keeps platform logic free of vscode and lower layers free of higher ones', () => {
    const violations: string[] = [];
    for (const [file, imports] of graph) {
      const layer = layerOf(file);
      for (const target of imports) {
        if (target === 'vscode') {
          if (layer === 0) violations.push(`${file} imports vscode`);
        } else if (target.startsWith('src/') && layerOf(target) > layer) {
          violations.push(`${file} (layer ${layer}) imports ${target} (layer ${layerOf(target)})`);
        }
      }
    }
    assert.deepEqual(violations, []);
  });

  it('has no import cycles', () => {
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
    assert.deepEqual(cycles, []);
  });

  it('bundles no test code and nothing of the sandbox into the extension', () => {
    const offenders = [...graph.keys()].filter((file) => file.startsWith('test/') || file.startsWith('sandbox/'));
    assert.deepEqual(offenders, []);
  });
});

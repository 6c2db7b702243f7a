// Size of the production bundle and what fills it (from the esbuild metafile written next to it).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);

/** "undici" for node_modules/undici/lib/x.js, "src/api" for src/api/http/x.ts. */
function packageOf(input) {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (inModules) return inModules[1];
  return input.split('/').slice(0, 2).join('/');
}

export async function buildProduction(root) {
  await run(process.execPath, ['esbuild.js', '--production', '--only=extension'], { cwd: root });
}

export function measureSizes(root) {
  const file = path.join(root, 'dist/extension.js');
  const bytes = fs.readFileSync(file);
  const meta = JSON.parse(fs.readFileSync(path.join(root, 'dist/extension.meta.json'), 'utf8'));
  const output = Object.values(meta.outputs).find((o) => o.entryPoint === 'src/extension.ts');
  const byPackage = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return {
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes).length,
    parts: [...byPackage].sort((a, b) => b[1] - a[1]).map(([name, size]) => ({ name, bytes: size })),
  };
}

/**
 * The production bundle with `packages` left out (required at run time instead), to show what parsing them
 * costs at activation even when their code never runs. Written under out/bench, so node_modules resolves.
 */
export async function buildWithout(root, packages) {
  const esbuild = await import('esbuild');
  const outfile = path.join(root, 'out/bench', `extension-without-${packages.join('-')}.js`);
  await esbuild.build({
    entryPoints: [path.join(root, 'src/extension.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    external: ['vscode', ...packages],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

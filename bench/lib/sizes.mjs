// Size of the production bundle and what fills it (from the esbuild metafile written next to it).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);

/** "undici" for node_modules/undici/lib/x.js, "src/client" for src/client/http/x.ts. */
function packageOf(input) {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (inModules) return inModules[1];
  return input.split('/').slice(0, 2).join('/');
}

export async function buildProduction(root) {
  await run(process.execPath, ['esbuild.js', '--production', '--only=extension'], { cwd: root });
}

/** `name` is a bundle in dist/ with its metafile beside it: "extension" or "lazy". */
export function measureSizes(root, name = 'extension') {
  const file = path.join(root, `dist/${name}.js`);
  const bytes = fs.readFileSync(file);
  const meta = JSON.parse(fs.readFileSync(path.join(root, `dist/${name}.meta.json`), 'utf8'));
  const output = meta.outputs[`dist/${name}.js`];
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

/** Packs the VSIX with `npm run package`'s own script (production bundles, the README with its pictures inline). */
export async function measureVsix(root) {
  await run(process.execPath, [path.join(root, 'scripts/package.mjs')], { cwd: root });
  const out = path.join(root, 'out/open-payments-vscode.vsix');
  const bytes = fs.statSync(out).size;
  const listing = (await run('unzip', ['-l', out])).stdout;
  const files = listing.trim().split('\n').slice(3, -2).map((line) => line.trim().split(/\s+/).slice(3).join(' '));
  return { bytes, files };
}

// Bundles modules of today's source for a bench script and imports them, so a bench never measures a stale
// dist/. The bundle is written under out/bench/, inside the repo, so bare imports (undici, openid-client)
// resolve to node_modules.
import esbuild from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** `lines` are `export … from './src/…'` statements relative to the repo root; `alias` as esbuild's. */
export async function loadSource(root, name, lines, { alias } = {}) {
  const outfile = path.join(root, 'out/bench', `${name}.mjs`);
  await esbuild.build({
    stdin: { contents: lines.join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    ...(alias ? { alias } : {}),
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

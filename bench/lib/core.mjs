// Bundles the pure HTTP core from src/ so the bench measures today's source, not a stale dist.
import esbuild from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadCore(root) {
  // out/ lies inside the repo, so the bundle's bare imports (undici, openid-client) resolve to node_modules.
  const outfile = path.join(root, 'out/bench/client-core.mjs');
  await esbuild.build({
    stdin: {
      contents: [
        "export * from './src/api/http/index.ts';",
        "export * from './src/auth/tokens/index.ts';",
        "export { findOperation } from './src/api/catalogue.ts';",
        "export { Redactor } from './src/core/redaction.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

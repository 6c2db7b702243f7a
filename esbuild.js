// Builds every bundle the project runs. `node esbuild.js [--production] [--watch] [--only=a,b]`
// - extension:   src/extension.ts -> dist/extension.js (CJS, what VS Code loads; minified with --production)
// - sandbox:     sandbox/{cli,index}.ts -> dist/sandbox/*.mjs (ESM; never part of the extension bundle)
// - tests:       test/{unit,sandbox}/**/*.test.ts -> out/test/**.test.mjs, with `vscode` aliased to a small fake
// - integration: test/integration/{index,afterReload}.ts -> out/integration/*.js (CJS, loaded by the real extension host)
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;

function findFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith(suffix))
    .sort();
}

const nodeBase = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', metafile: true };

const builds = {
  extension: () => ({
    ...nodeBase,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    format: 'cjs',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
  }),
  sandbox: () => ({
    ...nodeBase,
    entryPoints: ['sandbox/cli.ts', 'sandbox/index.ts'].filter((f) => fs.existsSync(f)),
    outdir: 'dist/sandbox',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
    sourcemap: true,
  }),
  tests: () => ({
    ...nodeBase,
    entryPoints: [...findFiles('test/unit', '.test.ts'), ...findFiles('test/sandbox', '.test.ts')],
    outdir: 'out/test',
    outbase: 'test',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
    alias: { vscode: path.resolve('test/unit/fakes/vscode.ts') },
    sourcemap: 'inline',
  }),
  integration: () => ({
    ...nodeBase,
    entryPoints: ['test/integration/index.ts', 'test/integration/afterReload.ts'],
    outdir: 'out/integration',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
  }),
};

async function main() {
  const selected = Object.keys(builds).filter((name) => !only || only.has(name));
  for (const name of selected) {
    const options = builds[name]();
    if (options.entryPoints.length === 0) continue;
    if (watch) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
      console.log(`esbuild: watching ${name}`);
    } else {
      const result = await esbuild.build(options);
      if (name === 'extension') {
        fs.writeFileSync('dist/extension.meta.json', JSON.stringify(result.metafile));
      }
    }
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});

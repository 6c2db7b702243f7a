// Builds every bundle the project runs. `node esbuild.js [--production] [--watch] [--only=a,b]`
// - extension:   src/extension.ts -> dist/extension.js (CJS, what VS Code loads; minified with --production)
//                and dist/lazy.js: the modules it imports on demand (see lazyChunkPlugin)
// - sandbox:     sandbox/{cli,index}.ts -> dist/sandbox/*.mjs (ESM; never part of the extension bundle)
// - tests:       test/{unit,sandbox}/**/*.test.ts -> out/test/**.test.mjs, with `vscode` aliased to a small fake
// - integration: test/integration/{index,afterReload}.ts -> out/integration/*.js (CJS, loaded by the real extension host)
// - mcp:         src/mcp/main.ts -> dist/mcp.js (CJS, minified: the stdio MCP server, `npm run mcp` and the package's bin;
//                after `extension`: it loads its non-SDK half from dist/lazy.js)
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

// On demand: every `await import('./x')` of our own source in the extension is served from dist/lazy.js, a
// second bundle of those modules, instead of being parsed at activation (the HTTP core with undici, openid-client,
// the loopback listener, the SCA flow, webview rendering). Each import site gets a stub that requires the chunk
// on first use and takes its module's namespace (`m0`, `m1`, ...), so export names can never collide.
// Modules that both bundles import are copied into each; state is passed across as objects, never shared
// through module scope.
function lazyChunkPlugin(targets) {
  return {
    name: 'lazy-chunk',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind !== 'dynamic-import' || args.namespace !== 'file') return undefined;
        const base = path.resolve(args.resolveDir, args.path);
        const file = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
        if (!file) return undefined;
        if (!targets.includes(file)) targets.push(file);
        return { path: file, namespace: 'lazy-stub' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-stub' }, (args) => ({
        contents: `module.exports = require('./lazy.js').m${targets.indexOf(args.path)}();`,
        loader: 'js',
      }));
      build.onResolve({ filter: /^\.\/lazy\.js$/, namespace: 'lazy-stub' }, () => ({ path: './lazy.js', external: true }));
    },
  };
}

// The MCP server's client half (src/mcp/core.ts) is served from dist/lazy.js too, which carries the client core
// already: dist/mcp.js is then only the protocol and the stdio transport (src/mcp), a few KB.
const MCP_CORE = path.join(__dirname, 'src', 'mcp', 'core.ts');
const mcpCoreFromChunk = {
  name: 'mcp-core-from-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\/core$/ }, (args) => (path.join(args.resolveDir, 'core.ts') === MCP_CORE ? { path: MCP_CORE, namespace: 'mcp-core' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'mcp-core' }, () => ({ contents: `module.exports = require('./lazy.js').mcpCore();`, loader: 'js' }));
    build.onResolve({ filter: /^\.\/lazy\.js$/, namespace: 'mcp-core' }, () => ({ path: './lazy.js', external: true }));
  },
};

// undici carries its HTTP parser twice, as SIMD and as plain WebAssembly (72 KB of base64 each), and falls back
// to the plain one where SIMD is missing. The plain one runs everywhere, so only it is shipped: it keeps the VSIX
// under its 200 KB budget, and parsing the platform's small responses does not need SIMD.
const plainLlhttp = {
  name: 'plain-llhttp',
  setup(build) {
    build.onResolve({ filter: /llhttp_simd-wasm\.js$/ }, (args) => ({ path: path.join(args.resolveDir, path.dirname(args.path), 'llhttp-wasm.js') }));
  },
};

// Two undici paths the transport never takes, left out of dist/lazy.js (~50 KB minified): HTTP/2 (undici only
// speaks it when a dispatcher sets allowH2, which ours never do: ALPN then offers http/1.1 alone) and FormData
// request bodies (the only use undici's HTTP/1 client has for its fetch implementation's body code; ours are
// strings). Each stand-in says so if it is ever reached rather than failing obscurely.
const withoutUnusedUndici = {
  name: 'without-unused-undici',
  setup(build) {
    const stand = { 'client-h2.js': 'HTTP/2', 'body.js': 'FormData request bodies' };
    build.onResolve({ filter: /(^|\/)(client-h2|web\/fetch\/body)\.js$/ }, (args) =>
      args.resolveDir.includes(`${path.sep}undici${path.sep}`) ? { path: path.basename(args.path), namespace: 'without-undici-part' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'without-undici-part' }, (args) => {
      const message = JSON.stringify(`This build of undici has no ${stand[args.path]} (esbuild.js, withoutUnusedUndici).`);
      return {
        contents: args.path === 'body.js' ? `exports.extractBody = () => { throw new Error(${message}); };` : `module.exports = () => { throw new Error(${message}); };`,
        loader: 'js',
      };
    });
  },
};

// The sandbox imports the client through its one face (src/client/index.ts), which also re-exports the HTTP core.
// The client's modules do nothing when imported, and saying so lets esbuild leave out every module whose exports
// the sandbox does not use: without it the sandbox (run by `npm start` and, in process, by the sandbox tests) would
// load undici and openid-client at start, about 200 ms more.
function clientWithoutSideEffects() {
  const clientDir = path.join(__dirname, 'src', 'client') + path.sep;
  return {
    name: 'client-without-side-effects',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const base = path.resolve(args.resolveDir, args.path);
        const file = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => f.startsWith(clientDir) && fs.existsSync(f));
        return file ? { path: file, sideEffects: false } : undefined;
      });
    },
  };
}

// Both bundles: CJS for the Node extension host; dynamic imports become require() so the chunk loads
// through the same module system as the extension.
const extensionBase = (outfile) => ({
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  metafile: true,
  outfile,
  format: 'cjs',
  external: ['vscode'],
  supported: { 'dynamic-import': false },
  // openid-client and oauth4webapi read the global `navigator` once, when they load, to choose their User-Agent
  // (their own unless it is a browser's). VS Code 1.139's extension host answers that read with a deprecation
  // warning and a stack naming dist/lazy.js in the user's Extension Host log. Node's navigator is no browser,
  // so they choose their own User-Agent either way; as undefined, nothing is read and nothing logged.
  define: { navigator: 'undefined' },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
});

const nodeBase = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', metafile: true };

const builds = {
  // Builds dist/extension.js, then dist/lazy.js from the modules it imports on demand.
  extension: () => {
    const targets = [];
    return [
      { ...extensionBase('dist/extension.js'), entryPoints: ['src/extension.ts'], plugins: [lazyChunkPlugin(targets)] },
      () => ({
        ...extensionBase('dist/lazy.js'),
        plugins: [plainLlhttp, withoutUnusedUndici],
        stdin: {
          // Each module is evaluated on its first use, not when the chunk loads: the MCP server loads this chunk
          // in plain Node, where the modules that import `vscode` must stay unevaluated.
          contents: [
            ...targets.map((file, i) => `export const m${i} = () => require(${JSON.stringify(file)});`),
            `export const mcpCore = () => require(${JSON.stringify(MCP_CORE)});`,
          ].join('\n'),
          resolveDir: __dirname,
          sourcefile: 'lazy-chunk.ts',
          loader: 'ts',
        },
      }),
    ];
  },
  sandbox: () => ({
    ...nodeBase,
    entryPoints: ['sandbox/cli.ts', 'sandbox/index.ts'].filter((f) => fs.existsSync(f)),
    outdir: 'dist/sandbox',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    plugins: [clientWithoutSideEffects()],
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
    plugins: [clientWithoutSideEffects()],
  }),
  integration: () => ({
    ...nodeBase,
    entryPoints: ['test/integration/index.ts', 'test/integration/afterReload.ts'],
    outdir: 'out/integration',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
  }),
  mcp: () => ({
    ...nodeBase,
    entryPoints: ['src/mcp/main.ts'],
    outfile: 'dist/mcp.js',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
    define: { MCP_VERSION: JSON.stringify(require('./package.json').version) },
    plugins: [mcpCoreFromChunk],
  }),
};

async function main() {
  // dist/mcp.js loads its client half from dist/lazy.js, so building it alone would pair it with a stale chunk.
  const selected = Object.keys(builds).filter((name) => !only || only.has(name) || (name === 'extension' && only.has('mcp')));
  for (const name of selected) {
    // A build is one options object, or a list whose later entries are made after the earlier ones ran.
    const steps = [builds[name]()].flat();
    for (const step of steps) {
      const options = typeof step === 'function' ? step() : step;
      if (options.entryPoints?.length === 0) continue;
      if (watch) {
        const ctx = await esbuild.context(options);
        await ctx.watch();
        console.log(`esbuild: watching ${options.outfile ?? name}`);
      } else {
        const result = await esbuild.build(options);
        if (name === 'extension') {
          fs.writeFileSync(options.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(result.metafile));
        }
      }
    }
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});

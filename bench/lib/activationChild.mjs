// One cold activation, in a fresh process: require dist/extension.js with a stub `vscode`, run activate(),
// and print what it cost as JSON (a bundle without activate(), like dist/lazy.js, is required and its modules evaluated). With --coverage it also reports which bundled modules ran.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { createContext, createStub } from './vscodeStub.mjs';

const bundle = path.resolve(process.argv[2]);
const withCoverage = process.argv.includes('--coverage');
const preloadBuiltins = process.argv.includes('--host-builtins');
const HOST_BUILTINS = ['node:crypto', 'node:fs', 'node:fs/promises', 'node:path', 'node:os', 'node:net', 'node:http', 'node:https', 'node:url'];

async function main() {
  const session = withCoverage ? await startCoverage() : undefined;
  const stub = createStub();
  const requested = new Set();
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return stub;
    requested.add(request);
    return load.call(this, request, ...rest);
  };
  const unhandled = [];
  process.on('unhandledRejection', (reason) => unhandled.push(String(reason?.message ?? reason)));

  if (preloadBuiltins) {
    // VS Code's extension host has these loaded before any extension runs (its IPC, proxy support and
    // UUIDs use them), so in that row the extension is not charged for them.
    const require = createRequire(import.meta.url);
    for (const name of HOST_BUILTINS) require(name);
  }
  globalThis.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const began = process.hrtime.bigint();
  const extension = createRequire(import.meta.url)(bundle);
  const required = process.hrtime.bigint();
  if (extension.activate) extension.activate(createContext());
  // dist/lazy.js evaluates each module on its first use (mN()); the first request's cost is all of them, as when
  // the chunk evaluated everything on load.
  else for (const [name, load] of Object.entries(extension)) if (/^m\d+$/.test(name) && typeof load === 'function') load();
  const activated = process.hrtime.bigint();
  // Work that activate() starts but does not await (refreshing context keys) belongs to activation too.
  await new Promise((resolve) => setTimeout(resolve, 50));
  globalThis.gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const result = {
    requireMs: Number(required - began) / 1e6,
    activateMs: Number(activated - required) / 1e6,
    heapAddedBytes: heapAfter - heapBefore,
    requested: [...requested].sort(),
    unhandled,
    ...(session ? { ran: await bundledModulesThatRan(session) } : {}),
  };
  process.stdout.write(JSON.stringify(result));
}

async function startCoverage() {
  const inspector = await import('node:inspector/promises');
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  return session;
}

/**
 * esbuild wraps every module it may initialise lazily (CommonJS, and ESM reached through require() or
 * import()) in a function named after its path; a wrapper that was called means that module ran.
 */
async function bundledModulesThatRan(session) {
  const { result } = await session.post('Profiler.takePreciseCoverage');
  const script = result.find((entry) => entry.url.endsWith(path.basename(bundle)));
  const ran = new Set();
  for (const fn of script?.functions ?? []) {
    if (/^(node_modules|src)\/.+\.[cm]?[jt]s$/.test(fn.functionName) && fn.ranges[0]?.count > 0) ran.add(fn.functionName);
  }
  return [...ran].sort();
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});

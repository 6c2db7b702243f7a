// npm run bench: one report on what the extension costs at run time. A measurement, never a test: it
// prints numbers and fails only when something cannot run at all.
// Usage: node bench/run.mjs [--only=overhead,tokens,memory,activation,size,subreports,workbench] [--calls=1000] [--memory-runs=3]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { modulesRunAtActivation, timeActivation } from './lib/activation.mjs';
import { arg } from './lib/args.mjs';
import { loadCore } from './lib/core.mjs';
import { measureCoreCpu } from './lib/coreCpu.mjs';
import { measureBodyMemory } from './lib/memory.mjs';
import { measureOverhead } from './lib/overhead.mjs';
import { startSandboxProcess } from './lib/sandboxProcess.mjs';
import { buildProduction, measureSizes, measureVsix } from './lib/sizes.mjs';
import { kib, ms, table, us } from './lib/table.mjs';
import { measureColdTokens } from './lib/tokens.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
const only = arg('only')?.split(',');
const wanted = (section) => !only || only.includes(section);
const CALLS = Number(arg('calls') ?? 1000);
const MEMORY_RUNS = Number(arg('memory-runs') ?? 3);

const HOW_TO_READ = `Open Payments extension bench (numbers, not a test)

How to read:
- (a) Request overhead: ${CALLS} sequential GETs per endpoint through the extension's HTTP core (ApiClient:
  validation, headers, token cache, X-Request-ID, retry bookkeeping, masked Exchange) vs a bare undici
  request with the same bearer token and headers, to the same local sandbox endpoint. Medians of each side;
  ratio = core / raw (issue target <= 1.10). Raw and core calls alternate one by one (order swapped each
  time) so load and drift hit both, after 1,000 warm-up pairs per row (V8 re-optimises the core for each
  endpoint's shapes); "paired overhead" is the median of per-pair differences. The sandbox
  runs in its own process. The exchange masks its fields on first read, so each endpoint has a row for
  send() alone and one that also reads exchange.json (which masks the body), as the raw side parses it.
  "core CPU" is send() with a canned response and no network (hot loop; process CPU time, median of 5 rounds).
- (b) Token requests: a fresh core, N concurrent calls on a cold token cache against the sandbox's real
  OpenID provider; 1 token request per scope means concurrent callers share one request.
- (f) Memory per response body: one GET through the HTTP core while the sandbox streams an N MB JSON array
  (huge-body fault, chunked), each run in a fresh Node process, the sandbox in another; peak growth over the
  baseline (after a GC), sampled every 2 ms: RSS, V8 heap used, external (Buffers, off the JS heap) and the
  two together. "limit" is openPayments.http.maxResponseBodyMB (default 20): past it the body streams,
  masked, to a temporary file and only a preview stays in memory; until then its bytes are held, so a body
  over the limit peaks at the limit plus what streaming adds. Issue target for such bodies: growth <= 2x the
  limit. Rows are warm: before the baseline the process streamed one 24 MB body to a file over a 1 MB limit,
  which pays once what any extension host pays on its first large response (V8 recompiling undici's
  WebAssembly HTTP parser once it is hot: ~2 s and 24-30 MB of compiler memory per compile on worker threads,
  which glibc keeps). "cold RSS growth" is one fresh process without that warm-up. Median of --memory-runs processes (max in brackets).
  "none" is the client without a limit, as it was before (300 MB is not run that way: ~0.9 GB).
- (c) Activation: require(dist/extension.js) + activate() with a stub vscode, median of fresh processes;
  heap = heapUsed growth after GC; "ran" = lazily wrapped bundle modules whose code executed. Row 1 also pays
  for loading Node builtins (node:crypto alone is ~4 ms cold, ~18 ms right after a GC); row 2 preloads the
  builtins VS Code's extension host already has. Row 3 is dist/lazy.js (undici, openid-client, the HTTP
  core, the loopback listener, the SCA flow, the QR code), which the first request loads, not activation. Issue target: load + activate <= 20 ms, <= 3 MB heap.
- (d) Size of the production bundles (node esbuild.js --production --only=extension), what fills them, and
  of the VSIX packed from them as npm run package does (issue targets: bundle <= 400 KB, VSIX <= 300 KB).
- (e) Sub-reports of bench/render.mjs, bench/tree.mjs (expanding a country among 3,000 banks vs raw fetch + parse)
  and bench/sandbox.mjs, when those scripts exist.
- (f) The real workbench, as the last UI journey (test/ui/journey.test.mjs, run by npm run test:ui) recorded it
  in test-artifacts/ui-timings.json; this bench does not start a workbench itself. "Active after workbench start
  without use" is read from code-server's extension-host log once startup finished (issue target: no). "in the
  page" runs from the pointer (or key) going down in the workbench to the DOM change that first shows the result,
  both on the browser's clock (issue target <= 300 ms on the local sandbox); "seen by Playwright" is the same
  click timed from the test's side, which adds Playwright's actionability checks and polling. Both on the machine
  and load average printed with them.
`;

function machine() {
  const cpus = os.cpus();
  return `machine: ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `${os.platform()} ${os.release()}, node ${process.version}`;
}

function section(title) {
  console.log(`\n== ${title}`);
}

async function overheadAndTokens(core) {
  await run(process.execPath, ['esbuild.js', '--only=sandbox'], { cwd: root });
  const sandbox = await startSandboxProcess(root);
  try {
    if (wanted('overhead')) {
      section(`(a) request overhead vs raw undici, ${CALLS} sequential calls each`);
      const rows = await measureOverhead({ core, sandbox, calls: CALLS });
      console.log(
        table(
          ['endpoint', 'body', 'core side', 'raw median', 'core median', 'overhead', 'paired overhead', 'ratio'],
          rows.map((r) => [r.name, kib(r.bytes), r.core, us(r.rawUs), us(r.clientUs), us(r.overheadUs), us(r.pairedUs), r.ratio.toFixed(2)]),
        ),
      );
      const cpu = await measureCoreCpu({ core });
      console.log(`core CPU per send() with a canned ${kib(cpu.bodyBytes)} response (no network): ${cpu.usPerCall.toFixed(1)} µs`);
    }
    if (wanted('tokens')) {
      section('(b) token requests for concurrent calls on a cold cache (sandbox OpenID provider)');
      const rows = await measureColdTokens({ core, sandbox });
      console.log(
        table(
          ['calls', 'operation (scope)', 'answered', 'token requests', 'wall'],
          rows.map((r) => [r.calls, r.name, r.answered, r.tokenRequests, ms(r.ms)]),
        ),
      );
    }
    if (wanted('memory')) {
      section('(f) client memory per response body size (sandbox huge-body fault)');
      const limitMb = 20;
      const rows = await measureBodyMemory({ root, sandbox, sizesMb: [10, 50, 300], limitMb, unboundedUpToMb: 50, runs: MEMORY_RUNS });
      const range = (m) => (m.median === m.max ? mib(m.median) : `${mib(m.median)} (max ${mib(m.max)})`);
      console.log(
        table(
          ['body', 'limit', 'to file', 'runs', 'RSS growth', 'heap growth', 'external growth', 'heap+external growth', 'cold RSS growth', 'time'],
          rows.map((r) => [
            `${r.sizeMb} MB`,
            r.limitMb ? `${r.limitMb} MB` : 'none',
            r.spilled ? 'yes' : 'no',
            r.runs,
            range(r.rss),
            range(r.heap),
            range(r.external),
            range(r.heapAndExternal),
            r.coldRss === undefined ? '-' : mib(r.coldRss),
            ms(r.ms),
          ]),
        ),
      );
      const over = rows.filter((r) => r.limitMb && r.spilled);
      const bound = 2 * limitMb * 2 ** 20;
      const worstRss = Math.max(...over.map((r) => r.rss.max));
      const worstHeap = Math.max(...over.map((r) => r.heapAndExternal.max));
      const met = worstRss <= bound && worstHeap <= bound;
      console.log(
        `bodies over the limit, target growth <= 2x limit (${mib(bound)}): ${met ? 'MET' : 'NOT MET'} ` +
          `(largest of all warm runs: RSS ${mib(worstRss)}, heap+external ${mib(worstHeap)}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')})`,
      );
      console.log(`V8 new space (nursery) at the end of a row: ${mib(Math.max(...rows.map((r) => r.youngGenerationBytes)))}.`);
    }
  } finally {
    await sandbox.close();
  }
}

function mib(bytes) {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

async function activationAndSize() {
  // Both sections measure the production build; activation comes first in the report.
  await buildProduction(root);
  // Measured before the activation section leaves a development build in dist/.
  const sizes = measureSizes(root);
  const lazy = measureSizes(root, 'lazy');
  const vsix = wanted('size') ? await measureVsix(root) : undefined;
  if (wanted('activation')) {
    section('(c) activation with a stub vscode');
    const bundle = path.join(root, 'dist/extension.js');
    const a = await timeActivation({ root, bundle });
    const h = await timeActivation({ root, bundle, hostBuiltins: true });
    const b = await timeActivation({ root, bundle: path.join(root, 'dist/lazy.js'), hostBuiltins: true });
    const row = (name, t, activate) => [name, t.runs, ms(t.requireMs), activate ? ms(t.activateMs) : '-', ms(t.totalMs), kib(t.heapAddedBytes)];
    console.log(
      table(
        ['bundle', 'runs', 'require', 'activate()', 'total', 'heap added'],
        [
          row('dist/extension.js, fresh Node process (as the peers were measured)', a, true),
          row('dist/extension.js, builtins the extension host has already loaded', h, true),
          row('dist/lazy.js, on the first request (builtins loaded)', b, false),
        ],
      ),
    );
    await buildDevelopment();
    const m = await modulesRunAtActivation({ root, bundle });
    const loaded = (name) => (m.ran.some((file) => file.startsWith(`node_modules/${name}/`)) ? 'LOADED' : 'not loaded');
    console.log(`undici: ${loaded('undici')}, openid-client: ${loaded('openid-client')}, oauth4webapi: ${loaded('oauth4webapi')}, uuid: ${loaded('uuid')}`);
    console.log(`lazily wrapped modules that ran: ${m.ran.join(', ') || 'none'}`);
    console.log(`modules required from outside the bundle: ${m.requested.filter((r) => !r.endsWith('extension.js')).join(', ') || 'none'}`);
    if (m.unhandled.length) console.log(`unhandled rejections during activation (stub limits): ${m.unhandled.join('; ')}`);
  }
  if (vsix) {
    section('(d) production bundle and VSIX size');
    console.log(`dist/extension.js: ${kib(sizes.bytes)} (${kib(sizes.gzipBytes)} gzipped), loaded at activation`);
    console.log(`dist/lazy.js: ${kib(lazy.bytes)} (${kib(lazy.gzipBytes)} gzipped), loaded on first use`);
    console.log(`VSIX: ${kib(vsix.bytes)}, ${vsix.files.length} files: ${vsix.files.join(', ')}`);
    for (const [name, s] of [['dist/extension.js', sizes], ['dist/lazy.js', lazy]]) {
      console.log(table([`part of ${name}`, 'bytes in bundle'], s.parts.slice(0, 8).map((p) => [p.name, kib(p.bytes)])));
    }
  }
  await buildDevelopment();
}

/** Leaves the development build (with source maps) in dist/, as `npm run build` would. */
async function buildDevelopment() {
  await run(process.execPath, ['esbuild.js', '--only=extension'], { cwd: root });
}

async function subReports() {
  for (const name of ['render.mjs', 'tree.mjs', 'sandbox.mjs']) {
    const script = path.join(root, 'bench', name);
    section(`(e) bench/${name}`);
    if (!fs.existsSync(script)) {
      console.log('(not present)');
      continue;
    }
    try {
      const { stdout } = await run(process.execPath, [script], { cwd: root, maxBuffer: 16 * 2 ** 20 });
      console.log(stdout.trimEnd());
    } catch (error) {
      console.log(`(failed: ${String(error.stderr || error.message).trim().split('\n')[0]})`);
    }
  }
}

/** Prints what the last UI journey recorded; a report of the workbench, never a re-run of it. */
function workbenchReport() {
  section('(f) the real workbench (code-server), as the last UI journey recorded it');
  const file = path.join(root, 'test-artifacts', 'ui-timings.json');
  if (!fs.existsSync(file)) {
    console.log('(no recording: run flock /tmp/op-heavy.lock npm run test:ui first)');
    return;
  }
  const recorded = JSON.parse(fs.readFileSync(file, 'utf8'));
  const m = recorded.machine ?? {};
  console.log(`recorded ${recorded.recordedAt} on ${m.cpus ?? '?'} cores (${m.cpu ?? '?'}), load average ${(m.loadAverage ?? []).join(' / ')}`);
  for (const [name, value] of Object.entries(recorded.facts ?? {})) {
    console.log(`${name}: ${typeof value === 'boolean' ? (value ? 'yes' : 'no') : value}`);
  }
  const rows = (recorded.timings ?? []).map((t) => [t.label, t.clock === 'playwright' ? '—' : ms(t.ms), ms(t.observedMs ?? t.ms)]);
  console.log(table(['click → visible result', 'in the page', 'seen by Playwright'], rows));
}

async function main() {
  console.log(HOW_TO_READ);
  console.log(machine());
  if (wanted('overhead') || wanted('tokens') || wanted('memory')) await overheadAndTokens(await loadCore(root));
  if (wanted('activation') || wanted('size')) await activationAndSize();
  if (wanted('subreports')) await subReports();
  if (wanted('workbench')) workbenchReport();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

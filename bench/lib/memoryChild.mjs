// One body-size row of the memory bench, in a fresh process so each row starts from the same baseline:
// sends one GET through the extension's HTTP core while the sandbox streams a huge-body fault, samples
// memory every few milliseconds, and reports the peak growth over the baseline to the parent.
//
// Warm (the default): before the baseline, one 24 MB body is streamed to a file through a separate core with
// a 1 MB limit. That pays once what any extension host pays on its first large response, so the row shows
// what the body itself adds: after ~10-20 MB through undici's WebAssembly HTTP parser, V8 recompiles its main
// function with TurboFan on worker threads (measured with --trace-wasm-compilation-times: ~2 s and 24-30 MB
// of compiler memory per compile, which glibc keeps in those threads' arenas), and the spill path gets
// compiled. The small limit keeps the warm-up from leaving a limit's worth of freed memory in the baseline for
// the measured body to reuse. Cold rows skip the warm-up and so include those one-time costs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';

const { coreFile, sandbox, bodyBytes, limitBytes, warm } = JSON.parse(process.argv[2]);
const core = await import(coreFile);

const environment = { id: 'local', authHost: sandbox.authHost, apiHost: sandbox.apiHost };
const credentials = async () => ({ clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret });
const root = await mkdtemp(path.join(tmpdir(), 'bench-memory-'));
const spill = new core.BodySpillDirectory(root);
const operation = core.findOperation('getCityList');
const coreWith = (limit) => {
  const redactor = new core.Redactor();
  return core.createHttpCore({
    transport: {},
    tokens: (fetch) => new core.ClientCredentialsTokens({ credentials, fetch, redactor }),
    redactor,
    ...(limit ? { bodyLimitBytes: limit, spill } : {}),
  });
};
const sendWith = (http) => http.client.send({ operation, params: {}, environment, context: 'private' });

async function hugeBodyNext(sizeBytes) {
  const fault = await fetch(`${sandbox.apiHost}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ kind: 'huge-body', operations: ['getCityList'], sizeBytes, times: 1 }]),
  });
  if (!fault.ok) throw new Error(`setting the huge-body fault answered ${fault.status}`);
}

if (warm) {
  const warmCore = coreWith(warm.limitBytes);
  await hugeBodyNext(warm.bodyBytes);
  const answer = await sendWith(warmCore);
  if (!answer.ok || !answer.exchange.bodyFile) throw new Error('the warm-up body did not go to a file');
  await warmCore.close();
}

const http = coreWith(limitBytes);
// Token, pools and code paths of this core, so the baseline already holds them.
await sendWith(http);
await hugeBodyNext(bodyBytes);

// Settle before the baseline: V8 frees dead Buffers' memory on a background thread after a GC, and the parser's
// optimising compile (started by the warm-up) runs on worker threads for a second or two. Wait until RSS stays
// put, so neither is counted for or against this body.
let last = 0;
for (let i = 0, still = 0; i < 40 && still < 2; i++) {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 250));
  const rss = process.memoryUsage().rss;
  still = Math.abs(rss - last) < 2 ** 20 ? still + 1 : 0;
  last = rss;
}
const base = process.memoryUsage();
const peak = { rss: 0, heapUsed: 0, external: 0, heapAndExternal: 0 };
// process.memoryUsage().external already includes arrayBuffers (Buffers), so they are not added again.
const sample = () => {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss - base.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed - base.heapUsed);
  peak.external = Math.max(peak.external, m.external - base.external);
  peak.heapAndExternal = Math.max(peak.heapAndExternal, m.heapUsed + m.external - base.heapUsed - base.external);
};
const timer = setInterval(sample, 2);
const started = performance.now();
const result = await sendWith(http);
// What the response view reads: the masked body text and, when it is whole, the parsed JSON.
const exchange = result.ok ? result.exchange : result.failure.exchange;
const shown = exchange ? exchange.bodyText.length + (exchange.json ? 1 : 0) : 0;
sample();
clearInterval(timer);
const ms = performance.now() - started;
process.send({
  ok: result.ok,
  spilled: Boolean(exchange?.bodyFile),
  shownChars: shown,
  rssGrowth: peak.rss,
  heapGrowth: peak.heapUsed,
  externalGrowth: peak.external,
  heapAndExternalGrowth: peak.heapAndExternal,
  ms,
  youngGenerationBytes: v8.getHeapSpaceStatistics().filter((s) => s.space_name === 'new_space').reduce((sum, s) => sum + s.space_size, 0),
});
await http.close();
await spill.dispose();
await rm(root, { recursive: true, force: true });
process.disconnect();

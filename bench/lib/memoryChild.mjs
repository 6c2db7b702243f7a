// One body-size row of the memory bench, in a fresh process so each row starts from the same baseline:
// sends one GET through the extension's HTTP core while the sandbox streams a huge-body fault, samples
// memory every few milliseconds, and reports the peak growth over the baseline to the parent.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';

const { coreFile, sandbox, bodyBytes, limitBytes } = JSON.parse(process.argv[2]);
const core = await import(coreFile);

const environment = { id: 'local', authHost: sandbox.authHost, apiHost: sandbox.apiHost };
const credentials = async () => ({ clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret });
const root = await mkdtemp(path.join(tmpdir(), 'bench-memory-'));
const spill = new core.BodySpillDirectory(root);
const http = core.createHttpCore({
  transport: {},
  credentials,
  redactor: new core.Redactor(),
  ...(limitBytes ? { bodyLimitBytes: limitBytes, spill } : {}),
});
const operation = core.findOperation('getCityList');
const send = () => http.client.send({ operation, params: {}, environment, context: 'private' });

// Warm up: token, pools and code paths, so the baseline already holds them.
await send();
const fault = await fetch(`${sandbox.apiHost}/__sandbox/faults`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify([{ kind: 'huge-body', operations: ['getCityList'], sizeBytes: bodyBytes, times: 1 }]),
});
if (!fault.ok) throw new Error(`setting the huge-body fault answered ${fault.status}`);

globalThis.gc?.();
const base = process.memoryUsage();
let peakRss = base.rss;
let peakHeap = base.heapUsed + base.external + base.arrayBuffers;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
};
const timer = setInterval(sample, 2);
const started = performance.now();
const result = await send();
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
  rssGrowth: peakRss - base.rss,
  heapGrowth: peakHeap - (base.heapUsed + base.external + base.arrayBuffers),
  ms,
  // V8's nursery: short-lived garbage (each chunk's buffer and text) fills it before a scavenge, so its
  // size is the floor of any streaming row, whatever the limit.
  youngGenerationBytes: v8.getHeapSpaceStatistics().filter((s) => s.space_name === 'new_space').reduce((sum, s) => sum + s.space_size, 0),
});
await http.close();
await spill.dispose();
await rm(root, { recursive: true, force: true });
process.disconnect();

// Peak memory the client adds while receiving one large response body, with and without the size limit.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const MB = 1024 * 1024;

function measureOne(options) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'memoryChild.mjs'), [JSON.stringify(options)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer;
    child.once('message', (message) => (answer = message));
    child.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`the memory bench child exited with code ${code}`))));
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median and the largest of each growth over `runs` fresh processes. */
async function measureRuns(options, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await measureOne(options));
  const pick = (key) => ({ median: median(all.map((r) => r[key])), max: Math.max(...all.map((r) => r[key])) });
  return {
    runs,
    spilled: all.every((r) => r.spilled),
    ok: all.every((r) => r.ok),
    rss: pick('rssGrowth'),
    heap: pick('heapGrowth'),
    external: pick('externalGrowth'),
    heapAndExternal: pick('heapAndExternalGrowth'),
    ms: median(all.map((r) => r.ms)),
    youngGenerationBytes: Math.max(...all.map((r) => r.youngGenerationBytes)),
  };
}

/**
 * Rows for each body size: the limit (warm, `runs` processes; plus one cold process), and no limit (how the
 * client behaved before the limit) up to `unboundedUpToMb`. The warm-up is described in memoryChild.mjs.
 */
export async function measureBodyMemory({ root, sandbox, sizesMb, limitMb, unboundedUpToMb, runs = 3 }) {
  const coreFile = path.join(root, 'out/bench/client-core.mjs');
  const limitBytes = limitMb * MB;
  const warm = { bodyBytes: 24 * MB, limitBytes: MB };
  const rows = [];
  for (const sizeMb of sizesMb) {
    const common = { coreFile, sandbox: { authHost: sandbox.authHost, apiHost: sandbox.apiHost, client: sandbox.client }, bodyBytes: sizeMb * MB };
    const limited = await measureRuns({ ...common, limitBytes, warm }, runs);
    const cold = await measureOne({ ...common, limitBytes });
    rows.push({ sizeMb, limitMb, ...limited, coldRss: cold.rssGrowth });
    if (sizeMb <= unboundedUpToMb) rows.push({ sizeMb, limitMb: 0, ...(await measureRuns({ ...common, limitBytes: 0, warm }, 1)) });
  }
  return rows;
}

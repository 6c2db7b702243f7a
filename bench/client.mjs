// Prints how much the HTTP core adds per request over a bare undici request to the same local endpoint,
// and how many token requests 50 concurrent calls on a cold cache cause. A measurement, not a test.
// Usage: node bench/client.mjs [calls=1000]
import esbuild from 'esbuild';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Agent } from 'undici';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CALLS = Number(process.argv[2] ?? 1000);

async function loadCore() {
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

async function startPlatform() {
  const counts = { token: 0, api: 0 };
  const body = JSON.stringify({ countries: [{ isoCountryCode: 'SE', name: 'Sweden' }, { isoCountryCode: 'FI', name: 'Finland' }] });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/connect/token') {
        counts.token++;
        // A little latency, as a real token endpoint has, so concurrent callers really overlap.
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ access_token: `bench-token-${counts.token}`, token_type: 'Bearer', expires_in: 3600 }));
        }, 20);
        return;
      }
      counts.api++;
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': String(req.headers['x-request-id'] ?? '') });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, counts, origin: `http://127.0.0.1:${server.address().port}` };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function main() {
  const core = await loadCore();
  const platform = await startPlatform();
  const operation = core.findOperation('getCountriesList');
  const environment = { id: 'bench', authHost: platform.origin, apiHost: platform.origin };
  const credentials = async () => ({ clientId: 'bench-client', clientSecret: 'bench-secret' });
  const coreInstance = core.createHttpCore({ transport: {}, credentials, redactor: new core.Redactor() });

  const rawAgent = new Agent({ keepAliveTimeout: 10_000 });
  const rawCall = async () => {
    const start = process.hrtime.bigint();
    const response = await rawAgent.request({
      origin: platform.origin,
      path: '/psd2/aspspinformation/v1/countries',
      method: 'GET',
      headers: { accept: 'application/json', authorization: 'Bearer bench-token-1', 'x-request-id': core.newRequestId() },
    });
    JSON.parse(await response.body.text());
    return ms(start);
  };
  const clientCall = async () => {
    const start = process.hrtime.bigint();
    const result = await coreInstance.client.send({ operation, params: {}, environment, context: 'private' });
    if (!result.ok) throw new Error(result.failure.summary);
    return ms(start);
  };

  // Warm both paths (connections, JIT, the cached token), then alternate blocks so drift hits both alike.
  for (let i = 0; i < 200; i++) {
    await rawCall();
    await clientCall();
  }
  const raw = [];
  const client = [];
  const block = 100;
  for (let done = 0; done < CALLS; done += block) {
    for (let i = 0; i < block; i++) raw.push(await rawCall());
    for (let i = 0; i < block; i++) client.push(await clientCall());
  }
  const rawMedian = median(raw);
  const clientMedian = median(client);
  console.log(`sequential calls each:          ${raw.length}`);
  console.log(`raw undici median:              ${(rawMedian * 1000).toFixed(0)} µs`);
  console.log(`HTTP core median:               ${(clientMedian * 1000).toFixed(0)} µs`);
  console.log(`median ratio (core / raw):      ${(clientMedian / rawMedian).toFixed(2)}`);
  console.log(`median overhead per request:    ${((clientMedian - rawMedian) * 1000).toFixed(0)} µs`);

  // Cold cache: a fresh core, 50 calls at once.
  const cold = core.createHttpCore({ transport: {}, credentials, redactor: new core.Redactor() });
  const tokenBefore = platform.counts.token;
  const results = await Promise.all(
    Array.from({ length: 50 }, () => cold.client.send({ operation, params: {}, environment, context: 'private' })),
  );
  console.log(`50 concurrent cold calls:       ${results.filter((r) => r.ok).length} ok, ${platform.counts.token - tokenBefore} token request(s)`);

  await Promise.all([coreInstance.close(), cold.close(), rawAgent.close()]);
  platform.server.closeAllConnections();
  platform.server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

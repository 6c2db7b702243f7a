// Throughput of the local sandbox (prints numbers; not a test). Run: npm run bench:sandbox
// Measures GET /aspsps with 3,000 generated banks and GET /accounts with a valid consent, over keep-alive
// HTTP on loopback with a fixed number of requests in flight; then the https + mTLS mode's start-up (openssl
// makes its certificates) and GET /countries over mTLS keep-alive connections.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Pool } from 'undici';
import { start } from '../dist/sandbox/index.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);

async function json(res) {
  const text = await res.body.text();
  return text ? JSON.parse(text) : {};
}

async function measure(name, pool, path, headers) {
  let done = 0;
  let failed = 0;
  let bytes = 0;
  const latencies = [];
  const until = performance.now() + SECONDS * 1000;
  async function worker() {
    while (performance.now() < until) {
      const began = performance.now();
      const res = await pool.request({ method: 'GET', path, headers: { ...headers, 'x-request-id': crypto.randomUUID() } });
      const body = await res.body.arrayBuffer();
      latencies.push(performance.now() - began);
      bytes += body.byteLength;
      if (res.statusCode === 200) done++;
      else failed++;
    }
  }
  const began = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(
    `${name.padEnd(34)} ${(done / seconds).toFixed(0).padStart(6)} req/s  p50 ${p(0.5)} ms  p99 ${p(0.99)} ms  ` +
      `${(bytes / done / 1024).toFixed(1)} KiB/response  (${done} ok, ${failed} failed, ${IN_FLIGHT} in flight, ${seconds.toFixed(1)} s)`,
  );
}

const began = performance.now();
const sandbox = await start({ authPort: 0, apiPort: 0, banks: 3000 });
console.log(`sandbox with 3,000 generated banks started in ${(performance.now() - began).toFixed(0)} ms (${sandbox.apiHost})`);
const pool = new Pool(sandbox.apiHost, { connections: IN_FLIGHT });
try {
  const token = async (scope) => {
    const form = new URLSearchParams({ client_id: sandbox.client.clientId, client_secret: sandbox.client.clientSecret, grant_type: 'client_credentials', scope });
    const res = await fetch(`${sandbox.authHost}/connect/token`, { method: 'POST', body: form });
    return (await res.json()).access_token;
  };
  const aspspToken = await token('aspspinformation private');
  const aisToken = await token('accountinformation private');

  // A valid consent without a browser: Handelsbanken's sandbox approves decoupled SCA at once.
  const aisHeaders = { authorization: `Bearer ${aisToken}`, 'x-bicfi': 'HANDSESS', 'psu-ip-address': '192.168.0.1', 'content-type': 'application/json' };
  const consentBody = JSON.stringify({ access: {}, recurringIndicator: true, validUntil: '2099-12-31', frequencyPerDay: 4, combinedServiceIndicator: false });
  const created = await json(await pool.request({ method: 'POST', path: '/psd2/consent/v1/consents', headers: { ...aisHeaders, 'x-request-id': crypto.randomUUID() }, body: consentBody }));
  const startRes = await pool.request({ method: 'POST', path: `/psd2/consent/v1/consents/${created.consentId}/authorisations`, headers: { ...aisHeaders, 'x-request-id': crypto.randomUUID() } });
  if ((await json(startRes)).scaStatus !== 'finalised') throw new Error('consent did not become valid');

  await measure('GET /aspsps (3,007 banks)', pool, '/psd2/aspspinformation/v1/aspsps', { authorization: `Bearer ${aspspToken}` });
  await measure('GET /aspsps?isoCountryCodes=FI', pool, '/psd2/aspspinformation/v1/aspsps?isoCountryCodes=FI', { authorization: `Bearer ${aspspToken}` });
  await measure('GET /accounts?withBalance=true', pool, '/psd2/accountinformation/v1/accounts?withBalance=true', { ...aisHeaders, 'consent-id': created.consentId });
} finally {
  await pool.close();
  await sandbox.close();
}

// https + mTLS mode: start-up including the test PKI, then requests over kept-alive mTLS connections.
const tlsBegan = performance.now();
const mtls = await start({ authPort: 0, apiPort: 0, tls: true });
console.log(`sandbox in https + mTLS mode started in ${(performance.now() - tlsBegan).toFixed(0)} ms (certificates made with openssl)`);
const tlsOptions = { ca: fs.readFileSync(mtls.tls.caCertificatePath), pfx: fs.readFileSync(mtls.tls.clientCertificates.valid), passphrase: mtls.tls.passphrase };
const authPool = new Pool(mtls.authHost, { connect: { ca: tlsOptions.ca } });
const mtlsPool = new Pool(mtls.apiHost, { connections: IN_FLIGHT, connect: tlsOptions });
try {
  const form = new URLSearchParams({ client_id: mtls.client.clientId, client_secret: mtls.client.clientSecret, grant_type: 'client_credentials', scope: 'aspspinformation private' });
  const tokenRes = await authPool.request({ method: 'POST', path: '/connect/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  const { access_token: mtlsToken } = await json(tokenRes);
  await measure('GET /countries over mTLS', mtlsPool, '/psd2/aspspinformation/v1/countries', { authorization: `Bearer ${mtlsToken}` });
} finally {
  await Promise.all([authPool.close(), mtlsPool.close()]);
  await mtls.close();
}

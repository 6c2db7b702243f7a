// The HTTP core's own CPU time per send() with a canned response and a cached token: no network, no
// server, so what is left is purely the pipeline (preparation, bookkeeping, JSON parse).
import { median } from './stats.mjs';

const ROUNDS = 5;

export async function measureCoreCpu({ core, bodyBytes = 1200, calls = 20_000 }) {
  const item = { resourceId: 'acc', iban: 'SE4550000000058398257466', currency: 'SEK', name: 'Account' };
  const items = Array.from({ length: Math.max(1, Math.round(bodyBytes / JSON.stringify(item).length)) }, (_v, i) => ({ ...item, resourceId: `acc${i}` }));
  const bodyText = JSON.stringify({ accounts: items });
  const response = { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json', 'content-length': String(bodyText.length) }, bodyText };
  const token = { value: 'bench-token-0123456789', expiresAt: Infinity, refreshAt: Infinity, scope: 'accountinformation private', requestId: 'r' };
  const client = new core.ApiClient({
    transport: { request: async () => response },
    tokens: { getToken: async () => token, invalidate: () => undefined },
    redactor: new core.Redactor(),
  });
  const request = {
    operation: core.findOperation('getAccountList'),
    params: { 'X-BicFi': 'HANDSESS', 'Consent-ID': 'consent-1' },
    environment: { id: 'local', authHost: 'http://127.0.0.2:1', apiHost: 'http://127.0.0.2:2' },
    context: 'private',
    psuHeaders: { psuIpAddress: '192.168.0.1' },
  };
  const loop = async (n) => {
    for (let i = 0; i < n; i++) {
      const result = await client.send(request);
      if (!result.ok) throw new Error(result.failure.summary);
    }
  };
  await loop(calls / 4);
  // Process CPU time rather than wall time: on a shared machine the wall clock also counts the time other
  // processes held the CPU, which swung this number by 1.5x from run to run. Median of a few rounds.
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    await loop(calls / ROUNDS);
    const used = process.cpuUsage(start);
    rounds.push((used.user + used.system) / (calls / ROUNDS));
  }
  return { bodyBytes: bodyText.length, usPerCall: median(rounds) };
}

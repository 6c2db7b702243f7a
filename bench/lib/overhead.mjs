// Per-request overhead of the extension's HTTP core over a bare undici request to the same sandbox
// endpoint, with the same bearer token on both sides, so only client-side work differs.
import { Agent } from 'undici';
import { median, msSince } from './stats.mjs';

const PSU_IP = '192.168.0.1';
const WARM_UP_PAIRS = 1000;

/** The sandbox's default data; one small filtered list; account reads under a valid consent. */
function endpoints(core, consentId) {
  const aisHeaders = { 'X-BicFi': 'HANDSESS', 'PSU-IP-Address': PSU_IP, 'Consent-ID': consentId };
  return [
    { name: 'GET /aspsps (default data)', operation: 'getASPSPList', params: {}, product: 'aspspinformation', rawHeaders: {} },
    {
      name: 'GET /aspsps?isoCountryCodes=FI',
      operation: 'getASPSPList',
      params: { isoCountryCodes: 'FI' },
      product: 'aspspinformation',
      rawHeaders: {},
    },
    {
      name: 'GET /accounts (valid consent)',
      operation: 'getAccountList',
      params: { 'Consent-ID': consentId, 'X-BicFi': 'HANDSESS' },
      psuHeaders: { psuIpAddress: PSU_IP },
      product: 'accountinformation',
      rawHeaders: aisHeaders,
    },
  ].map((e) => ({ ...e, operation: core.findOperation(e.operation) }));
}

/** HANDSESS approves decoupled SCA at Start Authorisation, so the consent is valid without a browser. */
async function createValidConsent(core, client, environment) {
  const common = { environment, context: 'private', psuHeaders: { psuIpAddress: PSU_IP } };
  const created = await client.send({
    ...common,
    operation: core.findOperation('createConsent'),
    params: { 'X-BicFi': 'HANDSESS' },
    body: core.findOperation('createConsent').bodyTemplate,
  });
  if (!created.ok) throw new Error(`createConsent: ${created.failure.summary}`);
  const consentId = created.exchange.json.consentId;
  const started = await client.send({
    ...common,
    operation: core.findOperation('startConsentAuthorisation'),
    params: { 'X-BicFi': 'HANDSESS', consentId },
  });
  if (!started.ok || started.exchange.json.scaStatus !== 'finalised') throw new Error('the HANDSESS consent did not become valid');
  return consentId;
}

/**
 * Alternates raw and client calls one by one, so load from other processes and drift (GC, CPU frequency,
 * sandbox caches) hit both sides alike. Returns medians in µs, their ratio, and the median of the per-pair
 * differences (steadier than the difference of medians on a busy machine).
 */
async function compare(rawCall, clientCall, calls) {
  // Each endpoint brings new object shapes, so V8 throws away code optimised for the previous one and
  // re-optimises it a few hundred calls later; with 200 pairs that still happened inside the timed calls
  // (--trace-opt: buildHeaders, attemptHeaders, attemptLoop on GET /accounts). Warm up past it.
  for (let i = 0; i < Math.min(WARM_UP_PAIRS, calls); i++) {
    await rawCall();
    await clientCall();
  }
  const raw = [];
  const client = [];
  const differences = [];
  for (let i = 0; i < calls; i++) {
    // Swap the order every call so neither side always runs right after the other.
    let r;
    let c;
    if (i % 2) {
      r = await rawCall();
      c = await clientCall();
    } else {
      c = await clientCall();
      r = await rawCall();
    }
    raw.push(r);
    client.push(c);
    differences.push(c - r);
  }
  const rawUs = median(raw) * 1000;
  const clientUs = median(client) * 1000;
  return { calls: raw.length, rawUs, clientUs, ratio: clientUs / rawUs, overheadUs: clientUs - rawUs, pairedUs: median(differences) * 1000 };
}

/** Two rows per endpoint (send() alone; send() and reading the masked JSON): medians, ratio, overheads. */
export async function measureOverhead({ core, sandbox, calls }) {
  const environment = { id: 'local', authHost: sandbox.authHost, apiHost: sandbox.apiHost };
  const credentials = async () => ({ clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret });
  const redactor = new core.Redactor();
  const http = core.createHttpCore({ transport: {}, tokens: (fetch) => new core.ClientCredentialsTokens({ credentials, fetch, redactor }), redactor });
  const rawAgent = new Agent({ keepAliveTimeout: 10_000 });
  const rows = [];
  try {
    const consentId = await createValidConsent(core, http.client, environment);
    for (const endpoint of endpoints(core, consentId)) {
      const request = { operation: endpoint.operation, params: endpoint.params, environment, context: 'private', psuHeaders: endpoint.psuHeaders };
      const first = await http.client.send(request);
      if (!first.ok) throw new Error(`${endpoint.name}: ${first.failure.summary}`);
      // The token the client holds now, so both sides present the same credentials to the sandbox.
      const token = await http.tokens.getToken({ ...environment, environmentId: environment.id, product: endpoint.product, context: 'private' });
      const url = new URL(first.exchange.url.replace(/^[a-z]+:\/\/[^/]+/, sandbox.apiHost));
      const rawHeaders = { accept: 'application/json', authorization: `Bearer ${token.value}`, ...endpoint.rawHeaders };
      const rawCall = async () => {
        const start = process.hrtime.bigint();
        const response = await rawAgent.request({
          origin: url.origin,
          path: url.pathname + url.search,
          method: 'GET',
          // Not { ...rawHeaders, 'x-request-id': id }: V8 builds a spread followed by more keys through a
          // slow path (~1-3 µs), which would make the baseline slower than a bare request has to be.
          headers: Object.assign({}, rawHeaders, { 'x-request-id': core.newRequestId() }),
        });
        const text = await response.body.text();
        if (response.statusCode !== 200) throw new Error(`${endpoint.name}: raw HTTP ${response.statusCode}`);
        JSON.parse(text);
        return msSince(start);
      };
      // The exchange masks fields when they are read; reading the parsed body (as the Banks tree does)
      // includes masking the body, which the bare send() row leaves out.
      const clientCall = (readJson) => async () => {
        const start = process.hrtime.bigint();
        const result = await http.client.send(request);
        if (!result.ok) throw new Error(`${endpoint.name}: ${result.failure.summary}`);
        if (readJson && result.exchange.json === undefined) throw new Error(`${endpoint.name}: no JSON`);
        return msSince(start);
      };
      const bytes = first.exchange.bodyText.length;
      rows.push({ name: endpoint.name, core: 'send()', bytes, ...(await compare(rawCall, clientCall(false), calls)) });
      rows.push({ name: endpoint.name, core: 'send() + read .json', bytes, ...(await compare(rawCall, clientCall(true), calls)) });
    }
  } finally {
    await Promise.all([http.close(), rawAgent.close()]);
  }
  return rows;
}

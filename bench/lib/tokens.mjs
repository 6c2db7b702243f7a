// How many token requests 50 concurrent calls on a cold cache cause, against the sandbox's real OpenID
// provider. The core is wired as createHttpCore wires it, with a counter on the auth transport.
export async function measureColdTokens({ core, sandbox, concurrent = 50 }) {
  const environment = { id: 'local', authHost: sandbox.authHost, apiHost: sandbox.apiHost };
  const redactor = new core.Redactor();
  const authTransport = new core.UndiciTransport({});
  const apiTransport = new core.UndiciTransport({});
  let tokenRequests = 0;
  const counted = { request: (request) => (tokenRequests++, authTransport.request(request)) };
  const tokens = new core.ClientCredentialsTokens({
    credentials: async () => ({ clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret }),
    fetch: core.createTransportFetch(counted),
    redactor,
  });
  const client = new core.ApiClient({ transport: apiTransport, tokens, redactor });
  const rows = [];
  try {
    for (const [name, operationId, params, psuHeaders] of [
      ['getASPSPList (aspspinformation private)', 'getASPSPList', {}, undefined],
      ['getConsentStatus, unknown consent (accountinformation private)', 'getConsentStatus', { consentId: 'none', 'X-BicFi': 'HANDSESS' }, { psuIpAddress: '192.168.0.1' }],
    ]) {
      const before = tokenRequests;
      const began = performance.now();
      const operation = core.findOperation(operationId);
      const results = await Promise.all(
        Array.from({ length: concurrent }, () => client.send({ operation, params, environment, context: 'private', psuHeaders })),
      );
      rows.push({
        name,
        calls: concurrent,
        answered: results.filter((r) => r.ok || r.failure.kind === 'http').length,
        tokenRequests: tokenRequests - before,
        ms: performance.now() - began,
      });
    }
  } finally {
    await Promise.all([authTransport.close(), apiTransport.close()]);
  }
  return rows;
}

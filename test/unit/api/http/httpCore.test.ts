import assert from 'node:assert/strict';
import { findOperation } from '../../../../src/client/catalogue/catalogue';
import { createHttpCore } from '../../../../src/client/http/httpCore';
import { ClientCredentialsTokens } from '../../../../src/client/auth/tokens/clientCredentialsTokens';
import { Redactor } from '../../../../src/client/redaction/redaction';
import { CLIENT_ID, CLIENT_SECRET, startTokenServer } from './support/fakeTokenServer';
import { sendJson, startServer } from './support/localServer';
import { expectOk } from './support/results';
import { assertNoSecrets } from './support/secrets';

describe('createHttpCore', () => {
  it('wires tokens and API calls so one send gets a token and calls the API host', async () => {
    const tokenServer = await startTokenServer();
    const api = await startServer((_req, res) => sendJson(res, 200, { countries: [] }));
    const redactor = new Redactor();
    const core = createHttpCore({
      transport: { headersTimeoutMs: 5000 },
      tokens: (fetch) =>
        new ClientCredentialsTokens({
          credentials: async (environmentId) => (environmentId === 'local' ? { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } : undefined),
          fetch,
          redactor,
        }),
      redactor,
    });
    try {
      const operation = findOperation('getCountriesList');
      assert.ok(operation);
      const environment = { id: 'local', authHost: tokenServer.authHost, apiHost: api.origin };
      // A corporate session still asks for "aspspinformation private": ASPSP Information has no PSU context.
      const exchange = expectOk(await core.client.send({ operation, params: {}, environment, context: 'corporate' }));
      assert.equal(exchange.status, 200);
      assert.equal(new URLSearchParams(tokenServer.server.requests[0]?.body).get('scope'), 'aspspinformation private');
      assert.equal(redactor.redact(CLIENT_SECRET), '***');
      assertNoSecrets(exchange, [CLIENT_SECRET, ...tokenServer.issued]);
      core.tokens.clear('local');
      expectOk(await core.client.send({ operation, params: {}, environment, context: 'private' }));
      assert.equal(tokenServer.tokenRequests(), 2);
    } finally {
      await core.close();
      await Promise.all([api.close(), tokenServer.close()]);
    }
  });
});

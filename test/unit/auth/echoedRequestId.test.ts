// The X-Request-ID a token endpoint echoes is server text: the id kept (and later shown) is the one sent.
import assert from 'node:assert/strict';
import { exchangeAuthorizationCode } from '../../../src/client/auth/authorizationCode';
import { UndiciTransport } from '../../../src/client/http/transport';
import { createTransportFetch } from '../../../src/client/http/transportFetch';
import { ClientCredentialsTokens } from '../../../src/client/auth/tokens/clientCredentialsTokens';
import { TokenError } from '../../../src/client/http/tokenError';
import { CLIENT_ID, CLIENT_SECRET } from '../api/http/support/fakeTokenServer';
import { startServer, type LocalServer } from '../api/http/support/localServer';
import { BOLD, LINK } from '../core/hostileValues';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('token requests keep the X-Request-ID they sent', () => {
  let transport: UndiciTransport;
  let server: LocalServer;
  let answer: { status: number; body: unknown };

  beforeEach(async () => {
    transport = new UndiciTransport();
    answer = { status: 200, body: { access_token: 'tok-echo-1', token_type: 'Bearer', expires_in: 60 } };
    server = await startServer((_request, res) => {
      res.writeHead(answer.status, { 'content-type': 'application/json', 'x-request-id': LINK, 'x-correlation-id': BOLD });
      res.end(JSON.stringify(answer.body));
    });
  });
  afterEach(async () => {
    await transport.close();
    await server.close();
  });

  const sentId = (): string => String(server.requests.at(-1)?.headers['x-request-id']);
  const source = () => new ClientCredentialsTokens({ credentials: async () => ({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }), fetch: createTransportFetch(transport) });
  const scope = () => ({ environmentId: 'local', authHost: server.origin, product: 'accountinformation' as const, context: 'private' as const });

  it('client_credentials: a token carries the sent id, not the echoed one', async () => {
    const token = await source().getToken(scope());
    assert.match(sentId(), UUID);
    assert.equal(token.requestId, sentId());
  });

  it('client_credentials: a refusal carries the sent id, not the echoed one', async () => {
    for (const error of ['invalid_client', 'invalid_scope', 'server_error']) {
      answer = { status: 400, body: { error, error_description: LINK } };
      const failure = await source().getToken(scope()).then(
        () => assert.fail('expected a refusal'),
        (caught: unknown) => caught,
      );
      assert.ok(failure instanceof TokenError);
      assert.equal(failure.requestId, sentId(), error);
      assert.ok(!JSON.stringify({ ...failure.details, serverDescription: undefined }).includes(LINK), error);
    }
  });

  it('authorization_code: success and failure carry the sent id, not the echoed one', async () => {
    const input = {
      environmentId: 'local',
      authHost: server.origin,
      credentials: async () => ({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
      fetch: createTransportFetch(transport),
      redirectUri: 'http://127.0.0.1:53682/callback',
      code: 'code-echo-1234',
      target: { kind: 'payment', paymentId: 'p-1', authorisationId: 'a-1' },
      context: 'private',
    } as const;
    const ok = await exchangeAuthorizationCode(input);
    assert.ok(ok.ok);
    assert.equal(ok.requestId, sentId());
    answer = { status: 400, body: { error: 'invalid_grant' } };
    const refused = await exchangeAuthorizationCode(input);
    assert.ok(!refused.ok);
    assert.equal(refused.failure.requestId, sentId());
    assert.match(sentId(), UUID);
  });
});

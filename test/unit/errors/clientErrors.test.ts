// The client's one error family: every member is told apart by family and kind through isClientError, and the
// base adds no text, so a secret inside a cause never reaches a message, a stack or the error's JSON.
import assert from 'node:assert/strict';
import { ClientError, isClientError, type ClientErrorFamily } from '../../../src/client/errors';
import { CredentialValidationError } from '../../../src/client/auth/credentialStore';
import { LoopbackError } from '../../../src/client/auth/loopback/loopbackError';
import { ClientCertificateError } from '../../../src/client/http/clientCertificateError';
import { TokenError } from '../../../src/client/http/tokenError';
import { TransportError, toTransportError } from '../../../src/client/http/transportErrors';
import { ScaStop } from '../../../src/client/sca/scaRun';
import { assertNoSecrets } from '../api/http/support/secrets';

const REQUEST_ID = '0b8f5a4e-8c1d-4b9e-9f3a-2d7c6e5b4a31';

const members: readonly (readonly [ClientErrorFamily, ClientError, string, string])[] = [
  [
    'token',
    new TokenError({ kind: 'invalid_client', environmentId: 'sandbox', authHost: 'https://auth.example', product: 'accountinformation', context: 'private', requestId: REQUEST_ID }),
    'TokenError',
    'invalid_client',
  ],
  ['loopback', new LoopbackError({ kind: 'port_in_use', port: 53682 }), 'LoopbackError', 'port_in_use'],
  ['transport', new TransportError('refused', 'ECONNREFUSED'), 'TransportError', 'refused'],
  ['credentials', new CredentialValidationError('clientSecret'), 'CredentialValidationError', 'empty'],
  ['clientCertificate', new ClientCertificateError('passphrase', 'openPayments.production.clientCertificatePath'), 'ClientCertificateError', 'passphrase'],
  ['scaStop', new ScaStop({ kind: 'cancelled' }), 'ScaStop', 'cancelled'],
];

/** A member with nothing of its own: what the base alone does with a message, a cause and a request id. */
class BareError extends ClientError<{ readonly kind: 'bare'; readonly requestId: string }> {
  readonly family = 'token';
  constructor(message: string, cause?: unknown) {
    super('BareError', { kind: 'bare', requestId: REQUEST_ID }, message, cause);
  }
}

describe('client error family', () => {
  it('tells every member apart by family alone, and each is an Error with its name and kind', () => {
    for (const [family, error, name, kind] of members) {
      assert.ok(error instanceof Error, name);
      assert.ok(isClientError(error), name);
      assert.equal(error.name, name);
      assert.equal(error.kind, kind);
      assert.equal(error.details.kind, kind);
      for (const [other] of members) assert.equal(isClientError(error, other), other === family, `${name} as ${other}`);
    }
  });

  it('refuses what is not a member: plain errors, look-alikes and non-errors', () => {
    const lookAlike = Object.assign(new Error('token'), { family: 'token', kind: 'invalid_client' });
    for (const value of [new Error('x'), lookAlike, { family: 'token' }, 'TokenError', undefined, null]) {
      assert.equal(isClientError(value), false, String(value));
      assert.equal(isClientError(value, 'token'), false, String(value));
    }
  });

  it('carries the X-Request-ID the token request sent', () => {
    const [, token] = members[0]!;
    assert.equal(token.requestId, REQUEST_ID);
    assert.equal(members[1]![1].requestId, undefined);
  });

  it('keeps a cause for the log but never copies its text into the message, stack or JSON', () => {
    const secret = 'client-secret-9f3a2d7c';
    const cause = new Error(`the server said: client_secret=${secret}`);
    const error = new BareError('The token request failed.', cause);
    assert.equal(error.cause, cause);
    assert.equal(error.message, 'The token request failed.');
    assertNoSecrets(error, [secret]);
    assert.ok(!String(error).includes(secret));
  });

  it('keeps an error of the family as it is when it is met again on the way up', () => {
    const transport = new TransportError('timeout', 'UND_ERR_HEADERS_TIMEOUT');
    assert.equal(toTransportError(transport), transport);
  });
});

import assert from 'node:assert/strict';
import { isAllowedOrigin, isLoopbackHost } from '../../../src/client/http/loopback';
import { isAcceptableAuthHost, platformAuthEndpoints } from '../../../src/client/auth/tokens/authServerConfiguration';

describe('loopback and auth host checks', () => {
  it('treats 127.0.0.0/8, ::1 and localhost as loopback, nothing else', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '[::1]', 'localhost', 'LOCALHOST']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of ['128.0.0.1', '10.0.0.1', '127.0.0.1.nip.io', '127.example.com', 'localhost.evil.com', '::2', '0.0.0.0']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });

  it('allows https anywhere and http only on loopback', () => {
    assert.equal(isAllowedOrigin(new URL('https://api.openbankingplatform.com')), true);
    assert.equal(isAllowedOrigin(new URL('http://api.openbankingplatform.com')), false);
    assert.equal(isAllowedOrigin(new URL('http://[::1]:8080')), true);
    assert.equal(isAllowedOrigin(new URL('ftp://127.0.0.1')), false);
    assert.equal(isAcceptableAuthHost('not a url'), false);
    assert.equal(isAcceptableAuthHost('http://127.0.0.2:8401'), true);
  });

  it('derives the IdentityServer-style endpoints from AUTH_HOST', () => {
    assert.deepEqual(platformAuthEndpoints('https://auth.sandbox.openbankingplatform.com/'), {
      issuer: 'https://auth.sandbox.openbankingplatform.com',
      tokenEndpoint: 'https://auth.sandbox.openbankingplatform.com/connect/token',
      authorizationEndpoint: 'https://auth.sandbox.openbankingplatform.com/connect/authorize',
    });
  });
});

import assert from 'node:assert/strict';
import { checkHost, isLoopbackHostname, PRESET_HOSTS, resolveEnvironment } from '../../../src/client/environments/environments';

describe('environments', () => {
  it('uses exactly the platform hosts for sandbox and production', () => {
    assert.deepEqual(resolveEnvironment('sandbox'), {
      ok: true,
      environment: {
        id: 'sandbox',
        label: 'Sandbox',
        isProduction: false,
        authHost: 'https://auth.sandbox.openbankingplatform.com',
        apiHost: 'https://api.sandbox.openbankingplatform.com',
      },
    });
    const production = resolveEnvironment('production');
    assert.ok(production.ok);
    assert.equal(production.environment.authHost, 'https://auth.openbankingplatform.com');
    assert.equal(production.environment.apiHost, 'https://api.openbankingplatform.com');
    assert.equal(production.environment.isProduction, true);
  });

  it('points local at the local sandbox on 127.0.0.2, which code-server does not rewrite', () => {
    assert.equal(PRESET_HOSTS.local.authHost, 'http://127.0.0.2:8401');
    assert.equal(PRESET_HOSTS.local.apiHost, 'http://127.0.0.2:8402');
  });

  it('takes custom hosts from settings, normalised', () => {
    const result = resolveEnvironment('custom', { authHost: ' https://auth.example.com/ ', apiHost: 'http://127.0.0.1:9000' });
    assert.ok(result.ok);
    assert.equal(result.environment.authHost, 'https://auth.example.com');
    assert.equal(result.environment.apiHost, 'http://127.0.0.1:9000');
  });

  it('names the setting and the problem when a custom host is invalid', () => {
    const result = resolveEnvironment('custom', { authHost: 'https://auth.example.com', apiHost: 'http://api.example.com' });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.setting, 'apiHost');
    assert.deepEqual(result.problem, { kind: 'insecure', hostname: 'api.example.com' });
    const missing = resolveEnvironment('custom', {});
    assert.ok(!missing.ok);
    assert.equal(missing.setting, 'authHost');
    assert.deepEqual(missing.problem, { kind: 'empty' });
  });

  it('accepts plain http only for loopback addresses', () => {
    for (const ok of ['http://127.0.0.1:8080', 'http://127.0.0.2', 'http://localhost:3000', 'http://[::1]:8080', 'https://api.example.com']) {
      assert.equal(checkHost(ok).ok, true, ok);
    }
    for (const [bad, kind] of [
      ['http://192.168.0.10', 'insecure'],
      ['http://127.0.0.1.evil.example', 'insecure'],
      ['http://localhost.example.com', 'insecure'],
      ['ftp://auth.example.com', 'badScheme'],
      ['auth.example.com', 'notUrl'],
      ['', 'empty'],
      ['   ', 'empty'],
      ['https://auth.example.com/connect', 'hasExtras'],
      ['https://user:pw@auth.example.com', 'hasExtras'],
      ['https://auth.example.com/?x=1', 'hasExtras'],
    ] as const) {
      const check = checkHost(bad);
      assert.equal(check.ok, false, bad);
      assert.ok(!check.ok);
      assert.equal(check.problem.kind, kind, bad);
    }
  });

  it('recognises loopback names without being fooled by look-alikes', () => {
    assert.equal(isLoopbackHostname('127.255.255.254'), true);
    assert.equal(isLoopbackHostname('127.0.0.256'), false);
    assert.equal(isLoopbackHostname('128.0.0.1'), false);
    assert.equal(isLoopbackHostname('[::1]'), true);
    assert.equal(isLoopbackHostname('LOCALHOST'), true);
  });
});

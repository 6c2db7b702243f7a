// Starting the sandbox: speed, ports, loopback only, seeded data, thousands of banks, the CLI.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { start } from '../../sandbox/index';
import { SandboxClient, startSandbox } from './helpers/client';
import { validateResponse, validateResponseHeaders } from './helpers/oas';
import { OAS_FILE, repoRoot, requireReference } from './helpers/reference';

describe('sandbox start', () => {
  // Start times are printed, not asserted (a loaded machine would make such a test flaky); npm run bench:sandbox
  // measures them.
  it('starts on free ports of 127.0.0.2, also with 3,000 generated banks', async () => {
    for (const banks of [0, 3000]) {
      const began = performance.now();
      const sandbox = await startSandbox({ banks });
      const ms = performance.now() - began;
      try {
        console.log(`      start() with ${banks} generated banks: ${ms.toFixed(0)} ms`);
        assert.match(sandbox.authHost, /^http:\/\/127\.0\.0\.2:\d+$/);
        assert.match(sandbox.apiHost, /^http:\/\/127\.0\.0\.2:\d+$/);
        assert.notEqual(sandbox.authHost, sandbox.apiHost);
        assert.equal(sandbox.client.redirectUri, 'http://127.0.0.1:53682/callback');
      } finally {
        await sandbox.close();
      }
    }
  });

  it('binds loopback only', async () => {
    await assert.rejects(start({ host: '0.0.0.0' }), /loopback/);
    await assert.rejects(start({ host: '192.168.1.10' }), /loopback/);
  });

  it('leaves no port open when one of its two ports is busy', async () => {
    const busy = await startSandbox({});
    try {
      const apiPort = Number(new URL(busy.apiHost).port);
      const free = await startSandbox({});
      const authPort = Number(new URL(free.authHost).port);
      await free.close();
      await assert.rejects(start({ authPort, apiPort }), /EADDRINUSE/);
      // The auth port the failed start had bound is free again: a new sandbox can take it.
      const again = await start({ authPort });
      await again.close();
    } finally {
      await busy.close();
    }
  });

  it('serves thousands of banks across countries, filtered by country and city (union)', async () => {
    const sandbox = await startSandbox({ banks: 3000, seed: 7 });
    try {
      const c = new SandboxClient(sandbox);
      const all = await c.call('getASPSPList');
      assert.equal(all.json['aspsps'].length, 3007);
      assert.deepEqual(all.json['aspsps'].slice(0, 3).map((b: { bicFi: string }) => b.bicFi), ['ESSESESS', 'NDEASESS', 'HANDSESS']);
      const countries = await c.call('getCountriesList');
      assert.ok(countries.json['countries'].length >= 10);
      const fi = await c.call('getASPSPList', { query: { isoCountryCodes: 'FI' } });
      const stockholm = '37efa883-c8ad-4ff7-927b-b11b02beb923';
      const union = await c.call('getASPSPList', { query: { isoCountryCodes: 'FI', cityIds: stockholm } });
      assert.ok(union.json['aspsps'].length > fi.json['aspsps'].length);
      const cities = await c.call('getCityList', { query: { isoCountryCodes: 'DE' } });
      assert.ok(cities.json['cities'].every((city: { isoCountryCode: string }) => city.isoCountryCode === 'DE'));
      const generated = all.json['aspsps'][10].bicFi as string;
      const details = await c.call('getASPSPDetails', { params: { bicFi: generated } });
      assert.equal(details.status, 200);
      assert.ok(details.json['globalPaymentProducts'].length > 0);
    } finally {
      await sandbox.close();
    }
  });

  it('gives the same data for the same seed and different data for another', async () => {
    const names = async (seed: number) => {
      const sandbox = await startSandbox({ banks: 20, seed });
      try {
        const list = await new SandboxClient(sandbox).call('getASPSPList');
        return list.json['aspsps'].map((b: { name: string; id: string }) => `${b.id} ${b.name}`).join('\n');
      } finally {
        await sandbox.close();
      }
    };
    assert.equal(await names(1), await names(1));
    assert.notEqual(await names(1), await names(2));
  });

  it('npm run sandbox: the CLI prints AUTH_HOST, API_HOST, the demo client and the redirect URI', async function () {
    this.timeout(20_000);
    execFileSync(process.execPath, ['esbuild.js', '--only=sandbox'], { cwd: repoRoot });
    const began = performance.now();
    const child = spawn(process.execPath, [path.join(repoRoot, 'dist/sandbox/cli.mjs'), '--auth-port', '0', '--api-port', '0', '--banks', '100', '--decoupled-seconds', '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('ready in')) resolve(text);
        });
        child.on('exit', (code) => reject(new Error(`cli exited ${code}: ${text}`)));
      });
      const ms = performance.now() - began;
      console.log(`      CLI process start to "ready": ${ms.toFixed(0)} ms`);
      assert.match(output, /^AUTH_HOST=http:\/\/127\.0\.0\.2:\d+$/m);
      assert.match(output, /^API_HOST=http:\/\/127\.0\.0\.2:\d+$/m);
      assert.match(output, /^CLIENT_ID=sandbox-demo-client$/m);
      assert.match(output, /^CLIENT_SECRET=\S+$/m);
      assert.match(output, /^REDIRECT_URI=http:\/\/127\.0\.0\.1:53682\/callback$/m);
      assert.match(output, /^Decoupled SCA takes 4 s from the chosen method to finalised/m);
    } finally {
      child.kill('SIGTERM');
    }
  });

  describe('the OAS check itself', () => {
    before(function () {
      requireReference(this, OAS_FILE);
    });

    it('rejects a body that breaks the schema (so passing checks mean something)', () => {
      assert.throws(() => validateResponse('getConsentStatus', 'GET', '/psd2/consent/v1/consents/{consentId}/status', 200, { consentStatus: 'bogus' }), /does not match/);
      assert.throws(() => validateResponse('createConsent', 'POST', '/psd2/consent/v1/consents', 201, { consentStatus: 'received' }), /does not match/);
      assert.ok(validateResponse('getConsentStatus', 'GET', '/psd2/consent/v1/consents/{consentId}/status', 200, { consentStatus: 'valid' }));
    });

    it('rejects missing or malformed response headers: X-Request-ID everywhere, Location on 201s, ASPSP-SCA-Approach where declared', () => {
      const id = '99391c7e-ad88-49ec-a2ad-99ddcb1f7721';
      const consents = ['createConsent', 'POST', '/psd2/consent/v1/consents', 201] as const;
      const good = { 'x-request-id': id, location: '/psd2/consent/v1/consents/c1', 'aspsp-sca-approach': 'REDIRECT' };
      assert.equal(validateResponseHeaders(...consents, new Headers(good)), 3);
      assert.throws(() => validateResponseHeaders(...consents, new Headers({ ...good, location: 'not a url' })), /Location "not a url"/);
      const { location: _location, ...noLocation } = good;
      assert.throws(() => validateResponseHeaders(...consents, new Headers(noLocation)), /Location is missing/);
      assert.throws(() => validateResponseHeaders(...consents, new Headers({ ...good, 'aspsp-sca-approach': 'OAUTH' })), /ASPSP-SCA-Approach "OAUTH"/);
      const status = ['getConsentStatus', 'GET', '/psd2/consent/v1/consents/{consentId}/status', 200] as const;
      assert.throws(() => validateResponseHeaders(...status, new Headers()), /X-Request-ID is missing/);
      assert.throws(() => validateResponseHeaders(...status, new Headers({ 'x-request-id': 'abc' })), /X-Request-ID "abc"/);
      // The OAS declares no Location for Start Authorisation's 201; the reference says 201s carry one (§4.1).
      const start = ['startConsentAuthorisation', 'POST', '/psd2/consent/v1/consents/{consentId}/authorisations', 201] as const;
      assert.throws(() => validateResponseHeaders(...start, new Headers({ 'x-request-id': id, 'aspsp-sca-approach': 'DECOUPLED' })), /Location is missing/);
      assert.throws(() => validateResponseHeaders('getCountriesList', 'GET', '/psd2/aspspinformation/v1/countries', 401, new Headers()), /X-Request-ID is missing/);
    });
  });
});

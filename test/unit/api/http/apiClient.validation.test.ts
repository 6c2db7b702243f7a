import assert from 'node:assert/strict';
import type { PsuHeaderSettings } from '../../../../src/client/http/psuHeaderRules';
import { operation, startHarness, type Harness } from './support/apiHarness';
import { sendJson } from './support/localServer';
import { expectFailure, expectOk } from './support/results';

const SETTINGS: PsuHeaderSettings = {
  psuIpAddress: '192.168.0.1',
  psuUserAgent: 'mozilla/5.0',
  psuId: '199311219639',
  psuCorporateId: '5566771234',
  tppRedirectPreferred: false,
  affiliatedAspspId: '08999',
};

describe('ApiClient: validation and headers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness((_req, res) => sendJson(res, 200, { ok: true }));
  });
  afterEach(async () => {
    h.assertNoSecretsLeaked();
    await h.close();
  });

  function sentHeaders(): Record<string, string | string[] | undefined> {
    const last = h.api.requests.at(-1);
    assert.ok(last, 'a request reached the API');
    return last.headers;
  }

  describe('parameters', () => {
    it('rejects a missing path parameter by name, before any token or API request', async () => {
      const failure = expectFailure(await h.send({ operation: operation('getBalances'), params: { 'X-BicFi': 'ESSESESS', 'Consent-ID': 'c1' } }), 'validation');
      assert.equal(failure.causeCode, 'MISSING_PARAM');
      assert.equal(failure.param, 'account-id');
      assert.match(failure.summary, /param account-id/);
      assert.equal(h.api.requests.length, 0);
      assert.equal(h.tokenServer.tokenRequests(), 0);
    });

    it('rejects a missing required query parameter and a blank required header', async () => {
      const tx = expectFailure(
        await h.send({ operation: operation('getTransactionList'), params: { 'account-id': 'a1', 'X-BicFi': 'ESSESESS', 'Consent-ID': 'c1' } }),
        'validation',
      );
      assert.equal(tx.param, 'bookingStatus');
      const bic = expectFailure(await h.send({ operation: operation('getAccountList'), params: { 'X-BicFi': '  ', 'Consent-ID': 'c1' } }), 'validation');
      assert.equal(bic.param, 'X-BicFi');
    });

    it('rejects header values that could split the request', async () => {
      const failure = expectFailure(
        await h.send({ operation: operation('getAccountList'), params: { 'X-BicFi': 'ESSESESS', 'Consent-ID': 'c1\r\nX-Evil: 1' } }),
        'validation',
      );
      assert.equal(failure.causeCode, 'INVALID_HEADER_VALUE');
      assert.equal(failure.param, 'Consent-ID');
    });

    it('rejects a string body that is not JSON', async () => {
      const failure = expectFailure(await h.send({ operation: operation('createConsent'), params: { 'X-BicFi': 'ESSESESS' }, body: '{oops' }), 'validation');
      assert.equal(failure.causeCode, 'INVALID_BODY');
    });
  });

  describe('X-Request-ID from the caller', () => {
    it('uses a valid UUID for the first attempt', async () => {
      const requestId = '3f1c2b7e-9d4a-4c1e-8b2f-0a1b2c3d4e5f';
      const exchange = expectOk(await h.send({ operation: operation('getCountriesList'), requestId }));
      assert.equal(sentHeaders()['x-request-id'], requestId);
      assert.equal(exchange.requestId, requestId);
    });

    it('rejects anything that is not a UUID with a clear validation failure', async () => {
      for (const requestId of ['', 'abc', '3f1c2b7e-9d4a-4c1e-8b2f-0a1b2c3d4e5', '3f1c2b7e-9d4a-4c1e-8b2f-0a1b2c3d4e5f\r\n']) {
        const failure = expectFailure(await h.send({ operation: operation('getCountriesList'), requestId }), 'validation');
        assert.equal(failure.causeCode, 'INVALID_REQUEST_ID');
        assert.equal(failure.param, 'X-Request-ID');
      }
      assert.equal(h.api.requests.length, 0);
    });
  });

  describe('hosts', () => {
    it('refuses plain http to a non-loopback API host', async () => {
      const failure = expectFailure(
        await h.send({
          operation: operation('getCountriesList'),
          environment: { id: 'custom', authHost: h.tokenServer.authHost, apiHost: 'http://api.sandbox.openbankingplatform.com' },
        }),
        'validation',
      );
      assert.equal(failure.causeCode, 'INSECURE_HOST');
    });

    it('refuses plain http to a non-loopback auth host as a token failure', async () => {
      const failure = expectFailure(
        await h.send({
          operation: operation('getCountriesList'),
          environment: { id: 'custom', authHost: 'http://auth.example.com', apiHost: h.api.origin },
        }),
        'token',
      );
      assert.equal(failure.token?.kind, 'insecure_host');
      assert.equal(h.api.requests.length, 0);
    });

    it('rejects a host that is not a URL', async () => {
      const failure = expectFailure(
        await h.send({ operation: operation('getCountriesList'), environment: { id: 'custom', authHost: 'x', apiHost: 'not a url' } }),
        'validation',
      );
      assert.equal(failure.causeCode, 'INVALID_HOST');
    });
  });

  describe('PSU/TPP headers from settings', () => {
    it('sends none of them to ASPSP Information', async () => {
      expectOk(await h.send({ operation: operation('getCountriesList'), psuHeaders: SETTINGS }));
      const headers = sentHeaders();
      for (const name of ['psu-ip-address', 'psu-user-agent', 'psu-id', 'psu-corporate-id', 'tpp-redirect-preferred', 'x-affiliatedaspsp-id']) {
        assert.equal(headers[name], undefined, name);
      }
    });

    it('sends PSU and TPP-Redirect-Preferred on consent calls; corporate id only in the corporate context', async () => {
      expectOk(await h.send({ operation: operation('getConsentStatus'), params: { 'X-BicFi': 'ESSESESS', consentId: 'c1' }, psuHeaders: SETTINGS }));
      let headers = sentHeaders();
      assert.equal(headers['psu-ip-address'], '192.168.0.1');
      assert.equal(headers['psu-user-agent'], 'mozilla/5.0');
      assert.equal(headers['psu-id'], '199311219639');
      assert.equal(headers['tpp-redirect-preferred'], 'false');
      assert.equal(headers['psu-corporate-id'], undefined);
      assert.equal(headers['x-affiliatedaspsp-id'], undefined, 'only where the operation declares it');

      const exchange = expectOk(
        await h.send({ operation: operation('getConsentStatus'), params: { 'X-BicFi': 'ESSESESS', consentId: 'c1' }, psuHeaders: SETTINGS, context: 'corporate' }),
      );
      headers = sentHeaders();
      assert.equal(headers['psu-corporate-id'], '5566771234');
      assert.equal(exchange.requestHeaders['PSU-Corporate-ID'], '5566771234', "the operation's spelling is kept");
    });

    it('sends X-AffiliatedASPSP-ID where the operation declares it, and an explicit value beats the setting', async () => {
      const op = operation('createConsent');
      expectOk(await h.send({ operation: op, params: { 'X-BicFi': 'SWEDSESS', 'psu-id': '198301014882' }, psuHeaders: SETTINGS, body: op.bodyTemplate }));
      const headers = sentHeaders();
      assert.equal(headers['x-affiliatedaspsp-id'], '08999');
      assert.equal(headers['psu-id'], '198301014882');
    });

    it('omits blank settings', async () => {
      expectOk(
        await h.send({ operation: operation('getConsentStatus'), params: { 'X-BicFi': 'ESSESESS', consentId: 'c1' }, psuHeaders: { psuIpAddress: '  ' } }),
      );
      assert.equal(sentHeaders()['psu-ip-address'], undefined);
    });
  });

  describe('per-bank header rules', () => {
    const consentStatus = (bic: string) => ({ operation: operation('getConsentStatus'), params: { 'X-BicFi': bic, consentId: 'c1' } });

    it('HANDSESS needs PSU-IP-Address', async () => {
      const failure = expectFailure(await h.send(consentStatus('HANDSESS')), 'validation');
      assert.equal(failure.causeCode, 'MISSING_BANK_HEADER');
      assert.equal(failure.param, 'PSU-IP-Address');
      assert.equal(failure.bicFi, 'HANDSESS');
      expectOk(await h.send({ ...consentStatus('HANDSESS'), psuHeaders: { psuIpAddress: '10.0.0.1' } }));
    });

    it('SWEDSESS needs PSU-IP-Address, PSU-User-Agent and PSU-ID', async () => {
      const missing = async (psuHeaders: PsuHeaderSettings) =>
        expectFailure(await h.send({ ...consentStatus('SWEDSESS'), psuHeaders }), 'validation').param;
      assert.equal(await missing({}), 'PSU-IP-Address');
      assert.equal(await missing({ psuIpAddress: '10.0.0.1' }), 'PSU-User-Agent');
      assert.equal(await missing({ psuIpAddress: '10.0.0.1', psuUserAgent: 'ua' }), 'PSU-ID');
      expectOk(await h.send({ ...consentStatus('SWEDSESS'), psuHeaders: { psuIpAddress: '10.0.0.1', psuUserAgent: 'ua', psuId: '199311219639' } }));
    });

    it('an explicit parameter satisfies a bank rule too, and other banks need none of them', async () => {
      expectOk(await h.send({ ...consentStatus('HANDSESS'), params: { 'X-BicFi': 'HANDSESS', consentId: 'c1', 'PSU-IP-Address': '10.0.0.9' } }));
      assert.equal(sentHeaders()['psu-ip-address'], '10.0.0.9');
      expectOk(await h.send(consentStatus('NDEASESS')));
      expectOk(await h.send(consentStatus('ESSESESS')));
    });
  });
});

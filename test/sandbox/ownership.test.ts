// Consents and payments belong to the client (TPP) that created them. To another client's token they answer
// exactly as unknown ids do: 403 CONSENT_UNKNOWN for consents (reference §7.3), 404 RESOURCE_UNKNOWN for
// payments ("unknown relative to the TPP", 404 for a path parameter, OAS); and its bank login refuses them.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { OperationId } from '../../src/client/catalogue/catalogue';
import { DEMO_CLIENT } from '../../sandbox/index';
import { Browser, fillScaTemplate } from './helpers/browser';
import { SandboxClient, useSandbox, type Response } from './helpers/client';
import { createConsent, createPayment, PSU_HEADERS, startAndSelect, validConsent } from './helpers/flows';

const SECOND_TPP = { ...DEMO_CLIENT, clientId: 'second-tpp-client', clientSecret: 'second-tpp-secret' };

function expectError(res: Response, status: number, code: string): void {
  assert.equal(res.status, status, res.text);
  assert.equal(res.json['tppMessages']?.[0]?.code, code, res.text);
}

describe('sandbox resources belong to the client that created them', () => {
  const owner = useSandbox({ clients: [DEMO_CLIENT, SECOND_TPP] });
  const other = new SandboxClient(() => owner.sandbox, { clientId: SECOND_TPP.clientId, clientSecret: SECOND_TPP.clientSecret, redirectUri: SECOND_TPP.redirectUris[0]! });

  it('another client gets CONSENT_UNKNOWN for every consent operation and for AIS, as for an unknown id', async () => {
    const bic = 'ESSESESS';
    const consentId = await validConsent(owner, bic);
    const params = { consentId };
    const asOther = (operation: OperationId, extra: Record<string, unknown> = {}) => other.call(operation, { bic, params, headers: PSU_HEADERS, ...extra });
    const unknown = await other.call('getConsentStatus', { bic, params: { consentId: crypto.randomUUID() }, headers: PSU_HEADERS });
    expectError(unknown, 403, 'CONSENT_UNKNOWN');
    for (const operation of ['getConsentInformation', 'getConsentStatus', 'deleteConsent', 'startConsentAuthorisation', 'getConsentAuthorisation'] as const) {
      const res = await asOther(operation);
      expectError(res, 403, 'CONSENT_UNKNOWN');
      assert.equal(res.json['tppMessages'][0].text, unknown.json['tppMessages'][0].text.replace(/[0-9a-f-]{36}/, consentId), `${operation} reads like an unknown id`);
    }
    expectError(await other.call('getAccountList', { bic, headers: { ...PSU_HEADERS, 'consent-id': consentId } }), 403, 'CONSENT_UNKNOWN');
    // The owner's consent is untouched by the other client's Delete and still serves its owner.
    assert.equal((await owner.call('getConsentStatus', { bic, params, headers: PSU_HEADERS })).json['consentStatus'], 'valid');
    assert.equal((await owner.call('getAccountList', { bic, headers: { ...PSU_HEADERS, 'consent-id': consentId } })).status, 200);
  });

  it('another client gets RESOURCE_UNKNOWN (404) for every payment operation', async () => {
    const bic = 'NDEASESS';
    const { paymentId } = await createPayment(owner, bic, 'domestic');
    const params = { paymentId, 'payment-product': 'domestic' };
    const { authorisationId } = await startAndSelect(owner, 'payment', bic, params);
    for (const operation of ['getPaymentInformation', 'getPaymentInitiationStatus', 'startPaymentAuthorisation', 'getPaymentInitiationAuthorisation'] as const) {
      expectError(await other.call(operation, { bic, params, headers: PSU_HEADERS }), 404, 'RESOURCE_UNKNOWN');
    }
    expectError(await other.call('getPaymentInitiationScaStatus', { bic, params: { ...params, authorisationId }, headers: PSU_HEADERS }), 404, 'RESOURCE_UNKNOWN');
    const update = await other.call('updatePaymentPsuData', { bic, params: { ...params, authorisationId }, body: { authenticationMethodId: 'mbid' }, headers: PSU_HEADERS });
    expectError(update, 404, 'RESOURCE_UNKNOWN');
    assert.equal((await owner.call('getPaymentInitiationStatus', { bic, params, headers: PSU_HEADERS })).status, 200);
  });

  it('the bank login refuses another client\'s authorisation and leaves it waiting for its owner', async () => {
    const bic = 'NDEASESS';
    const consentId = await createConsent(owner, bic);
    const { authorisationId, selected } = await startAndSelect(owner, 'consent', bic, { consentId });
    const href = String(selected.json['_links']['scaOAuth']['href']);
    const { identity } = other;
    const attempt = await new Browser(identity.redirectUri).follow(fillScaTemplate(href, identity.clientId, identity.redirectUri, 'x'));
    assert.equal(attempt.url.searchParams.get('error'), 'invalid_request');
    assert.equal(attempt.url.searchParams.get('code'), null);
    const sca = await owner.call('getConsentScaStatus', { bic, params: { consentId, authorisationId }, headers: PSU_HEADERS });
    assert.equal(sca.json['scaStatus'], 'scaMethodSelected');
  });
});

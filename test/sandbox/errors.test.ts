// The platform's checks and their error rows (reference §4.1, §5, §7.2): status code, tppMessages code and path.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { OPERATIONS, PAYMENT_BODY_TEMPLATES } from '../../src/client/catalogue/catalogue';
import { readResponse, type Response, useSandbox } from './helpers/client';
import { createConsent, createPayment, PSU_HEADERS, redirectSca, startAndSelect, validConsent } from './helpers/flows';

function expectError(res: Response, status: number, code: string, path?: string): void {
  assert.equal(res.status, status, res.text);
  const message = res.json['tppMessages']?.[0];
  assert.equal(message?.code, code, res.text);
  assert.equal(message?.category, 'ERROR');
  if (path !== undefined) assert.equal(message?.path, path);
}

describe('sandbox error rows', () => {
  const c = useSandbox();
  let validSeb: string;

  before(async () => {
    validSeb = await validConsent(c, 'ESSESESS');
  });

  describe('token', () => {
    it('no bearer → 401 TOKEN_INVALID; unknown → TOKEN_UNKNOWN; wrong product → TOKEN_INVALID', async () => {
      const requestId = crypto.randomUUID();
      const none = await fetch(`${c.sandbox.apiHost}/psd2/aspspinformation/v1/countries`, { headers: { 'x-request-id': requestId } });
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('x-request-id'), requestId, 'X-Request-ID echoed on errors');
      expectError(await c.call('getCountriesList', { token: 'not-a-token' }), 401, 'TOKEN_UNKNOWN');
      const aspspToken = await c.token('aspspinformation private');
      expectError(await c.call('createConsent', { token: aspspToken, bic: 'ESSESESS', body: {} }), 401, 'TOKEN_INVALID');
    });
  });

  describe('headers', () => {
    it('X-Request-ID missing or not a UUID → 400 FORMAT_ERROR', async () => {
      const token = await c.token('aspspinformation private');
      const res = await fetch(`${c.sandbox.apiHost}/psd2/aspspinformation/v1/countries`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 400);
      assert.equal((await readResponse(res)).json['tppMessages'][0].path, 'X-Request-ID');
      expectError(await c.call('getCountriesList', { headers: { 'x-request-id': 'abc' } }), 400, 'FORMAT_ERROR', 'X-Request-ID');
    });

    it('X-BicFi missing, malformed or unknown → 400', async () => {
      expectError(await c.call('getConsentStatus', { params: { consentId: validSeb } }), 400, 'FORMAT_ERROR', 'X-BicFi');
      expectError(await c.call('getConsentStatus', { bic: 'seb', params: { consentId: validSeb } }), 400, 'FORMAT_ERROR', 'X-BicFi');
      expectError(await c.call('getConsentStatus', { bic: 'ABCDSESS', params: { consentId: validSeb } }), 400, 'RESOURCE_UNKNOWN', 'X-BicFi');
    });

    it('PSU headers the bank requires: HANDSESS PSU-IP-Address, SWEDSESS PSU-ID and PSU-User-Agent, PIS create PSU-IP-Address', async () => {
      const body = { access: {}, recurringIndicator: true, validUntil: '2099-01-01', frequencyPerDay: 4, combinedServiceIndicator: false };
      expectError(await c.call('createConsent', { bic: 'HANDSESS', body }), 400, 'FORMAT_ERROR', 'PSU-IP-Address');
      expectError(await c.call('createConsent', { bic: 'SWEDSESS', body, headers: { 'psu-ip-address': '10.0.0.1', 'psu-user-agent': 'x' } }), 400, 'FORMAT_ERROR', 'PSU-ID');
      expectError(await c.call('createConsent', { bic: 'SWEDSESS', body, headers: { 'psu-ip-address': '10.0.0.1', 'psu-id': '1' } }), 400, 'FORMAT_ERROR', 'PSU-User-Agent');
      expectError(await c.call('createConsent', { bic: 'ESSESESS', body, headers: { 'psu-ip-address': '999.1.1.1' } }), 400, 'FORMAT_ERROR', 'PSU-IP-Address');
      const payment = await c.call('initiatePayment', { bic: 'ESSESESS', params: { 'payment-product': 'domestic' }, body: PAYMENT_BODY_TEMPLATES.domestic });
      expectError(payment, 400, 'FORMAT_ERROR', 'PSU-IP-Address');
    });
  });

  describe('consents and AIS', () => {
    const ais = (consentId?: string) => ({ bic: 'ESSESESS', headers: { ...PSU_HEADERS, ...(consentId ? { 'consent-id': consentId } : {}) } });

    it('consent body: required fields, formats, unknown accounts, subsets', async () => {
      const base = { access: {}, recurringIndicator: true, validUntil: '2099-01-01', frequencyPerDay: 4, combinedServiceIndicator: false };
      const call = (body: unknown) => c.call('createConsent', { bic: 'ESSESESS', body, headers: PSU_HEADERS });
      expectError(await call({ ...base, recurringIndicator: undefined }), 400, 'FORMAT_ERROR', 'recurringIndicator');
      expectError(await call({ ...base, validUntil: '2099-13-01' }), 400, 'FORMAT_ERROR', 'validUntil');
      expectError(await call({ ...base, validUntil: '2001-01-01' }), 400, 'FORMAT_ERROR', 'validUntil');
      expectError(await call({ ...base, access: { accounts: [{ iban: 'not an iban' }] } }), 400, 'FORMAT_ERROR', 'access.accounts[0].iban');
      expectError(await call({ ...base, access: { accounts: [{ iban: 'SE4930000000000000000001' }] } }), 400, 'RESOURCE_UNKNOWN', 'access.accounts[0]');
      const iban = 'SE3750000000054400047881';
      const other = 'SE2550000000054400047903';
      expectError(await call({ ...base, access: { accounts: [{ iban }], balances: [{ iban: other }] } }), 400, 'PARAMETER_NOT_CONSISTENT', 'access.balances');
      expectError(await call({ ...base, access: { accounts: [{ iban }], transactions: [{ iban }, { iban: other }] } }), 400, 'PARAMETER_NOT_CONSISTENT', 'access.transactions');
      const subset = await call({ ...base, access: { accounts: [{ iban }, { iban: other }], balances: [{ iban }] } });
      assert.equal(subset.status, 201);
    });

    it('Consent-ID missing → 400, unknown → 403 CONSENT_UNKNOWN, not yet valid → 401 CONSENT_INVALID', async () => {
      expectError(await c.call('getAccountList', ais()), 400, 'FORMAT_ERROR', 'Consent-ID');
      expectError(await c.call('getAccountList', ais(crypto.randomUUID())), 403, 'CONSENT_UNKNOWN');
      const received = await createConsent(c, 'ESSESESS');
      expectError(await c.call('getAccountList', ais(received)), 401, 'CONSENT_INVALID');
      expectError(await c.call('getConsentStatus', { bic: 'NDEASESS', params: { consentId: received }, headers: PSU_HEADERS }), 403, 'CONSENT_UNKNOWN');
      expectError(await c.call('deleteConsent', { bic: 'ESSESESS', params: { consentId: crypto.randomUUID() }, headers: PSU_HEADERS }), 403, 'CONSENT_UNKNOWN');
    });

    it('expired (admin helper) → 401 CONSENT_EXPIRED; deleted → terminatedByTpp and CONSENT_INVALID', async () => {
      const consentId = await validConsent(c, 'ESSESESS');
      assert.equal((await c.call('getAccountList', ais(consentId))).status, 200);
      const expire = await fetch(`${c.sandbox.apiHost}/__sandbox/consents/${consentId}/expire`, { method: 'POST' });
      assert.equal(expire.status, 200);
      expectError(await c.call('getAccountList', ais(consentId)), 401, 'CONSENT_EXPIRED');
      const another = await validConsent(c, 'ESSESESS');
      assert.equal((await c.call('deleteConsent', { bic: 'ESSESESS', params: { consentId: another }, headers: PSU_HEADERS })).status, 204);
      assert.equal((await c.call('getConsentStatus', { bic: 'ESSESESS', params: { consentId: another }, headers: PSU_HEADERS })).json['consentStatus'], 'terminatedByTpp');
      expectError(await c.call('getAccountList', ais(another)), 401, 'CONSENT_INVALID');
    });

    it('accounts: unknown → 404; not in the consent → 401; transactions need bookingStatus and a sane period', async () => {
      expectError(await c.call('readAccountDetails', { ...ais(validSeb), params: { 'account-id': 'nope' } }), 404, 'RESOURCE_UNKNOWN', 'account-id');
      const access = { accounts: [{ iban: 'SE3750000000054400047881' }] };
      const limited = await createConsent(c, 'ESSESESS', {}, { access, recurringIndicator: true, validUntil: '2099-01-01', frequencyPerDay: 4, combinedServiceIndicator: false });
      assert.equal((await redirectSca(c, 'consent', 'ESSESESS', { consentId: limited })).activation?.status, 200);
      const mine = await c.call('getAccountList', ais(limited));
      assert.deepEqual(mine.json['accounts'].map((a: { iban: string }) => a.iban), ['SE3750000000054400047881']);
      assert.equal(mine.json['accounts'][0]._links.balances, undefined, 'no balances granted');
      const list = await c.call('getAccountList', ais(validSeb));
      const accountId = String(list.json['accounts'][0].resourceId);
      const otherId = String(list.json['accounts'][1].resourceId);
      expectError(await c.call('readAccountDetails', { ...ais(limited), params: { 'account-id': otherId } }), 401, 'CONSENT_INVALID', 'account-id');
      expectError(await c.call('getBalances', { ...ais(limited), params: { 'account-id': accountId } }), 401, 'CONSENT_INVALID', 'account-id');
      const tx = (query: Record<string, string>) => c.call('getTransactionList', { ...ais(validSeb), params: { 'account-id': accountId }, query });
      expectError(await tx({}), 400, 'FORMAT_ERROR', 'bookingStatus');
      expectError(await tx({ bookingStatus: 'all' }), 400, 'FORMAT_ERROR', 'bookingStatus');
      expectError(await tx({ bookingStatus: 'both', dateFrom: '2024-02-30' }), 400, 'FORMAT_ERROR', 'dateFrom');
      expectError(await tx({ bookingStatus: 'both', dateFrom: '2024-03-02', dateTo: '2024-03-01' }), 400, 'PERIOD_INVALID');
      expectError(await c.call('getTransactionDetails', { ...ais(validSeb), params: { 'account-id': accountId, transactionId: 'nope' } }), 404, 'RESOURCE_UNKNOWN');
    });

    it('an explicit consent grants only its accounts; transaction details only where the bank offers them', async () => {
      const consentId = await validConsent(c, 'NDEASESS');
      const list = await c.call('getAccountList', { bic: 'NDEASESS', headers: { ...PSU_HEADERS, 'consent-id': consentId } });
      const accountId = String(list.json['accounts'][0].resourceId);
      const tx = await c.call('getTransactionList', { bic: 'NDEASESS', headers: { ...PSU_HEADERS, 'consent-id': consentId }, params: { 'account-id': accountId }, query: { bookingStatus: 'booked' } });
      const first = tx.json['transactions']['booked'][0];
      assert.equal(first._links, undefined);
      expectError(await c.call('getTransactionDetails', { bic: 'NDEASESS', headers: { ...PSU_HEADERS, 'consent-id': consentId }, params: { 'account-id': accountId, transactionId: first.transactionId } }), 400, 'SERVICE_INVALID');
    });

    it('unattended reads beyond frequencyPerDay → 429 ACCESS_EXCEEDED; with the PSU present no limit', async () => {
      const body = { access: {}, recurringIndicator: true, validUntil: '2099-01-01', frequencyPerDay: 2, combinedServiceIndicator: false };
      const consentId = await createConsent(c, 'ESSESESS', {}, body);
      await redirectSca(c, 'consent', 'ESSESESS', { consentId });
      const got = await c.call('getConsentInformation', { bic: 'ESSESESS', params: { consentId }, headers: PSU_HEADERS });
      assert.equal(got.json['consentId'], consentId);
      assert.equal(got.json['frequencyPerDay'], 2);
      const unattended = { bic: 'ESSESESS', headers: { 'consent-id': consentId } };
      assert.equal((await c.call('getAccountList', unattended)).status, 200);
      assert.equal((await c.call('getAccountList', unattended)).status, 200);
      expectError(await c.call('getAccountList', unattended), 429, 'ACCESS_EXCEEDED');
      assert.equal((await c.call('getAccountList', ais(consentId))).status, 200);
    });

    it('X-AffiliatedASPSP-ID must name an affiliated bank; corporate context only where the bank offers it', async () => {
      const swed = { ...PSU_HEADERS, 'x-affiliatedaspsp-id': '08999' };
      assert.ok(await createConsent(c, 'SWEDSESS', swed));
      const body = { access: {}, recurringIndicator: true, validUntil: '2099-01-01', frequencyPerDay: 4, combinedServiceIndicator: false };
      const unknown = await c.call('createConsent', { bic: 'SWEDSESS', body, headers: { ...PSU_HEADERS, 'x-affiliatedaspsp-id': '12345' } });
      expectError(unknown, 400, 'RESOURCE_UNKNOWN', 'X-AffiliatedASPSP-ID');
      const corporate = await c.call('createConsent', { bic: 'DABASESX', body, headers: PSU_HEADERS, scope: 'accountinformation corporate' });
      expectError(corporate, 400, 'SERVICE_INVALID');
      assert.equal((await c.call('createConsent', { bic: 'ESSESESS', body, headers: PSU_HEADERS, scope: 'accountinformation corporate' })).status, 201);
    });

    it('Start Authorisation on a valid consent → 409 STATUS_INVALID; unknown SCA method → 400 SCA_METHOD_UNKNOWN', async () => {
      expectError(await c.call('startConsentAuthorisation', { bic: 'ESSESESS', params: { consentId: validSeb }, headers: PSU_HEADERS }), 409, 'STATUS_INVALID');
      const consentId = await createConsent(c, 'ESSESESS');
      const started = await c.call('startConsentAuthorisation', { bic: 'ESSESESS', params: { consentId }, headers: PSU_HEADERS });
      const authorisationId = String(started.json['authorisationId']);
      const res = await c.call('updateConsentsPsuData', { bic: 'ESSESESS', params: { consentId, authorisationId }, body: { authenticationMethodId: 'sms' }, headers: PSU_HEADERS });
      expectError(res, 400, 'SCA_METHOD_UNKNOWN');
      expectError(await c.call('getConsentScaStatus', { bic: 'ESSESESS', params: { consentId, authorisationId: 'x' }, headers: PSU_HEADERS }), 404, 'RESOURCE_UNKNOWN');
    });
  });

  describe('payments', () => {
    const create = (product: string, body: unknown, bic = 'ESSESESS', service = 'payments') =>
      c.call('initiatePayment', { bic, params: { 'payment-product': product, 'payment-service': service }, body, headers: PSU_HEADERS });
    const domestic = PAYMENT_BODY_TEMPLATES.domestic as Record<string, unknown>;
    const giro = PAYMENT_BODY_TEMPLATES['swedish-giro'] as Record<string, unknown>;

    it('amount pattern, account references and required fields → 400 FORMAT_ERROR with the path', async () => {
      expectError(await create('domestic', { ...domestic, instructedAmount: { currency: 'SEK', amount: '10,50' } }), 400, 'FORMAT_ERROR', 'instructedAmount.amount');
      expectError(await create('domestic', { ...domestic, instructedAmount: { currency: 'sek', amount: '1' } }), 400, 'FORMAT_ERROR', 'instructedAmount.currency');
      expectError(await create('domestic', { ...domestic, debtorAccount: { currency: 'SEK' } }), 400, 'FORMAT_ERROR', 'debtorAccount');
      expectError(await create('domestic', { ...domestic, creditorName: undefined }), 400, 'FORMAT_ERROR', 'creditorName');
      expectError(await create('domestic', { ...domestic, creditorAccount: { iban: 'SE12', bban: '1' } }), 400, 'FORMAT_ERROR', 'creditorAccount.iban');
      expectError(await create('domestic', { ...domestic, creditorAgent: '' }), 400, 'FORMAT_ERROR', 'creditorAgent');
      expectError(await create('domestic', { ...domestic, requestedExecutionDate: '2001-01-01' }), 400, 'EXECUTION_DATE_INVALID');
      expectError(await create('domestic', [domestic]), 400, 'FORMAT_ERROR', 'body');
    });

    it('swedish-giro needs exactly one of ocrRef or invoiceRef', async () => {
      assert.equal((await create('swedish-giro', giro)).status, 201);
      expectError(await create('swedish-giro', { ...giro, invoiceRef: 'Invoice 4421' }), 400, 'FORMAT_ERROR');
      expectError(await create('swedish-giro', { ...giro, ocrRef: undefined }), 400, 'FORMAT_ERROR', 'ocrRef');
      expectError(await create('swedish-giro', { ...giro, ocrRef: '12ab' }), 400, 'FORMAT_ERROR', 'ocrRef');
      assert.equal((await create('swedish-giro', { ...giro, ocrRef: undefined, invoiceRef: 'Invoice 4421' })).status, 201);
    });

    it('products the bank lacks → 404 PRODUCT_UNKNOWN; SEPA only in EUR; only the "payments" service', async () => {
      expectError(await create('sepa-credit-transfers', PAYMENT_BODY_TEMPLATES['sepa-credit-transfers']), 404, 'PRODUCT_UNKNOWN');
      expectError(await create('cheques', domestic), 404, 'PRODUCT_UNKNOWN');
      expectError(await create('sepa-credit-transfers', { ...domestic }, 'NDEAFIHH'), 400, 'FORMAT_ERROR', 'instructedAmount.currency');
      expectError(await create('domestic', domestic, 'ESSESESS', 'periodic-payments'), 400, 'SERVICE_INVALID');
    });

    it('cancellation answers 405 SERVICE_INVALID, as the platform documents it unsupported', async () => {
      const { paymentId } = await createPayment(c, 'ESSESESS', 'domestic');
      const params = { paymentId, 'payment-product': 'domestic', cancellationId: 'c1' };
      const unsupported = OPERATIONS.filter((op) => !op.supportedByPlatform);
      assert.ok(unsupported.some((op) => op.id === 'cancelPayment'), 'the catalogue marks cancellation unsupported');
      for (const op of unsupported) {
        const body = op.method === 'PUT' ? { body: {} } : {};
        expectError(await c.call(op.id, { bic: 'ESSESESS', params, headers: PSU_HEADERS, ...body }), 405, 'SERVICE_INVALID');
      }
    });

    it('unknown payment → 404; a signed payment cannot be authorised again → 409', async () => {
      expectError(await c.call('getPaymentInitiationStatus', { bic: 'ESSESESS', params: { paymentId: 'nope', 'payment-product': 'domestic' }, headers: PSU_HEADERS }), 404, 'RESOURCE_UNKNOWN');
      const { paymentId } = await createPayment(c, 'HANDSESS', 'domestic');
      const params = { paymentId, 'payment-product': 'domestic' };
      await startAndSelect(c, 'payment', 'HANDSESS', params);
      expectError(await c.call('startPaymentAuthorisation', { bic: 'HANDSESS', params, headers: PSU_HEADERS }), 409, 'STATUS_INVALID');
    });
  });
});

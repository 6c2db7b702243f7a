// Full platform flows scripted like a TPP plus a browser, over real HTTP on loopback.
import assert from 'node:assert/strict';
import { useSandbox } from './helpers/client';
import { createConsent, createPayment, PSU_HEADERS, redirectSca, scaStatus, startAndSelect, validConsent } from './helpers/flows';

describe('sandbox flows', () => {
  const c = useSandbox();

  it('consent via scaOAuth: authorize → bank page → approve → code → token with X-ConsentId → valid → AIS', async () => {
    const bic = 'ESSESESS';
    const consentId = await createConsent(c, bic);
    const before = await c.call('getConsentStatus', { bic, params: { consentId }, headers: PSU_HEADERS });
    assert.equal(before.json['consentStatus'], 'received');

    const { authorisationId, activation, callback, href } = await redirectSca(c, 'consent', bic, { consentId });
    assert.match(href, new RegExp(`^${c.sandbox.authHost}/connect/authorize\\?client_id=\\[CLIENT_ID\\]&scope=accountinformation%20private`));
    assert.match(href, /redirect_uri=\[TPP_REDIRECT_URI\]&state=\[TPP_STATE\]&acr_values=idp:ESSESESS%20consentId:/);
    assert.equal(callback.origin + callback.pathname, c.sandbox.client.redirectUri);
    // §3.7: "TPP Callback GET [TPP Redirect URI] Q: code, scope, state" — exactly these, no RFC 9207 iss.
    assert.deepEqual([...callback.searchParams.keys()], ['code', 'scope', 'state']);
    assert.equal(callback.searchParams.get('scope'), 'accountinformation private');
    assert.equal(activation?.status, 200, activation?.text);
    assert.equal(activation?.json['token_type'], 'Bearer');
    assert.equal(activation?.json['scope'], 'accountinformation private');

    const sca = await scaStatus(c, 'consent', bic, { consentId }, authorisationId);
    assert.equal(sca.json['scaStatus'], 'finalised');
    const status = await c.call('getConsentStatus', { bic, params: { consentId }, headers: PSU_HEADERS });
    assert.equal(status.json['consentStatus'], 'valid');

    const headers = { 'consent-id': consentId, ...PSU_HEADERS };
    const accounts = await c.call('getAccountList', { bic, headers, query: { withBalance: 'true' } });
    assert.equal(accounts.status, 200, accounts.text);
    assert.ok(accounts.json['accounts'].length >= 2);
    const account = accounts.json['accounts'][0];
    assert.equal(account.iban, 'SE3750000000054400047881');
    assert.ok(account.balances.length > 0);
    const accountId = String(account.resourceId);
    const details = await c.call('readAccountDetails', { bic, headers, params: { 'account-id': accountId } });
    assert.equal(details.json['resourceId'], accountId);
    const balances = await c.call('getBalances', { bic, headers, params: { 'account-id': accountId } });
    assert.deepEqual(balances.json['balances'].map((b: { balanceType: string }) => b.balanceType), ['closingBooked', 'interimAvailable']);
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const txs = await c.call('getTransactionList', { bic, headers, params: { 'account-id': accountId }, query: { bookingStatus: 'both', dateFrom: from, dateTo: today } });
    assert.equal(txs.status, 200, txs.text);
    const booked = txs.json['transactions']['booked'] as { transactionId: string; bookingDate: string; _links: { transactionDetails: { href: string } } }[];
    assert.ok(booked.length > 0 && booked.every((t) => t.bookingDate >= from && t.bookingDate <= today));
    assert.ok(txs.json['transactions']['pending'].length > 0);
    const onlyBooked = await c.call('getTransactionList', { bic, headers, params: { 'account-id': accountId }, query: { bookingStatus: 'booked' } });
    assert.equal(onlyBooked.json['transactions']['pending'], undefined);
    const one = await c.call('getTransactionDetails', { bic, headers, params: { 'account-id': accountId, transactionId: booked[0]!.transactionId } });
    assert.equal(one.status, 200, one.text);
    assert.equal(one.json['transactionId'], booked[0]!.transactionId);
    assert.ok(booked[0]!._links.transactionDetails.href.endsWith(booked[0]!.transactionId));
  });

  it('denial at the bank: callback error=access_denied with state, SCA failed, consent rejected', async () => {
    const bic = 'NDEASESS';
    const consentId = await createConsent(c, bic);
    const { authorisationId, callback } = await redirectSca(c, 'consent', bic, { consentId }, 'deny');
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('code'), null);
    assert.equal(callback.searchParams.has('iss'), false, 'no RFC 9207 iss: the platform documents none');
    const sca = await scaStatus(c, 'consent', bic, { consentId }, authorisationId);
    assert.equal(sca.json['scaStatus'], 'failed');
    const status = await c.call('getConsentStatus', { bic, params: { consentId }, headers: PSU_HEADERS });
    assert.equal(status.json['consentStatus'], 'rejected');
    const ais = await c.call('getAccountList', { bic, headers: { 'consent-id': consentId, ...PSU_HEADERS } });
    assert.equal(ais.status, 401);
    assert.equal(ais.json['tppMessages'][0].code, 'CONSENT_INVALID');
  });

  it('decoupled consent (SWEDSESS, TPP-Redirect-Preferred: false): challengeData tokens while polling, then valid', async () => {
    const bic = 'SWEDSESS';
    const preferDecoupled = { 'tpp-redirect-preferred': 'false' };
    const consentId = await createConsent(c, bic, preferDecoupled);
    const { authorisationId, selected } = await startAndSelect(c, 'consent', bic, { consentId }, 'mbid_animated_qr_token', preferDecoupled);
    assert.equal(selected.headers.get('aspsp-sca-approach'), 'DECOUPLED');
    assert.equal(selected.json['scaStatus'], 'authenticationStarted');
    const tokens = [selected.json['challengeData']['data'][0]];
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await scaStatus(c, 'consent', bic, { consentId }, authorisationId);
      seen.push(res.json['scaStatus']);
      if (res.json['scaStatus'] === 'finalised') {
        assert.equal(res.json['challengeData'], undefined);
        break;
      }
      tokens.push(res.json['challengeData']['data'][0]);
    }
    assert.deepEqual(seen, ['started', 'finalised']);
    assert.equal(new Set(tokens).size, tokens.length, 'animated QR tokens refresh on every poll');
    const status = await c.call('getConsentStatus', { bic, params: { consentId }, headers: PSU_HEADERS });
    assert.equal(status.json['consentStatus'], 'valid');
  });

  it('HANDSESS decoupled SCA is approved by the bank as soon as it starts', async () => {
    const bic = 'HANDSESS';
    const consentId = await createConsent(c, bic);
    const { started, selected } = await startAndSelect(c, 'consent', bic, { consentId });
    assert.equal(started.headers.get('aspsp-sca-approach'), 'DECOUPLED');
    assert.equal(started.json['scaStatus'], 'finalised');
    assert.equal(selected.json['scaStatus'], 'finalised');
    const status = await c.call('getConsentStatus', { bic, params: { consentId }, headers: PSU_HEADERS });
    assert.equal(status.json['consentStatus'], 'valid');
  });

  it('domestic payment: created RCVD, authorised via scaOAuth, status moves ACTC → ACSC', async () => {
    const bic = 'ESSESESS';
    const { paymentId } = await createPayment(c, bic, 'domestic');
    const params = { paymentId, 'payment-product': 'domestic' };
    const before = await c.call('getPaymentInitiationStatus', { bic, params, headers: PSU_HEADERS });
    assert.equal(before.json['transactionStatus'], 'RCVD');
    const { activation, authorisationId } = await redirectSca(c, 'payment', bic, params);
    assert.equal(activation?.status, 200, activation?.text);
    assert.equal((await scaStatus(c, 'payment', bic, params, authorisationId)).json['scaStatus'], 'finalised');
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await c.call('getPaymentInitiationStatus', { bic, params, headers: PSU_HEADERS })).json['transactionStatus']);
    assert.deepEqual(statuses, ['ACTC', 'ACSC', 'ACSC']);
    const payment = await c.call('getPaymentInformation', { bic, params, headers: PSU_HEADERS });
    assert.equal(payment.json['transactionStatus'], 'ACSC');
    assert.equal(payment.json['creditorName'], 'John Doe');
    const ids = await c.call('getPaymentInitiationAuthorisation', { bic, params, headers: PSU_HEADERS });
    assert.deepEqual(ids.json['authorisationIds'], [authorisationId]);
  });

  it('payment denial at the bank rejects the payment (RJCT)', async () => {
    const bic = 'NDEASESS';
    const { paymentId } = await createPayment(c, bic, 'swedish-giro');
    const params = { paymentId, 'payment-product': 'swedish-giro' };
    const { callback } = await redirectSca(c, 'payment', bic, params, 'deny');
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    const status = await c.call('getPaymentInitiationStatus', { bic, params, headers: PSU_HEADERS });
    assert.equal(status.json['transactionStatus'], 'RJCT');
  });

  it('decoupled payment the PSU declines in the app (admin helper): SCA failed, payment RJCT', async () => {
    const bic = 'SWEDSESS';
    const preferDecoupled = { 'tpp-redirect-preferred': 'false' };
    const { paymentId } = await createPayment(c, bic, 'domestic', preferDecoupled);
    const params = { paymentId, 'payment-product': 'domestic' };
    const { authorisationId, selected } = await startAndSelect(c, 'payment', bic, params, 'mbid_animated_qr_image', preferDecoupled);
    assert.equal(selected.headers.get('aspsp-sca-approach'), 'DECOUPLED');
    assert.ok(selected.json['challengeData']['image']);
    const deny = await fetch(`${c.sandbox.apiHost}/__sandbox/authorisations/${authorisationId}/deny`, { method: 'POST' });
    assert.equal(deny.status, 200);
    assert.equal((await scaStatus(c, 'payment', bic, params, authorisationId)).json['scaStatus'], 'failed');
    const status = await c.call('getPaymentInitiationStatus', { bic, params, headers: PSU_HEADERS });
    assert.equal(status.json['transactionStatus'], 'RJCT');
  });

  it('sepa-credit-transfers at Nordea Finland and international at Swedbank are accepted', async () => {
    const sepa = await createPayment(c, 'NDEAFIHH', 'sepa-credit-transfers');
    assert.ok(sepa.paymentId);
    const intl = await createPayment(c, 'SWEDSESS', 'international');
    assert.ok(intl.paymentId);
  });

  it('a valid consent works for AIS at every sandbox bank', async () => {
    for (const bic of ['NDEASESS', 'HANDSESS', 'SWEDSESS', 'DABASESX', 'NDEAFIHH', 'OKOYFIHH']) {
      const consentId = await validConsent(c, bic);
      const list = await c.call('getAccountList', { bic, headers: { 'consent-id': consentId, ...PSU_HEADERS } });
      assert.equal(list.status, 200, `${bic}: ${list.text}`);
      assert.ok(list.json['accounts'].length >= 2, bic);
    }
  });
});

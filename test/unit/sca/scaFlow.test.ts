import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { LoopbackError } from '../../../src/client/auth/loopback';
import { ScaFlow, type ScaOutcome, type ScaSubject } from '../../../src/client/sca';
import { AUTH_HOST, METHODS, SETTINGS, Script, consent, failedAnswer, oauthTemplate, okAnswer, payment, sca, selected, started } from './support/scriptedDeps';

const CONSENT: ScaSubject = { kind: 'consent', bicFi: 'NDEASESS', consentId: 'c-1' };
const PAYMENT: ScaSubject = { kind: 'payment', bicFi: 'NDEASESS', paymentId: 'p-1', paymentProduct: 'domestic' };

function run(script: Script, subject: ScaSubject = CONSENT, signal?: AbortSignal, settings = SETTINGS): Promise<ScaOutcome> {
  return new ScaFlow(script.deps(), settings).authorise(subject, signal);
}

function redirectScript(link: 'scaOAuth' | 'scaRedirect' = 'scaOAuth'): Script {
  return new Script()
    .on('startConsentAuthorisation', started('REDIRECT'))
    .on('updateConsentsPsuData', selected(link))
    .on('getConsentScaStatus', sca('scaMethodSelected'), sca('finalised'))
    .on('getConsentStatus', consent('received'), consent('valid'));
}

describe('ScaFlow (scripted)', () => {
  describe('REDIRECT with scaOAuth', () => {
    it('starts, selects mbid, sends the browser to the filled template, exchanges the code with PKCE, then polls to valid', async () => {
      const script = redirectScript();
      const outcome = await run(script);
      assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
      assert.deepEqual(script.operations(), [
        'startConsentAuthorisation',
        'updateConsentsPsuData',
        'getConsentScaStatus',
        'getConsentScaStatus',
        'getConsentStatus',
        'getConsentStatus',
      ]);
      assert.deepEqual(script.sent[0]?.params, { consentId: 'c-1', 'X-BicFi': 'NDEASESS' });
      assert.equal(script.sent[0]?.body, undefined);
      assert.deepEqual(script.sent[1]?.params, { consentId: 'c-1', 'X-BicFi': 'NDEASESS', authorisationId: 'auth-1' });
      assert.deepEqual(script.sent[1]?.body, { authenticationMethodId: 'mbid' });
      assert.equal(script.listenerRequests[0]?.mode, 'code');
      assert.equal(script.listenerRequests[0]?.expectedState, 'state-1');
      const opened = new URL(script.opened[0] ?? '');
      assert.equal(opened.origin, AUTH_HOST);
      assert.equal(opened.searchParams.get('state'), 'state-1');
      assert.equal(opened.searchParams.get('redirect_uri'), 'http://127.0.0.1:53682/callback');
      const [exchange] = script.exchanges;
      assert.equal(exchange?.code, 'code-for-state-1');
      assert.deepEqual(exchange?.target, { kind: 'consent', consentId: 'c-1', authorisationId: 'auth-1' });
      assert.equal(exchange?.redirectUri, 'http://127.0.0.1:53682/callback');
      assert.equal(opened.searchParams.get('code_challenge'), crypto.createHash('sha256').update(exchange?.codeVerifier ?? '').digest('base64url'));
      assert.deepEqual(script.sleeps, [2_000, 2_000]);
      assert.equal(script.listenerClosed, 0, 'the listener closes itself after serving the finish page');
      assert.equal(outcome.route, 'scaOAuth');
      assert.equal(outcome.methodId, 'mbid');
      assert.equal(outcome.scaStatus, 'finalised');
      assert.equal(outcome.parentStatus, 'valid');
      assert.equal(outcome.authorisationId, 'auth-1');
      assert.equal(outcome.requestIds.length, 7);
      assert.ok(outcome.requestIds.includes('exchange-request-id'));
      assert.deepEqual([...new Set(script.progress.map((p) => p.phase))], ['starting', 'choosingMethod', 'selectingMethod', 'waitingForBrowser', 'activating', 'waitingForSca', 'waitingForStatus']);
    });

    it('authorises a payment with its path parameters and X-Payment target, until the status leaves RCVD', async () => {
      const script = new Script()
        .on('startPaymentAuthorisation', started('REDIRECT'))
        .on('updatePaymentPsuData', selected('scaOAuth', oauthTemplate('payment')))
        .on('getPaymentInitiationScaStatus', sca('finalised'))
        .on('getPaymentInitiationStatus', payment('RCVD'), payment('PDNG'), payment('ACTC'));
      const outcome = await run(script, PAYMENT);
      assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
      assert.equal(outcome.parentStatus, 'ACTC');
      assert.deepEqual(script.sent[0]?.params, { paymentId: 'p-1', 'payment-service': 'payments', 'payment-product': 'domestic', 'X-BicFi': 'NDEASESS' });
      assert.deepEqual(script.exchanges[0]?.target, { kind: 'payment', paymentId: 'p-1', authorisationId: 'auth-1' });
    });

    it('ends as denied with the callback error as data, without a code exchange', async () => {
      const script = redirectScript();
      script.callback = () => ({ kind: 'denied', error: 'access_denied', errorDescription: 'The PSU denied' });
      const outcome = await run(script);
      assert.deepEqual({ kind: outcome.kind, error: outcome.kind === 'denied' && outcome.error }, { kind: 'denied', error: 'access_denied' });
      assert.equal(outcome.kind === 'denied' && outcome.errorDescription, 'The PSU denied');
      assert.equal(script.exchanges.length, 0);
    });

    it('fails with the exchange failure when the code is refused', async () => {
      const script = redirectScript();
      script.exchangeResult = { ok: false, failure: { kind: 'invalid_grant', requestId: 'rid-x', status: 400, oauthError: 'invalid_grant' } };
      const outcome = await run(script);
      assert.equal(outcome.kind, 'failed');
      assert.equal(outcome.kind === 'failed' && outcome.reason, 'code_exchange_failed');
      assert.equal(outcome.kind === 'failed' && outcome.exchangeFailure?.kind, 'invalid_grant');
      assert.ok(outcome.requestIds.includes('rid-x'));
    });

    it('times out while the browser is out when the listener does', async () => {
      const script = redirectScript();
      script.callback = () => ({ kind: 'timeout' });
      const outcome = await run(script);
      assert.deepEqual({ kind: outcome.kind, phase: outcome.kind === 'timedOut' && outcome.phase }, { kind: 'timedOut', phase: 'waitingForBrowser' });
      assert.equal(script.listenerRequests[0]?.timeoutMs, SETTINGS.timeoutMs);
    });

    it('fails on a callback with our state but no code', async () => {
      const script = redirectScript();
      script.callback = () => ({ kind: 'malformed' });
      const outcome = await run(script);
      assert.equal(outcome.kind === 'failed' && outcome.reason, 'callback_malformed');
    });

    it('refuses a template that points away from AUTH_HOST: no browser, listener closed', async () => {
      const fresh = new Script()
        .on('startConsentAuthorisation', started('REDIRECT'))
        .on('updateConsentsPsuData', selected('scaOAuth', 'https://evil.example/connect/authorize?state=[TPP_STATE]'));
      const outcome = await run(fresh);
      assert.equal(outcome.kind === 'failed' && outcome.reason, 'invalid_sca_link');
      assert.equal(outcome.kind === 'failed' && outcome.templateProblem, 'foreign_authorize_endpoint');
      assert.deepEqual(fresh.opened, []);
      assert.equal(fresh.listenerClosed, 1);
    });

    it('fails when the browser could not be opened, closing the listener', async () => {
      const script = redirectScript();
      script.openResult = false;
      const outcome = await run(script);
      assert.equal(outcome.kind === 'failed' && outcome.reason, 'browser_not_opened');
      assert.equal(script.listenerClosed, 1);
    });

    it('fails with the listener error (e.g. the port is busy) before opening anything', async () => {
      const script = redirectScript();
      script.listenerError = new LoopbackError({ kind: 'port_in_use', port: 53682 });
      const outcome = await run(script);
      assert.equal(outcome.kind === 'failed' && outcome.reason, 'listener_failed');
      assert.deepEqual(outcome.kind === 'failed' && outcome.listenerError, { kind: 'port_in_use', port: 53682 });
      assert.deepEqual(script.opened, []);
    });
  });

  describe('REDIRECT with scaRedirect', () => {
    it('listens in stateOnly mode, adds no PKCE and exchanges nothing', async () => {
      const script = redirectScript('scaRedirect');
      script.callback = () => ({ kind: 'redirected', scope: 'accountinformation private' });
      const outcome = await run(script);
      assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
      assert.equal(outcome.route, 'scaRedirect');
      assert.equal(script.listenerRequests[0]?.mode, 'stateOnly');
      assert.equal(new URL(script.opened[0] ?? '').searchParams.get('code_challenge'), null);
      assert.equal(script.exchanges.length, 0);
    });
  });

  describe('DECOUPLED', () => {
    function decoupledScript(): Script {
      return new Script()
        .on('startConsentAuthorisation', started('DECOUPLED'))
        .on('updateConsentsPsuData', okAnswer({ scaStatus: 'authenticationStarted', challengeData: { data: ['tok-0'] }, psuMessage: 'Open BankID' }, { 'ASPSP-SCA-Approach': 'DECOUPLED' }))
        .on(
          'getConsentScaStatus',
          sca('authenticationStarted', { challengeData: { data: ['tok-1'] } }),
          sca('started', { challengeData: { data: ['tok-2'] } }),
          sca('finalised'),
        )
        .on('getConsentStatus', consent('valid'));
    }

    it('prefers the animated QR token, surfaces every refreshed challenge and polls every second', async () => {
      const script = decoupledScript();
      const outcome = await run(script);
      assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
      assert.equal(outcome.route, 'decoupled');
      assert.equal(outcome.methodId, 'mbid_animated_qr_token');
      assert.deepEqual(script.challenges.map((c) => c.qrText), ['tok-0', 'tok-1', 'tok-2']);
      assert.equal(script.challenges[0]?.psuMessage, 'Open BankID');
      assert.deepEqual(script.sleeps, [1_000, 1_000, 1_000]);
      assert.deepEqual(script.opened, []);
      assert.deepEqual(script.listenerRequests, []);
    });

    it('re-shows the challenge after every read, keeping the last QR when a read carries none', async () => {
      const script = new Script()
        .on('startConsentAuthorisation', started('DECOUPLED'))
        .on('updateConsentsPsuData', okAnswer({ scaStatus: 'authenticationStarted', challengeData: { data: ['tok-0'] } }, { 'ASPSP-SCA-Approach': 'DECOUPLED' }))
        .on('getConsentScaStatus', sca('psuAuthenticated'), sca('started', { psuMessage: 'Sign in the app' }), sca('finalised'))
        .on('getConsentStatus', consent('valid'));
      const outcome = await run(script);
      assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
      assert.deepEqual(
        script.challenges.map((c) => [c.scaStatus, c.qrText, c.psuMessage]),
        [['authenticationStarted', 'tok-0', undefined], ['psuAuthenticated', 'tok-0', undefined], ['started', 'tok-0', 'Sign in the app']],
      );
    });

    it('shows nothing while no read has carried a challenge', async () => {
      const script = new Script()
        .on('startConsentAuthorisation', started('DECOUPLED'))
        .on('updateConsentsPsuData', okAnswer({ scaStatus: 'started' }, { 'ASPSP-SCA-Approach': 'DECOUPLED' }))
        .on('getConsentScaStatus', sca('started'), sca('finalised'))
        .on('getConsentStatus', consent('valid'));
      assert.equal((await run(script)).kind, 'finalised');
      assert.deepEqual(script.challenges, []);
    });

    it('fails when the SCA status turns failed (the PSU declined in the app)', async () => {
      const fresh = new Script()
        .on('startConsentAuthorisation', started('DECOUPLED'))
        .on('updateConsentsPsuData', okAnswer({ scaStatus: 'started', challengeData: { data: ['t'] } }, { 'ASPSP-SCA-Approach': 'DECOUPLED' }))
        .on('getConsentScaStatus', sca('started'), sca('failed'));
      const outcome = await run(fresh);
      assert.equal(outcome.kind === 'failed' && outcome.reason, 'sca_failed');
      assert.equal(outcome.scaStatus, 'failed');
    });

    it('times out when the PSU never acts, within the overall timeout on the injected clock', async () => {
      const script = new Script()
        .on('startConsentAuthorisation', started('DECOUPLED'))
        .on('updateConsentsPsuData', okAnswer({ scaStatus: 'started', challengeData: { data: ['t'] } }, { 'ASPSP-SCA-Approach': 'DECOUPLED' }))
        .on('getConsentScaStatus', sca('started', { challengeData: { data: ['t'] } }));
      const outcome = await run(script, CONSENT, undefined, { ...SETTINGS, timeoutMs: 10_000 });
      assert.deepEqual({ kind: outcome.kind, phase: outcome.kind === 'timedOut' && outcome.phase }, { kind: 'timedOut', phase: 'waitingForSca' });
      assert.equal(script.clock, 10_000);
      assert.equal(script.operations().filter((o) => o === 'getConsentScaStatus').length, 9);
    });

    it('ends as cancelled when the signal aborts between polls', async () => {
      const script = new Script()
        .on('startConsentAuthorisation', started('DECOUPLED'))
        .on('updateConsentsPsuData', okAnswer({ scaStatus: 'started' }, { 'ASPSP-SCA-Approach': 'DECOUPLED' }))
        .on('getConsentScaStatus', sca('started'));
      const controller = new AbortController();
      script.onSleep = () => {
        if (script.sleeps.length === 3) controller.abort();
      };
      const outcome = await run(script, CONSENT, controller.signal);
      assert.equal(outcome.kind, 'cancelled');
      assert.equal(outcome.scaStatus, 'started');
    });

    it('skips method selection when the bank finalised at Start Authorisation (HANDSESS)', async () => {
      const script = new Script()
        .on('startConsentAuthorisation', okAnswer({ authorisationId: 'auth-1', scaStatus: 'finalised', scaMethods: METHODS }, { 'ASPSP-SCA-Approach': 'DECOUPLED' }))
        .on('getConsentStatus', consent('valid'));
      const outcome = await run(script);
      assert.equal(outcome.kind, 'finalised');
      assert.equal(outcome.route, 'none');
      assert.deepEqual(script.operations(), ['startConsentAuthorisation', 'getConsentStatus']);
    });
  });

  describe('failures and choices', () => {
    it('returns the request failure when a call the flow needs fails', async () => {
      const script = new Script().on('startConsentAuthorisation', failedAnswer('http', 403));
      const outcome = await run(script);
      assert.equal(outcome.kind === 'failed' && outcome.reason, 'request_failed');
      assert.equal(outcome.kind === 'failed' && outcome.failure?.status, 403);
      assert.equal(outcome.requestIds.length, 1);
    });

    it('rides out two transient status failures but not a third, nor a 4xx', async () => {
      const tolerant = new Script()
        .on('startConsentAuthorisation', started('REDIRECT'))
        .on('updateConsentsPsuData', selected('scaOAuth'))
        .on('getConsentScaStatus', failedAnswer('network'), failedAnswer('http', 503), sca('finalised'))
        .on('getConsentStatus', consent('valid'));
      assert.equal((await run(tolerant)).kind, 'finalised');
      const thrice = new Script()
        .on('startConsentAuthorisation', started('REDIRECT'))
        .on('updateConsentsPsuData', selected('scaOAuth'))
        .on('getConsentScaStatus', failedAnswer('network'), failedAnswer('timeout'), failedAnswer('reset'));
      assert.equal(((o) => o.kind === 'failed' && o.reason)(await run(thrice)), 'request_failed');
      const final = new Script()
        .on('startConsentAuthorisation', started('REDIRECT'))
        .on('updateConsentsPsuData', selected('scaOAuth'))
        .on('getConsentScaStatus', failedAnswer('http', 404));
      const outcome = await run(final);
      assert.equal(outcome.kind === 'failed' && outcome.failure?.status, 404);
      assert.equal(final.operations().filter((o) => o === 'getConsentScaStatus').length, 1);
    });

    it('fails when the consent ends rejected or the payment RJCT', async () => {
      const script = new Script()
        .on('startConsentAuthorisation', started('REDIRECT'))
        .on('updateConsentsPsuData', selected('scaOAuth'))
        .on('getConsentScaStatus', sca('finalised'))
        .on('getConsentStatus', consent('rejected'));
      const outcome = await run(script);
      assert.equal(outcome.kind === 'failed' && outcome.reason, 'parent_rejected');
      assert.equal(outcome.parentStatus, 'rejected');
      const pay = new Script()
        .on('startPaymentAuthorisation', started('REDIRECT'))
        .on('updatePaymentPsuData', selected('scaOAuth', oauthTemplate('payment')))
        .on('getPaymentInitiationScaStatus', sca('finalised'))
        .on('getPaymentInitiationStatus', payment('RJCT'));
      assert.equal(((o) => o.kind === 'failed' && o.reason)(await run(pay, PAYMENT)), 'parent_rejected');
    });

    it('refuses EMBEDDED, REDIRECT without a link, and a start without methods or links', async () => {
      const embedded = new Script()
        .on('startConsentAuthorisation', started('EMBEDDED'))
        .on('updateConsentsPsuData', okAnswer({ scaStatus: 'scaMethodSelected' }, { 'ASPSP-SCA-Approach': 'EMBEDDED' }));
      assert.equal(((o) => o.kind === 'failed' && o.reason)(await run(embedded)), 'unsupported_approach');
      const noLink = new Script()
        .on('startConsentAuthorisation', started('REDIRECT'))
        .on('updateConsentsPsuData', okAnswer({ scaStatus: 'scaMethodSelected', _links: {} }, { 'ASPSP-SCA-Approach': 'REDIRECT' }));
      assert.equal(((o) => o.kind === 'failed' && o.reason)(await run(noLink)), 'invalid_sca_link');
      const noMethods = new Script().on('startConsentAuthorisation', okAnswer({ authorisationId: 'a', scaStatus: 'received' }));
      assert.equal(((o) => o.kind === 'failed' && o.reason)(await run(noMethods)), 'no_sca_method');
      const noId = new Script().on('startConsentAuthorisation', okAnswer({ scaStatus: 'received' }));
      assert.equal(((o) => o.kind === 'failed' && o.reason)(await run(noId)), 'unexpected_response');
    });

    it('asks the injected chooser with the methods and the approach; undefined cancels', async () => {
      const script = redirectScript();
      const asked: unknown[] = [];
      const chosen = await new ScaFlow(
        script.deps({
          chooseMethod: async (methods, approach) => {
            asked.push([methods.map((m) => m.authenticationMethodId), approach]);
            return 'mbid_same_device';
          },
        }),
        SETTINGS,
      ).authorise(CONSENT);
      assert.equal(chosen.methodId, 'mbid_same_device');
      assert.deepEqual(asked, [[['mbid', 'mbid_same_device', 'mbid_animated_qr_token'], 'REDIRECT']]);
      const declined = redirectScript();
      const outcome = await new ScaFlow(declined.deps({ chooseMethod: async () => undefined }), SETTINGS).authorise(CONSENT);
      assert.equal(outcome.kind, 'cancelled');
      assert.deepEqual(declined.operations(), ['startConsentAuthorisation']);
    });

    it('reports a throwing dependency as failed/internal instead of rejecting, and hands the error to the log', async () => {
      const script = redirectScript();
      const logged: unknown[] = [];
      const boom = new Error('boom');
      const outcome = await new ScaFlow(script.deps({ openBrowser: async () => Promise.reject(boom), onInternalError: (error) => logged.push(error) }), SETTINGS).authorise(CONSENT);
      assert.equal(outcome.kind === 'failed' && outcome.reason, 'internal');
      assert.ok(!JSON.stringify(outcome).includes('boom'), 'the outcome itself carries no error text');
      assert.deepEqual(logged, [boom]);
      assert.equal(script.listenerClosed, 1);
    });

    it('is cancelled before any call when the signal is already aborted', async () => {
      const script = redirectScript();
      const outcome = await run(script, CONSENT, AbortSignal.abort());
      assert.equal(outcome.kind, 'cancelled');
      assert.deepEqual(script.sent, []);
    });
  });
});

// Each SCA approach end to end against the local sandbox: real HTTP core, real loopback listener, real
// openid-client code exchange, and a scripted PSU browser on the bank's login page.
import assert from 'node:assert/strict';
import { PSU, ScaHarness, playBrowser } from './support/sandboxHarness';

describe('SCA flows against the local sandbox', function () {
  this.timeout(15_000);
  let harness: ScaHarness;
  before(async () => {
    harness = await ScaHarness.start();
  });
  after(async () => {
    await harness?.close();
  });

  it('scaOAuth consent at NDEASESS: browser login, code exchange with X-Consent headers, consent valid', async () => {
    const consentId = await harness.createConsent('NDEASESS');
    const run = harness.flow();
    const outcome = await run.flow.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId });
    assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
    assert.equal(outcome.route, 'scaOAuth');
    assert.equal(outcome.methodId, 'mbid');
    assert.equal(outcome.scaStatus, 'finalised');
    assert.equal(outcome.parentStatus, 'valid');
    assert.ok(outcome.requestIds.length >= 5);
    const [login] = await Promise.all(run.logins);
    assert.match(login!.finishPage, /return to VS Code/);
    const opened = new URL(login!.openedUrl);
    assert.equal(opened.origin, harness.sandbox.authHost);
    assert.equal(opened.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(opened.searchParams.get('client_id'), harness.sandbox.client.clientId);
    assert.match(opened.searchParams.get('acr_values') ?? '', new RegExp(`consentId:${consentId}`));
  });

  it('decoupled consent at SWEDSESS with TPP-Redirect-Preferred: false: challenges while polling, then valid', async () => {
    const psuHeaders = { ...PSU, tppRedirectPreferred: false };
    const consentId = await harness.createConsent('SWEDSESS', psuHeaders);
    const run = harness.flow({ psuHeaders });
    const outcome = await run.flow.authorise({ kind: 'consent', bicFi: 'SWEDSESS', consentId });
    assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
    assert.equal(outcome.route, 'decoupled');
    assert.equal(outcome.methodId, 'mbid_animated_qr_token');
    assert.equal(outcome.parentStatus, 'valid');
    assert.equal(run.logins.length, 0);
    assert.ok(run.challenges.length >= 2, JSON.stringify(run.challenges));
    // Animated QR tokens change on every read; each is the QR text itself.
    const texts = run.challenges.map((c) => c.qrText);
    assert.equal(new Set(texts).size, texts.length);
    assert.ok(texts.every((t) => t && /^[0-9a-f-]{36}$/.test(t)));
  });

  it('a login the PSU denies on the bank page ends as denied, with the error as data', async () => {
    const consentId = await harness.createConsent('NDEASESS');
    const run = harness.flow({ decision: 'deny' });
    const outcome = await run.flow.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId });
    assert.equal(outcome.kind, 'denied', JSON.stringify(outcome));
    assert.equal(outcome.kind === 'denied' && outcome.error, 'access_denied');
    const [login] = await Promise.all(run.logins);
    assert.match(login!.finishPage, /access_denied/);
  });

  it('domestic payment at NDEASESS through scaOAuth: X-Payment headers, status leaves RCVD', async () => {
    const paymentId = await harness.createPayment('NDEASESS');
    const run = harness.flow();
    const outcome = await run.flow.authorise({ kind: 'payment', bicFi: 'NDEASESS', paymentId, paymentProduct: 'domestic' });
    assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
    assert.equal(outcome.route, 'scaOAuth');
    assert.ok(outcome.parentStatus && !['RCVD', 'PDNG'].includes(outcome.parentStatus), outcome.parentStatus);
    await Promise.all(run.logins);
  });

  it('answers a callback with the wrong state 400 without any token request, then completes with the right one', async () => {
    const consentId = await harness.createConsent('NDEASESS');
    let forged: { status: number; exchangesAfter: number; tokenCallsAfter: number } | undefined;
    const run = harness.flow({}, {
      openBrowser: async (url) => {
        const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        // A stray or hostile request reaches the listener first, with a code but another state.
        run.logins.push(
          (async () => {
            const response = await fetch(`${redirectUri}?code=forged-code&state=not-the-state&scope=accountinformation`, { redirect: 'manual' });
            await response.text();
            // Time for a wrong exchange to start, had the listener passed the forged code on.
            await new Promise((resolve) => setTimeout(resolve, 50));
            forged = { status: response.status, exchangesAfter: run.exchanged.length, tokenCallsAfter: run.authCalls.filter((c) => c.path === '/connect/token').length };
            return playBrowser(url, 'approve');
          })(),
        );
        return true;
      },
    });
    const outcome = await run.flow.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId });
    const [login] = await Promise.all(run.logins);
    assert.deepEqual(forged, { status: 400, exchangesAfter: 0, tokenCallsAfter: 0 });
    assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
    assert.equal(outcome.parentStatus, 'valid');
    assert.match(login!.finishPage, /return to VS Code/);
    assert.equal(run.exchanged.length, 1);
    assert.notEqual(run.exchanged[0]?.code, 'forged-code');
    assert.deepEqual(run.authCalls.filter((c) => c.path === '/connect/token').map((c) => c.grantType), ['authorization_code']);
  });

  it('scaRedirect consent at a generated bank: callback without code, no exchange, consent valid', async () => {
    const bicFi = await harness.scaRedirectBank();
    const consentId = await harness.createConsent(bicFi);
    const run = harness.flow();
    const outcome = await run.flow.authorise({ kind: 'consent', bicFi, consentId });
    assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
    assert.equal(outcome.route, 'scaRedirect');
    assert.equal(outcome.parentStatus, 'valid');
    assert.equal(run.exchanged.length, 0);
    const [login] = await Promise.all(run.logins);
    assert.equal(new URL(login!.openedUrl).searchParams.get('code_challenge'), null);
    assert.match(login!.finishPage, /return to VS Code/);
  });

  it('cancelling while the browser is out ends as cancelled and frees the listener port', async () => {
    const consentId = await harness.createConsent('NDEASESS');
    const controller = new AbortController();
    let opened = '';
    const run = harness.flow({}, {
      openBrowser: async (url) => {
        opened = url;
        setTimeout(() => controller.abort(), 10);
        return true;
      },
    });
    const outcome = await run.flow.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId }, controller.signal);
    assert.equal(outcome.kind, 'cancelled');
    const redirectUri = new URL(opened).searchParams.get('redirect_uri') ?? '';
    await new Promise((resolve) => setTimeout(resolve, 20));
    await assert.rejects(fetch(redirectUri), /fetch failed/);
  });

  it('never lets the code, verifier, state or token reach the listener log or the outcome', async () => {
    const consentId = await harness.createConsent('NDEASESS');
    const run = harness.flow();
    const outcome = await run.flow.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId });
    assert.equal(outcome.kind, 'finalised');
    const [login] = await Promise.all(run.logins);
    const [exchange] = run.exchanged;
    assert.ok(exchange?.code && exchange.codeVerifier);
    const state = new URL(login!.openedUrl).searchParams.get('state') ?? '';
    const text = [...run.listenerLog, JSON.stringify(outcome), JSON.stringify(run.progress)].join('\n');
    assert.ok(run.listenerLog.length >= 3);
    for (const secret of [exchange.code, exchange.codeVerifier, state]) assert.ok(!text.includes(secret), 'a secret was logged');
    // The exchange taught the redactor the code, verifier and token: masking the log must change nothing.
    assert.equal(harness.redactor.redact(text), text);
  });
});

// The auth host: a real OpenID provider behaving like the platform's (reference §3).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ASPSP_ONLY_CLIENT } from '../../sandbox/index';
import { Browser, fillScaTemplate } from './helpers/browser';
import { readResponse, SandboxClient, startSandbox, useSandbox } from './helpers/client';
import { CONSENT_BODY_TEMPLATE, paymentBodyTemplate } from '../../src/client/catalogue/catalogue';
import { activate, activationHeaders, createConsent, createPayment, PSU_HEADERS, scaStatus, startAndSelect, validConsent } from './helpers/flows';

async function selectedConsent(c: SandboxClient, bic: string) {
  const consentId = await createConsent(c, bic);
  const { authorisationId, selected } = await startAndSelect(c, 'consent', bic, { consentId });
  return { consentId, authorisationId, href: String(selected.json['_links']['scaOAuth']['href']) };
}

describe('sandbox auth host', () => {
  const c = useSandbox({ banks: 3 });

  it('serves discovery with /connect/authorize and /connect/token on its own host', async () => {
    const res = await readResponse(await fetch(`${c.sandbox.authHost}/.well-known/openid-configuration`));
    assert.equal(res.json['issuer'], c.sandbox.authHost);
    assert.equal(res.json['token_endpoint'], `${c.sandbox.authHost}/connect/token`);
    assert.equal(res.json['authorization_endpoint'], `${c.sandbox.authHost}/connect/authorize`);
    assert.ok(new URL(c.sandbox.authHost).hostname === '127.0.0.2');
  });

  it('issues opaque client_credentials tokens (form body or HTTP Basic) for "<product> <context>"', async () => {
    const form = await c.tokenResponse('accountinformation private');
    assert.equal(form.status, 200);
    assert.equal(form.json['token_type'], 'Bearer');
    assert.equal(form.json['expires_in'], 3600);
    assert.equal(form.json['scope'], 'accountinformation private');
    assert.equal(String(form.json['access_token']).split('.').length, 1, 'opaque, not a JWT');
    const basic = await readResponse(
      await fetch(`${c.sandbox.authHost}/connect/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${c.sandbox.client.clientId}:${c.sandbox.client.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'paymentinitiation corporate' }),
      }),
    );
    assert.equal(basic.status, 200, basic.text);
    assert.equal(basic.json['scope'], 'paymentinitiation corporate');
  });

  it('issues tokens only for one product and one context, in either order (reference §3.3)', async () => {
    for (const scope of ['aspspinformation', 'private', '', 'aspspinformation accountinformation private', 'accountinformation private corporate']) {
      const res = await c.tokenResponse(scope);
      assert.equal(res.status, 400, `"${scope}": ${res.text}`);
      assert.equal(res.json['error'], 'invalid_scope', scope);
      assert.equal(res.json['access_token'], undefined);
    }
    for (const scope of ['private accountinformation', 'paymentinitiation corporate', 'aspspinformation corporate']) {
      const res = await c.tokenResponse(scope);
      assert.equal(res.status, 200, `"${scope}": ${res.text}`);
      const operation = scope.includes('aspsp') ? 'getCountriesList' : scope.includes('payment') ? 'getPaymentInitiationStatus' : 'getConsentStatus';
      const params = { consentId: crypto.randomUUID(), paymentId: crypto.randomUUID(), 'payment-product': 'domestic' };
      const api = await c.call(operation, { token: String(res.json['access_token']), bic: 'ESSESESS', params, headers: PSU_HEADERS });
      assert.notEqual(api.status, 401, `a "${scope}" token is accepted by the API: ${api.text}`);
    }
  });

  it('answers invalid_scope for a product the client lacks, invalid_client for a wrong secret', async () => {
    const onlyAspsp = { clientId: ASPSP_ONLY_CLIENT.clientId, clientSecret: ASPSP_ONLY_CLIENT.clientSecret, redirectUri: '' };
    assert.equal((await c.tokenResponse('aspspinformation private', onlyAspsp)).status, 200);
    const denied = await c.tokenResponse('accountinformation private', onlyAspsp);
    assert.equal(denied.status, 400);
    assert.equal(denied.json['error'], 'invalid_scope');
    const wrong = await c.tokenResponse('aspspinformation private', { ...c.sandbox.client, clientSecret: 'nope' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.json['error'], 'invalid_client');
  });

  it('codes are single-use and need X-ConsentId + X-ConsentAuthorisationId naming their authorisation', async () => {
    const bic = 'NDEASESS';
    const first = await selectedConsent(c, bic);
    const browser = new Browser(c.sandbox.client.redirectUri);
    const url = fillScaTemplate(first.href, c.sandbox.client.clientId, c.sandbox.client.redirectUri, 's1');
    const code = (await browser.authorise(url, { psuId: '198301014882', decision: 'approve' })).callback.searchParams.get('code')!;
    const wrongPair = await activate(c, code, activationHeaders('consent', first.consentId, crypto.randomUUID()), 'accountinformation private');
    assert.equal(wrongPair.status, 400);
    assert.equal(wrongPair.json['error'], 'invalid_request');
    assert.notEqual((await scaStatus(c, 'consent', bic, { consentId: first.consentId }, first.authorisationId)).json['scaStatus'], 'finalised');
    const reused = await activate(c, code, activationHeaders('consent', first.consentId, first.authorisationId), 'accountinformation private');
    assert.equal(reused.status, 400);
    assert.equal(reused.json['error'], 'invalid_grant');

    const second = await selectedConsent(c, bic);
    const code2 = (await new Browser(c.sandbox.client.redirectUri).authorise(fillScaTemplate(second.href, c.sandbox.client.clientId, c.sandbox.client.redirectUri, 's2'), { psuId: '1', decision: 'approve' })).callback.searchParams.get('code')!;
    const noHeaders = await activate(c, code2, {}, 'accountinformation private');
    assert.equal(noHeaders.status, 400);
  });

  it('checks redirect_uri: unregistered at authorize, different at the code exchange', async () => {
    const { href, consentId, authorisationId } = await selectedConsent(c, 'NDEASESS');
    const evil = await fetch(fillScaTemplate(href, c.sandbox.client.clientId, 'http://127.0.0.1:53682/elsewhere', 's'), { redirect: 'manual' });
    assert.equal(evil.status, 400, 'no redirect to an unregistered URI');
    const browser = new Browser(c.sandbox.client.redirectUri);
    const code = (await browser.authorise(fillScaTemplate(href, c.sandbox.client.clientId, c.sandbox.client.redirectUri, 's'), { psuId: '1', decision: 'approve' })).callback.searchParams.get('code')!;
    const res = await activate(c, code, activationHeaders('consent', consentId, authorisationId), 'accountinformation private', { redirect_uri: 'http://127.0.0.1:53682/other' });
    assert.equal(res.status, 400);
    assert.equal(res.json['error'], 'invalid_grant');
  });

  it('accepts the registered loopback redirect on any port (RFC 8252), as the extension picks a free one', async () => {
    const { href, consentId, authorisationId } = await selectedConsent(c, 'NDEASESS');
    const redirectUri = 'http://127.0.0.1:40123/callback';
    const done = await new Browser(redirectUri).authorise(fillScaTemplate(href, c.sandbox.client.clientId, redirectUri, 'p'), { psuId: '1', decision: 'approve' });
    const code = done.callback.searchParams.get('code')!;
    const res = await activate(c, code, activationHeaders('consent', consentId, authorisationId), 'accountinformation private', { redirect_uri: redirectUri });
    assert.equal(res.status, 200, res.text);
  });

  it('works with openid-client 6 (the extension\'s OIDC library): discovery and client_credentials over loopback http', async () => {
    const oidc = await import('openid-client');
    const config = await oidc.discovery(new URL(c.sandbox.authHost), c.sandbox.client.clientId, c.sandbox.client.clientSecret, oidc.ClientSecretPost(c.sandbox.client.clientSecret), {
      execute: [oidc.allowInsecureRequests],
    });
    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'aspspinformation private' });
    assert.equal(tokens.token_type.toLowerCase(), 'bearer');
    assert.equal((await c.call('getCountriesList', { token: tokens.access_token })).status, 200);
  });

  it('PKCE is optional (the platform template has none) but verified when sent', async () => {
    const verifier = crypto.randomBytes(32).toString('base64url');
    const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
    const run = async () => {
      const { href, consentId, authorisationId } = await selectedConsent(c, 'NDEASESS');
      const url = `${fillScaTemplate(href, c.sandbox.client.clientId, c.sandbox.client.redirectUri, 'p')}&code_challenge=${challenge}&code_challenge_method=S256`;
      const code = (await new Browser(c.sandbox.client.redirectUri).authorise(url, { psuId: '1', decision: 'approve' })).callback.searchParams.get('code')!;
      return { code, pair: activationHeaders('consent', consentId, authorisationId), consentId };
    };
    const missing = await run();
    assert.equal((await activate(c, missing.code, missing.pair, 'accountinformation private')).json['error'], 'invalid_grant');
    const wrong = await run();
    assert.equal((await activate(c, wrong.code, wrong.pair, 'accountinformation private', { code_verifier: 'x'.repeat(43) })).json['error'], 'invalid_grant');
    const right = await run();
    assert.equal((await activate(c, right.code, right.pair, 'accountinformation private', { code_verifier: verifier })).status, 200);
  });

  it('the bank page escapes input, has a CSP, and only accepts the bank\'s sandbox logins', async () => {
    const { href } = await selectedConsent(c, 'ESSESESS');
    const url = fillScaTemplate(href, c.sandbox.client.clientId, c.sandbox.client.redirectUri, '<script>alert(1)</script>');
    const browser = new Browser(c.sandbox.client.redirectUri);
    const page = await browser.follow(url);
    const html = await page.res.text();
    const csp = page.res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /form-action 'self' http:\/\/127\.0\.0\.1:53682/);
    assert.ok(!/<script/i.test(html));
    const action = /action="([^"]+)"/.exec(html)![1]!;
    const rejected = await browser.follow(new URL(action, page.url).toString(), { method: 'POST', form: { psuId: '"><img src=x>', decision: 'approve' } });
    assert.equal(rejected.res.status, 401);
    const again = await rejected.res.text();
    assert.ok(again.includes('&quot;&gt;&lt;img src=x&gt;') && !again.includes('"><img'), 'PSU id echoed escaped');
    const accepted = await browser.follow(new URL(action, page.url).toString(), { method: 'POST', form: { psuId: '9311219639', decision: 'approve' } });
    assert.ok(accepted.url.searchParams.get('code'));
    assert.equal(accepted.url.searchParams.get('state'), '<script>alert(1)</script>');
  });

  it('the payment login page shows what is authorised: amount, creditor, accounts and bank, escaped, styled under the CSP nonce', async () => {
    const bic = 'ESSESESS';
    const body: Record<string, unknown> = {
      ...(paymentBodyTemplate('domestic', bic) as Record<string, unknown>),
      instructedAmount: { currency: 'SEK', amount: '1234.56' },
      creditorName: 'Acme <b>AB</b> & "Co"',
      remittanceInformationUnstructured: 'Invoice 42',
    };
    const { paymentId } = await createPayment(c, bic, 'domestic', {}, body);
    const { selected } = await startAndSelect(c, 'payment', bic, { paymentId, 'payment-product': 'domestic' });
    const href = String(selected.json['_links']['scaOAuth']['href']);
    const page = await new Browser(c.sandbox.client.redirectUri).follow(fillScaTemplate(href, c.sandbox.client.clientId, c.sandbox.client.redirectUri, 'p'));
    const html = await page.res.text();
    const subject = /<dl id="subject">([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? '';
    const shown = Object.fromEntries([...subject.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => [m[1], m[2]]));
    assert.equal(shown['Amount'], '1234.56 SEK');
    assert.equal(shown['To'], 'Acme &lt;b&gt;AB&lt;/b&gt; &amp; &quot;Co&quot;', 'the creditor name, escaped');
    assert.equal(shown['Creditor account'], `${(body['creditorAccount'] as { iban: string }).iban} SEK`);
    assert.equal(shown['Message'], 'Invoice 42');
    assert.equal(shown['Bank'], 'Skandinaviska Enskilda Banken AB (ESSESESS)');
    assert.ok(!html.includes('<b>AB</b>'));
    // Styled, and the style is the nonce'd one the CSP allows (no other style source).
    const csp = page.res.headers.get('content-security-policy') ?? '';
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && html.includes(`<style nonce="${nonce}">`) && /button\[value=approve\]\{[^}]*background/.test(html));
    assert.doesNotMatch(html, /style="/, 'no inline style attributes, which the CSP would block');
  });

  it('the consent login page shows the access asked: all accounts, or the listed IBANs per kind of access', async () => {
    const page = async (consentBody?: unknown) => {
      const consentId = await createConsent(c, 'NDEASESS', {}, consentBody);
      const { selected } = await startAndSelect(c, 'consent', 'NDEASESS', { consentId });
      const href = String(selected.json['_links']['scaOAuth']['href']);
      return (await new Browser(c.sandbox.client.redirectUri).follow(fillScaTemplate(href, c.sandbox.client.clientId, c.sandbox.client.redirectUri, 'c'))).res.text();
    };
    const all = await page();
    assert.match(all, /<dt>Access<\/dt><dd>Account details, balances and transactions of all your accounts at this bank<\/dd>/);
    assert.match(all, /<dt>Bank<\/dt><dd>Nordea Bank AB \(NDEASESS\)<\/dd>/);
    assert.match(all, /<dt>Reads without you<\/dt><dd>up to 4 a day \(recurring\)<\/dd>/);
    const granted = await validConsent(c, 'NDEASESS');
    const list = await c.call('getAccountList', { bic: 'NDEASESS', headers: { 'consent-id': granted, ...PSU_HEADERS } });
    const iban = String(list.json['accounts'][0].iban);
    const listed = await page({ ...CONSENT_BODY_TEMPLATE, access: { accounts: [{ iban }], balances: [{ iban }] }, recurringIndicator: false, frequencyPerDay: 1 });
    assert.match(listed, new RegExp(`<dt>Account details</dt><dd>${iban}</dd>\\s*<dt>Balances</dt><dd>${iban}</dd>`));
    assert.doesNotMatch(listed, /<dt>Transactions<\/dt>|<dt>Access<\/dt>/);
    assert.match(listed, /<dt>Reads without you<\/dt><dd>one-off access, while you are present<\/dd>/);
  });

  it('Danske needs its published username and password', async () => {
    const { href } = await selectedConsent(c, 'DABASESX');
    const url = fillScaTemplate(href, c.sandbox.client.clientId, c.sandbox.client.redirectUri, 'd');
    await assert.rejects(new Browser(c.sandbox.client.redirectUri).authorise(url, { psuId: '8195475386', password: 'wrong', decision: 'approve' }), /401/);
    const ok = await new Browser(c.sandbox.client.redirectUri).authorise(url.replace('state=d', 'state=d2'), { psuId: '8195475386', password: 'xUKSWPgHy2H2XBt8cv', decision: 'approve' });
    assert.ok(ok.callback.searchParams.get('code'));
  });

  it('authorize for an unknown authorisation redirects back with error=invalid_request', async () => {
    const { href } = await selectedConsent(c, 'NDEASESS');
    const bogus = href.replace(/consentAuthorisationId:[0-9a-f-]+/, `consentAuthorisationId:${crypto.randomUUID()}`);
    const result = await new Browser(c.sandbox.client.redirectUri).follow(fillScaTemplate(bogus, c.sandbox.client.clientId, c.sandbox.client.redirectUri, 'u'));
    assert.equal(result.url.searchParams.get('error'), 'invalid_request');
    assert.equal(result.url.searchParams.get('state'), 'u');
  });

  it('plain redirect SCA (scaRedirect, a generated bank): callback with scope and state only, SCA finalised', async () => {
    const list = await c.call('getASPSPList', { query: { isoCountryCodes: 'FI' } });
    const bic = (list.json['aspsps'] as { bicFi: string }[]).map((b) => b.bicFi).find((b) => b.endsWith('Z0'))!;
    assert.ok(bic, 'a generated FI bank');
    const consentId = await createConsent(c, bic);
    const { authorisationId, selected } = await startAndSelect(c, 'consent', bic, { consentId });
    const href = String(selected.json['_links']['scaRedirect']['href']);
    const done = await new Browser(c.sandbox.client.redirectUri).authorise(fillScaTemplate(href, c.sandbox.client.clientId, c.sandbox.client.redirectUri, 'r'), { psuId: '1', decision: 'approve' });
    assert.equal(done.callback.searchParams.get('code'), null);
    assert.equal(done.callback.searchParams.get('state'), 'r');
    assert.equal(done.callback.searchParams.get('scope'), 'accountinformation private');
    assert.equal((await scaStatus(c, 'consent', bic, { consentId }, authorisationId)).json['scaStatus'], 'finalised');
    assert.equal((await c.call('getConsentStatus', { bic, params: { consentId }, headers: PSU_HEADERS })).json['consentStatus'], 'valid');
  });

  it('short token lifetimes give TOKEN_EXPIRED on the API', async function () {
    this.timeout(10_000);
    const short = await startSandbox({ tokenTtlSeconds: 1 });
    try {
      const sc = new SandboxClient(short);
      const token = await sc.token('aspspinformation private');
      assert.equal((await sc.call('getCountriesList', { token })).status, 200);
      await new Promise((r) => setTimeout(r, 2100));
      const expired = await sc.call('getCountriesList', { token });
      assert.equal(expired.status, 401);
      assert.equal(expired.json['tppMessages'][0].code, 'TOKEN_EXPIRED');
    } finally {
      await short.close();
    }
  });
});

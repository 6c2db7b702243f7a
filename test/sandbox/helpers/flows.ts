// Scripted platform flows shared by the sandbox tests: consent and payment SCA as a TPP + browser would run them.
import assert from 'node:assert/strict';
import { CONSENT_BODY_TEMPLATE, paymentBodyTemplate, type PaymentProduct } from '../../../src/client/catalogue/catalogue';
import { SCA_OPERATIONS as OPS } from '../../../src/client/sca/operations';
import { DANSKE_LOGIN, SEB_PSU_IDS } from '../../../sandbox/index';
import { Browser, fillScaTemplate } from './browser';
import { readResponse, type Response, type SandboxClient } from './client';

export const PSU_HEADERS = { 'psu-ip-address': '192.168.0.1', 'psu-user-agent': 'mozilla/5.0', 'psu-id': '199311219639' };

export type Kind = 'consent' | 'payment';

/** A login each sandbox bank accepts (reference §7.2). */
export function loginFor(bic: string): { psuId: string; password?: string } {
  if (bic === 'ESSESESS') return { psuId: SEB_PSU_IDS[0]! };
  if (bic === 'DABASESX') return { psuId: DANSKE_LOGIN.username, password: DANSKE_LOGIN.password };
  return { psuId: '198301014882' };
}

export async function createConsent(c: SandboxClient, bic: string, headers: Record<string, string> = {}, body: unknown = CONSENT_BODY_TEMPLATE): Promise<string> {
  const res = await c.call('createConsent', { bic, body, headers: { ...PSU_HEADERS, ...headers } });
  assert.equal(res.status, 201, res.text);
  return String(res.json['consentId']);
}

export interface PaymentRef {
  readonly paymentId: string;
  readonly product: PaymentProduct;
}

export async function createPayment(c: SandboxClient, bic: string, product: PaymentProduct, headers: Record<string, string> = {}, body: unknown = paymentBodyTemplate(product, bic)): Promise<PaymentRef> {
  const res = await c.call('initiatePayment', { bic, params: { 'payment-product': product }, body, headers: { ...PSU_HEADERS, ...headers } });
  assert.equal(res.status, 201, res.text);
  return { paymentId: String(res.json['paymentId']), product };
}


export function parentParams(kind: Kind, id: string, product?: PaymentProduct): Record<string, string> {
  return kind === 'consent' ? { consentId: id } : { paymentId: id, 'payment-product': product ?? 'domestic' };
}

/** Start Authorisation + Update PSU Data (select a method); returns the authorisation id and the PUT answer. */
export async function startAndSelect(
  c: SandboxClient,
  kind: Kind,
  bic: string,
  params: Record<string, string>,
  methodId = 'mbid',
  headers: Record<string, string> = {},
): Promise<{ authorisationId: string; started: Response; selected: Response }> {
  const started = await c.call(OPS[kind].start, { bic, params, headers: { ...PSU_HEADERS, ...headers } });
  assert.equal(started.status, 201, started.text);
  const authorisationId = String(started.json['authorisationId']);
  const selected = await c.call(OPS[kind].update, {
    bic,
    params: { ...params, authorisationId },
    body: { authenticationMethodId: methodId },
    headers: { ...PSU_HEADERS, ...headers },
  });
  assert.equal(selected.status, 200, selected.text);
  return { authorisationId, started, selected };
}

export async function scaStatus(c: SandboxClient, kind: Kind, bic: string, params: Record<string, string>, authorisationId: string): Promise<Response> {
  const res = await c.call(OPS[kind].scaStatus, { bic, params: { ...params, authorisationId }, headers: PSU_HEADERS });
  assert.equal(res.status, 200, res.text);
  return res;
}

/** The platform's "Activate OAuth … authorisation": code exchange with the X-ConsentId or X-PaymentId header pair. */
export async function activate(
  c: SandboxClient,
  code: string,
  pair: Record<string, string>,
  scope: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  const client = c.identity;
  const { authHost } = c.sandbox;
  const form = new URLSearchParams({
    client_id: client.clientId,
    client_secret: client.clientSecret,
    code,
    redirect_uri: client.redirectUri,
    scope,
    grant_type: 'authorization_code',
    ...extra,
  });
  const res = await fetch(`${authHost}/connect/token`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', ...pair },
    body: form,
  });
  return readResponse(res);
}

export function activationHeaders(kind: Kind, parentId: string, authorisationId: string): Record<string, string> {
  return kind === 'consent'
    ? { 'X-ConsentId': parentId, 'X-ConsentAuthorisationId': authorisationId }
    : { 'X-PaymentId': parentId, 'X-PaymentAuthorisationId': authorisationId };
}

/** Full OAuth redirect SCA: template → browser → bank page → callback code → code exchange. */
export async function redirectSca(
  c: SandboxClient,
  kind: Kind,
  bic: string,
  params: Record<string, string>,
  decision: 'approve' | 'deny' = 'approve',
): Promise<{ authorisationId: string; callback: URL; activation?: Response; loginPage: string; loginPageHeaders: Headers; href: string }> {
  const { authorisationId, selected } = await startAndSelect(c, kind, bic, params);
  assert.equal(selected.headers.get('aspsp-sca-approach'), 'REDIRECT');
  const href = String(selected.json['_links']['scaOAuth']['href']);
  const state = `state-${authorisationId.slice(0, 8)}`;
  const client = c.identity;
  const browser = new Browser(client.redirectUri);
  const result = await browser.authorise(fillScaTemplate(href, client.clientId, client.redirectUri, state), { ...loginFor(bic), decision });
  assert.equal(result.callback.searchParams.get('state'), state);
  if (decision === 'deny') return { authorisationId, ...result, href };
  const code = result.callback.searchParams.get('code');
  assert.ok(code, `no code in ${result.callback}`);
  const parentId = params['consentId'] ?? params['paymentId']!;
  const scope = kind === 'consent' ? 'accountinformation private' : 'paymentinitiation private';
  const activation = await activate(c, code, activationHeaders(kind, parentId, authorisationId), scope);
  return { authorisationId, ...result, activation, href };
}

/** A consent that is valid, by whatever SCA the bank uses. */
export async function validConsent(c: SandboxClient, bic: string, headers: Record<string, string> = {}): Promise<string> {
  const consentId = await createConsent(c, bic, headers);
  if (bic === 'HANDSESS') {
    await startAndSelect(c, 'consent', bic, { consentId }, 'mbid', headers);
  } else {
    const { activation } = await redirectSca(c, 'consent', bic, { consentId });
    assert.equal(activation?.status, 200, activation?.text);
  }
  const status = await c.call('getConsentStatus', { bic, params: { consentId }, headers: PSU_HEADERS });
  assert.equal(status.json['consentStatus'], 'valid');
  return consentId;
}

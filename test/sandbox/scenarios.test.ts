// The scenarios an integrator triggers from the editor's Local Sandbox view, through the loopback-only admin
// endpoints: what each changes is what the platform API answers afterwards.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { CONSENT_BODY_TEMPLATE } from '../../src/client/catalogue/catalogue';
import { SCENARIO_FAULT_KINDS } from '../../src/client';
import { FAULT_KINDS } from '../../sandbox/faults';
import { useSandbox, type SandboxClient } from './helpers/client';
import { createConsent, createPayment, PSU_HEADERS, scaStatus, startAndSelect } from './helpers/flows';

async function admin(c: SandboxClient, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${c.sandbox.apiHost}/__sandbox/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function firstText(json: Record<string, unknown>): string {
  return String((json['tppMessages'] as { text: string }[] | undefined)?.[0]?.text);
}

describe('sandbox scenarios (admin endpoints)', () => {
  const c = useSandbox();
  const BIC = 'NDEASESS';
  const paymentStatus = async (paymentId: string) =>
    (await c.call('getPaymentInitiationStatus', { bic: BIC, params: { paymentId, 'payment-product': 'domestic' }, headers: PSU_HEADERS })).json['transactionStatus'];

  it('lists the consents, payments and authorisations it holds, with their status', async () => {
    const consentId = await createConsent(c, BIC);
    const { paymentId } = await createPayment(c, BIC, 'domestic');
    const { authorisationId } = await startAndSelect(c, 'consent', BIC, { consentId });
    const consents = (await admin(c, 'GET', 'consents')).json['consents'] as Record<string, unknown>[];
    assert.deepEqual(
      consents.find((x) => x['consentId'] === consentId),
      { consentId, bicFi: BIC, consentStatus: 'received', validUntil: consents.find((x) => x['consentId'] === consentId)?.['validUntil'] },
    );
    const payments = (await admin(c, 'GET', 'payments')).json['payments'] as Record<string, unknown>[];
    assert.deepEqual(payments.find((x) => x['paymentId'] === paymentId), { paymentId, bicFi: BIC, paymentProduct: 'domestic', transactionStatus: await paymentStatus(paymentId) });
    const authorisations = (await admin(c, 'GET', 'authorisations')).json['authorisations'] as Record<string, unknown>[];
    assert.deepEqual(authorisations.find((x) => x['authorisationId'] === authorisationId), {
      authorisationId,
      kind: 'consent',
      parentId: consentId,
      bicFi: BIC,
      flow: 'oauth',
      scaStatus: 'scaMethodSelected',
    });
  });

  it('settles a payment: the next status read is the bank\'s settled status; a settled payment cannot be rejected', async () => {
    const { paymentId } = await createPayment(c, BIC, 'domestic');
    assert.equal(await paymentStatus(paymentId), 'RCVD');
    const settled = await admin(c, 'POST', `payments/${paymentId}/settle`);
    assert.equal(settled.status, 200);
    assert.equal(settled.json['transactionStatus'], 'ACSC');
    assert.equal(await paymentStatus(paymentId), 'ACSC');
    const reject = await admin(c, 'POST', `payments/${paymentId}/reject`);
    assert.equal(reject.status, 409);
    assert.match(firstText(reject.json), /has settled; a settled payment cannot be rejected/);
    assert.equal(await paymentStatus(paymentId), 'ACSC');
  });

  it('rejects a payment: the status reads RJCT; a rejected payment cannot settle', async () => {
    const { paymentId } = await createPayment(c, BIC, 'domestic');
    const rejected = await admin(c, 'POST', `payments/${paymentId}/reject`);
    assert.equal(rejected.status, 200);
    assert.equal(rejected.json['transactionStatus'], 'RJCT');
    assert.equal(await paymentStatus(paymentId), 'RJCT');
    const settle = await admin(c, 'POST', `payments/${paymentId}/settle`);
    assert.equal(settle.status, 409);
    assert.match(firstText(settle.json), /was rejected/);
  });

  it('answers an unknown payment or authorisation with 404 and a redirect SCA\'s approval with 409, changing nothing', async () => {
    assert.equal((await admin(c, 'POST', 'payments/no-such-payment/settle')).status, 404);
    assert.equal((await admin(c, 'POST', 'authorisations/no-such-authorisation/approve')).status, 404);
    assert.equal((await admin(c, 'POST', 'payments/x/explode')).status, 404);
    assert.equal((await admin(c, 'GET', 'reset')).status, 404, 'reset is a POST only');
    const consentId = await createConsent(c, BIC);
    const { authorisationId } = await startAndSelect(c, 'consent', BIC, { consentId });
    const approve = await admin(c, 'POST', `authorisations/${authorisationId}/approve`);
    assert.equal(approve.status, 409);
    assert.match(firstText(approve.json), /redirect SCA; the PSU answers it on the bank's login page/);
    assert.equal((await scaStatus(c, 'consent', BIC, { consentId }, authorisationId)).json['scaStatus'], 'scaMethodSelected');
  });

  it('approves a pending decoupled authorisation at its next status read, and refuses to decide it twice', async () => {
    const bic = 'SWEDSESS';
    const preferDecoupled = { 'tpp-redirect-preferred': 'false' };
    const consentId = await createConsent(c, bic, preferDecoupled);
    const { authorisationId } = await startAndSelect(c, 'consent', bic, { consentId }, 'mbid', preferDecoupled);
    const listed = ((await admin(c, 'GET', 'authorisations')).json['authorisations'] as Record<string, unknown>[]).find((a) => a['authorisationId'] === authorisationId);
    assert.equal(listed?.['flow'], 'decoupled');
    assert.equal((await admin(c, 'POST', `authorisations/${authorisationId}/approve`)).status, 200);
    assert.equal((await scaStatus(c, 'consent', bic, { consentId }, authorisationId)).json['scaStatus'], 'finalised');
    const again = await admin(c, 'POST', `authorisations/${authorisationId}/deny`);
    assert.equal(again.status, 409);
    assert.match(firstText(again.json), /already finalised/);
  });

  it('adds a fault to those already set with append, each keeping what it has left', async () => {
    await admin(c, 'POST', 'faults', { faults: [{ kind: 'server-error', operations: ['getCountriesList'], times: 2 }] });
    assert.equal((await c.call('getCountriesList')).status, 500);
    const added = await admin(c, 'POST', 'faults', { append: true, faults: [{ kind: 'rate-limit', operations: ['getASPSPList'], times: 1, retryAfterSeconds: 9 }] });
    assert.deepEqual((added.json['faults'] as { kind: string }[]).map((f) => f.kind), ['server-error', 'rate-limit']);
    assert.equal((await c.call('getCountriesList')).status, 500, 'the first fault has one call left, not two');
    assert.equal((await c.call('getCountriesList')).status, 200);
    const limited = await c.call('getASPSPList');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '9');
    const bad = await admin(c, 'POST', 'faults', { append: true, faults: [{ kind: 'explode' }] });
    assert.equal(bad.status, 400);
    assert.match(firstText(bad.json), /kind must be one of/);
  });

  it('offers the editor\'s fault kinds, whose list lives in the client', () => {
    for (const kind of SCENARIO_FAULT_KINDS) assert.ok((FAULT_KINDS as readonly string[]).includes(kind), kind);
  });

  it('resets: consents, payments, authorisations, faults and remembered request ids are gone; the token still works', async () => {
    const token = await c.token('accountinformation private');
    const create = { bic: BIC, token, body: CONSENT_BODY_TEMPLATE, headers: { ...PSU_HEADERS, 'x-request-id': crypto.randomUUID() } };
    const first = await c.call('createConsent', create);
    assert.equal(first.status, 201);
    const consentId = String(first.json['consentId']);
    await createPayment(c, BIC, 'domestic');
    await admin(c, 'POST', 'faults', { faults: [{ kind: 'server-error', operations: ['getCountriesList'] }] });
    const reset = await admin(c, 'POST', 'reset');
    assert.equal(reset.status, 200);
    const removed = reset.json['removed'] as Record<string, number>;
    assert.ok(removed['consents']! >= 1 && removed['payments']! >= 1 && removed['faults'] === 1, JSON.stringify(removed));
    for (const list of ['consents', 'payments', 'authorisations', 'faults']) assert.deepEqual((await admin(c, 'GET', list)).json[list], [], list);
    const read = await c.call('getConsentStatus', { bic: BIC, token, params: { consentId }, headers: PSU_HEADERS });
    assert.equal(read.status, 403);
    assert.equal((await c.call('getCountriesList')).status, 200, 'the fault is gone');
    const again = await c.call('createConsent', create);
    assert.equal(again.status, 201);
    assert.notEqual(again.json['consentId'], consentId, 'the same request after a reset creates a new consent instead of answering from memory');
  });
});

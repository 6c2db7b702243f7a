// Test helpers under /__sandbox/ on the API host (loopback callers only): faults, the scenarios an integrator
// triggers to test their error handling (consent expiry and revocation, decoupled SCA answers, payment
// settlement or rejection, a reset), bank logos, the secrets issued so far. Not part of the platform's API.
import type { IncomingMessage } from 'node:http';
import { parseFaults, type Faults } from '../faults';
import { ok, type Reply } from '../http/reply';
import { ApiError } from '../http/tppMessages';
import type { Payment } from '../state/types';
import type { SandboxEnv } from './context';
import { transactionStatus } from './paymentStatus';
import { decideDecoupled } from './sca';

export const ADMIN_PREFIX = '/__sandbox/';

export function isLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

function logo(bicFi: string): Reply {
  const initials = bicFi.replace(/[^A-Z0-9]/g, '').slice(0, 4);
  const hue = [...bicFi].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="12" fill="hsl(${hue},55%,40%)"/>` +
    `<text x="32" y="38" font-family="sans-serif" font-size="16" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return { status: 200, rawJson: svg, headers: { 'Content-Type': 'image/svg+xml' } };
}

/** What the admin endpoints change besides the stored resources. */
export interface AdminControls {
  readonly faults: Faults;
  /** Forgets the X-Request-IDs of earlier POSTs, so a reset sandbox answers none of them from memory. */
  forgetRequestIds(): void;
}

const DECIDED: ReadonlySet<string> = new Set(['finalised', 'failed', 'exempted']);

function paymentOf(env: SandboxEnv, id: string): Payment {
  const payment = env.store.payments.get(id);
  if (!payment) throw new ApiError(404, 'RESOURCE_UNKNOWN', `No payment ${id}.`);
  return payment;
}

function paymentSummary(env: SandboxEnv, payment: Payment): Record<string, unknown> {
  const bank = env.directory.bank(payment.bicFi);
  return { paymentId: payment.id, bicFi: payment.bicFi, paymentProduct: payment.product, transactionStatus: bank ? transactionStatus(env, payment, bank) : undefined };
}

/** Settle: as if the PSU signed and the bank booked it; reject: as if the bank refused it. */
function decidePayment(env: SandboxEnv, payment: Payment, action: 'settle' | 'reject'): Reply {
  if (action === 'settle') {
    if (payment.rejected) throw new ApiError(409, 'STATUS_INVALID', `Payment ${payment.id} was rejected; a rejected payment cannot settle.`);
    // Its status is the bank's future-dated one until the execution date, which the sandbox never reaches.
    if (payment.futureDated) throw new ApiError(409, 'STATUS_INVALID', `Payment ${payment.id} is future-dated; it settles on its execution date, which the sandbox does not reach.`);
    payment.signedStep = 1;
  } else {
    if (payment.signedStep >= 1) throw new ApiError(409, 'STATUS_INVALID', `Payment ${payment.id} has settled; a settled payment cannot be rejected.`);
    payment.rejected = true;
  }
  return ok(paymentSummary(env, payment));
}

/** Back to a fresh start's state; tokens stay valid and the request log and issued secrets stay for harnesses. */
function resetStore(env: SandboxEnv, controls: AdminControls): Reply {
  const { consents, payments, authorisations } = env.store;
  const removed = { consents: consents.size, payments: payments.size, authorisations: authorisations.size, faults: controls.faults.list().length };
  env.store.consents.clear();
  env.store.payments.clear();
  env.store.authorisations.clear();
  controls.faults.set([]);
  controls.forgetRequestIds();
  return ok({ removed });
}

export function handleAdmin(env: SandboxEnv, controls: AdminControls, method: string, path: string, body: unknown): Reply {
  const { faults } = controls;
  const parts = path.slice(ADMIN_PREFIX.length).split('/').filter(Boolean);
  const [area, id, action] = parts;
  if (area === 'health' && method === 'GET') return ok({ status: 'ok' });
  // What "Use Local Sandbox" in the extension fetches, so the first request works without typing anything.
  if (area === 'demo-client' && parts.length === 1 && method === 'GET') return ok(env.demoClient);
  if (area === 'requests' && parts.length === 1 && method === 'GET') return ok({ requests: env.requestLog });
  // For harnesses that search what a client wrote to disk for leaked tokens and codes; never cached.
  if (area === 'secrets' && parts.length === 1 && method === 'GET') return ok(env.issuedSecrets.report(), { 'Cache-Control': 'no-store' });
  if (area === 'faults' && parts.length === 1) {
    if (method === 'GET') return ok({ faults: faults.list() });
    if (method === 'DELETE') {
      faults.set([]);
      return ok({ faults: [] });
    }
    if (method === 'POST') {
      const wrapped = typeof body === 'object' && body !== null && 'faults' in body ? (body as { faults: unknown; append?: unknown }) : undefined;
      const specs = parseFaults(wrapped ? wrapped.faults : body);
      // `append` keeps the faults already set, so one scenario can be added to another's.
      if (wrapped?.append === true) faults.add(specs);
      else faults.set(specs);
      return ok({ faults: faults.list() });
    }
  }
  if (area === 'reset' && parts.length === 1 && method === 'POST') return resetStore(env, controls);
  if (area === 'consents' && parts.length === 1 && method === 'GET') {
    const consents = [...env.store.consents.values()].map((c) => ({ consentId: c.id, bicFi: c.bicFi, consentStatus: c.status, validUntil: c.validUntil }));
    return ok({ consents });
  }
  if (area === 'payments' && parts.length === 1 && method === 'GET') {
    return ok({ payments: [...env.store.payments.values()].map((p) => paymentSummary(env, p)) });
  }
  if (area === 'authorisations' && parts.length === 1 && method === 'GET') {
    const authorisations = [...env.store.authorisations.values()].map((a) => ({
      authorisationId: a.id,
      kind: a.kind,
      parentId: a.parentId,
      bicFi: a.bicFi,
      flow: a.flow,
      scaStatus: a.scaStatus,
      ...(a.pendingDecision ? { pendingDecision: a.pendingDecision } : {}),
    }));
    return ok({ authorisations });
  }
  if (area === 'payments' && id && parts.length === 3 && method === 'POST' && (action === 'settle' || action === 'reject')) {
    return decidePayment(env, paymentOf(env, id), action);
  }
  if (area === 'consents' && id && method === 'POST' && (action === 'expire' || action === 'revoke')) {
    const consent = env.store.consents.get(id);
    if (!consent) throw new ApiError(404, 'RESOURCE_UNKNOWN', `No consent ${id}.`);
    consent.status = action === 'expire' ? 'expired' : 'revokedByPsu';
    return ok({ consentId: id, consentStatus: consent.status });
  }
  if (area === 'authorisations' && id && method === 'POST' && (action === 'approve' || action === 'deny')) {
    const auth = env.store.authorisations.get(id);
    if (!auth) throw new ApiError(404, 'RESOURCE_UNKNOWN', `No authorisation ${id}.`);
    // A redirect SCA is answered on the bank's login page; an answer here would be ignored without a word.
    if (auth.flow !== 'decoupled') throw new ApiError(409, 'STATUS_INVALID', `Authorisation ${id} uses redirect SCA; the PSU answers it on the bank's login page.`);
    if (DECIDED.has(auth.scaStatus)) throw new ApiError(409, 'STATUS_INVALID', `Authorisation ${id} is already ${auth.scaStatus}.`);
    decideDecoupled(env, id, action === 'approve');
    return ok({ authorisationId: id, decision: action });
  }
  if (area === 'logos' && id?.endsWith('.svg') && method === 'GET') return logo(id.slice(0, -4));
  throw new ApiError(404, 'RESOURCE_UNKNOWN', `No sandbox admin endpoint ${method} ${path}.`);
}

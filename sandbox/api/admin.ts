// Test helpers under /__sandbox/ on the API host (loopback callers only): faults, consent expiry,
// decoupled SCA answers, bank logos, the secrets issued so far. Not part of the platform's API.
import type { IncomingMessage } from 'node:http';
import { parseFaults, type Faults } from '../faults';
import { ok, type Reply } from '../http/reply';
import { ApiError } from '../http/tppMessages';
import type { SandboxEnv } from './context';
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

export function handleAdmin(env: SandboxEnv, faults: Faults, method: string, path: string, body: unknown): Reply {
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
      const specs = parseFaults(typeof body === 'object' && body !== null && 'faults' in body ? (body as { faults: unknown }).faults : body);
      faults.set(specs);
      return ok({ faults: faults.list() });
    }
  }
  if (area === 'consents' && id && method === 'POST' && (action === 'expire' || action === 'revoke')) {
    const consent = env.store.consents.get(id);
    if (!consent) throw new ApiError(404, 'RESOURCE_UNKNOWN', `No consent ${id}.`);
    consent.status = action === 'expire' ? 'expired' : 'revokedByPsu';
    return ok({ consentId: id, consentStatus: consent.status });
  }
  if (area === 'authorisations' && id && method === 'POST' && (action === 'approve' || action === 'deny')) {
    const auth = decideDecoupled(env, id, action === 'approve');
    if (!auth) throw new ApiError(404, 'RESOURCE_UNKNOWN', `No authorisation ${id}.`);
    return ok({ authorisationId: id, decision: action });
  }
  if (area === 'logos' && id?.endsWith('.svg') && method === 'GET') return logo(id.slice(0, -4));
  throw new ApiError(404, 'RESOURCE_UNKNOWN', `No sandbox admin endpoint ${method} ${path}.`);
}

// Asks a running local sandbox for its demo client, so "Use Local Sandbox" needs no typing. Loopback only:
// this endpoint hands out a client secret and must never be asked of a remote host.
import { isLoopbackHostname } from '../core/environments';
import { CLIENT_SECRET_MIN_LENGTH, secretProblem } from '../core/secretInput';

export interface DemoClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

export type DemoClientResult =
  | { readonly ok: true; readonly client: DemoClient }
  | { readonly ok: false; readonly reason: 'notLoopback' | 'unreachable' | 'notSandbox' };

export async function fetchDemoClient(apiHost: string, timeoutMs = 3000): Promise<DemoClientResult> {
  const url = new URL('/__sandbox/demo-client', apiHost);
  if (url.protocol !== 'http:' || !isLoopbackHostname(url.hostname)) return { ok: false, reason: 'notLoopback' };
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (!response.ok) return { ok: false, reason: 'notSandbox' };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, reason: 'notSandbox' };
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { clientId, clientSecret, redirectUri } = record;
  // A secret the Redactor could not mask is refused like any typed one.
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || !clientId || secretProblem(clientSecret, CLIENT_SECRET_MIN_LENGTH)) {
    return { ok: false, reason: 'notSandbox' };
  }
  return { ok: true, client: { clientId, clientSecret, redirectUri: typeof redirectUri === 'string' ? redirectUri : '' } };
}

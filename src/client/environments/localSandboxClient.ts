// Asks a running local sandbox for its demo client, so "Use Local Sandbox" needs no typing. Loopback only:
// this endpoint hands out a client secret and must never be asked of a remote host.
import { isLoopbackHostname } from './environments';
import { loopbackJson } from './loopbackJson';
import { CLIENT_SECRET_MIN_LENGTH, secretProblem } from '../redaction/secretInput';

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
  // A demo client is a few hundred bytes; anything much larger is not the sandbox answering.
  const answer = await loopbackJson(url, 'GET', undefined, timeoutMs, 64 * 1024);
  if (answer === 'unreachable' || answer === 'notSandbox') return { ok: false, reason: answer };
  if (answer.status < 200 || answer.status > 299) return { ok: false, reason: 'notSandbox' };
  const body = answer.body;
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { clientId, clientSecret, redirectUri } = record;
  // A secret the Redactor could not mask is refused like any typed one.
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || !clientId || secretProblem(clientSecret, CLIENT_SECRET_MIN_LENGTH)) {
    return { ok: false, reason: 'notSandbox' };
  }
  return { ok: true, client: { clientId, clientSecret, redirectUri: typeof redirectUri === 'string' ? redirectUri : '' } };
}

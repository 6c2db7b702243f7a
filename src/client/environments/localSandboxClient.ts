// Asks a running local sandbox for its demo client, so "Use Local Sandbox" needs no typing. Loopback only:
// this endpoint hands out a client secret and must never be asked of a remote host. Asked with node:http, which
// the extension host has loaded already: the first global fetch() of a process loads its own HTTP client first.
import { request } from 'node:http';
import { isLoopbackHostname } from './environments';
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
  const answer = await getJson(url, timeoutMs);
  if (answer === 'unreachable' || answer === 'notSandbox') return { ok: false, reason: answer };
  const body = answer.body;
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { clientId, clientSecret, redirectUri } = record;
  // A secret the Redactor could not mask is refused like any typed one.
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || !clientId || secretProblem(clientSecret, CLIENT_SECRET_MIN_LENGTH)) {
    return { ok: false, reason: 'notSandbox' };
  }
  return { ok: true, client: { clientId, clientSecret, redirectUri: typeof redirectUri === 'string' ? redirectUri : '' } };
}

/** GETs a small JSON document: its parsed body, or why there is none. */
function getJson(url: URL, timeoutMs: number): Promise<{ readonly body: unknown } | 'unreachable' | 'notSandbox'> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', headers: { accept: 'application/json' }, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // A demo client is a few hundred bytes; anything much larger is not the sandbox answering.
        if (size > 64 * 1024) {
          req.destroy();
          resolve('notSandbox');
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', () => resolve('unreachable'));
      response.on('end', () => {
        if (!response.statusCode || response.statusCode < 200 || response.statusCode > 299) {
          resolve('notSandbox');
          return;
        }
        try {
          resolve({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        } catch {
          resolve('notSandbox');
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve('unreachable'));
    req.end();
  });
}

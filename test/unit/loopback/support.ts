// Raw HTTP to the listener: fetch cannot set Host or send arbitrary methods, and the rules are about both.
import http from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export function raw(url: string, init: { method?: string; host?: string | null; path?: string } = {}): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        method: init.method ?? 'GET',
        path: init.path ?? `${target.pathname}${target.search}`,
        // host null: send no Host header at all.
        setHost: false,
        headers: { ...(init.host === null ? {} : { host: init.host ?? target.host }), connection: 'close' },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The callback URL the auth server would redirect to. */
export function callbackUrl(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.append(name, value);
  return url.toString();
}

/** Resolves with "pending" when the promise has not settled within a few event-loop turns. */
export async function settledOrPending<T>(promise: Promise<T>, ms = 50): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);
}

export async function isRefused(url: string): Promise<boolean> {
  try {
    await raw(url);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
  }
}

export function portOf(uri: string): number {
  return Number(new URL(uri).port);
}

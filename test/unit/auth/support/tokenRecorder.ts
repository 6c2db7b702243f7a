// A pass-through in front of a real auth host (the local sandbox's) that records every token request it
// forwards: the grant, the scope, the X-Request-ID and the token issued. Counting here counts what went over
// the wire, not what the client under test believes it did.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { start, type Sandbox } from '../../../../sandbox/index';

export interface RecordedTokenRequest {
  readonly grantType: string;
  readonly scope: string;
  readonly requestId?: string;
  readonly status: number;
  readonly accessToken?: string;
}

export interface TokenRecorder {
  readonly origin: string;
  readonly tokenRequests: RecordedTokenRequest[];
  /** Token requests for one scope, e.g. "accountinformation private". */
  count(scope: string): number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host']);

export async function recordTokenRequests(authHost: string): Promise<TokenRecorder> {
  const tokenRequests: RecordedTokenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([name, value]) => !HOP_BY_HOP.has(name) && typeof value === 'string')) as Record<string, string>;
        const upstream = await fetch(new URL(req.url ?? '/', authHost), {
          method: req.method,
          headers,
          ...(body.length ? { body } : {}),
          redirect: 'manual',
        });
        const answer = Buffer.from(await upstream.arrayBuffer());
        if (new URL(req.url ?? '/', 'http://x').pathname === '/connect/token') {
          const form = new URLSearchParams(body.toString('utf8'));
          let accessToken: string | undefined;
          try {
            accessToken = (JSON.parse(answer.toString('utf8')) as { access_token?: string }).access_token;
          } catch {
            accessToken = undefined;
          }
          const requestId = req.headers['x-request-id'];
          tokenRequests.push({
            grantType: form.get('grant_type') ?? '',
            scope: form.get('scope') ?? '',
            status: upstream.status,
            ...(typeof requestId === 'string' ? { requestId } : {}),
            ...(accessToken ? { accessToken } : {}),
          });
        }
        const out: Record<string, string> = {};
        upstream.headers.forEach((value, name) => {
          if (!HOP_BY_HOP.has(name)) out[name] = value;
        });
        res.writeHead(upstream.status, out);
        res.end(answer);
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    tokenRequests,
    count: (scope) => tokenRequests.filter((r) => r.scope === scope).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Mocha hooks: one real sandbox for the suite, whose only client is `client`, with a recorder in front of its
 * auth host (emptied before each test). Point the code under test at `recorder.origin` as its AUTH_HOST.
 */
export function useRecordedSandbox(client: { readonly clientId: string; readonly clientSecret: string }): () => { sandbox: Sandbox; recorder: TokenRecorder } {
  let sandbox: Sandbox | undefined;
  let recorder: TokenRecorder | undefined;
  before(async () => {
    sandbox = await start({
      clients: [{ ...client, redirectUris: ['http://127.0.0.1:53682/callback'], products: ['aspspinformation', 'accountinformation', 'paymentinitiation'] }],
    });
    recorder = await recordTokenRequests(sandbox.authHost);
  });
  after(async () => {
    await recorder?.close();
    await sandbox?.close();
  });
  beforeEach(() => {
    if (recorder) recorder.tokenRequests.length = 0;
  });
  return () => {
    if (!sandbox || !recorder) throw new Error('useRecordedSandbox: used outside a test');
    return { sandbox, recorder };
  };
}

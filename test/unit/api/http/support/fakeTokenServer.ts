// A token endpoint like the platform's /connect/token: client_credentials with id and secret in the form body.
import { sendJson, startServer, type LocalServer } from './localServer';

export const CLIENT_ID = 'test-client-id';
export const CLIENT_SECRET = 'S3cr3t-client-secret-value';

export interface TokenServerScript {
  /** Lifetime in seconds of issued tokens. */
  expiresIn?: number;
  /** Scopes (product names) this client is registered for. */
  allowedProducts?: readonly string[];
  delayMs?: number;
}

export interface FakeTokenServer {
  readonly server: LocalServer;
  readonly authHost: string;
  /** Every access token issued, oldest first. */
  readonly issued: string[];
  tokenRequests(): number;
  script: TokenServerScript;
  close(): Promise<void>;
}

export async function startTokenServer(script: TokenServerScript = {}): Promise<FakeTokenServer> {
  const issued: string[] = [];
  const fake: FakeTokenServer = {
    server: undefined as unknown as LocalServer,
    authHost: '',
    issued,
    tokenRequests: () => fake.server.requests.filter((r) => r.url === '/connect/token').length,
    script,
    close: () => fake.server.close(),
  };
  const server = await startServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/connect/token') return sendJson(res, 404, {});
    if (fake.script.delayMs) await new Promise((r) => setTimeout(r, fake.script.delayMs));
    const form = new URLSearchParams(req.body);
    if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) {
      return sendJson(res, 400, { error: 'invalid_client' });
    }
    if (form.get('grant_type') !== 'client_credentials') return sendJson(res, 400, { error: 'unsupported_grant_type' });
    const [product] = (form.get('scope') ?? '').split(' ');
    const allowed = fake.script.allowedProducts ?? ['aspspinformation', 'accountinformation', 'paymentinitiation'];
    if (!product || !allowed.includes(product)) return sendJson(res, 400, { error: 'invalid_scope' });
    const token = `tok-${issued.length + 1}-${Math.random().toString(36).slice(2)}`;
    issued.push(token);
    sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: fake.script.expiresIn ?? 3600, scope: form.get('scope') });
  });
  return Object.assign(fake, { server, authHost: server.origin });
}

// The auth host: a real OpenID provider (oidc-provider) configured the way the platform behaves
// (reference §3): /connect/token and /connect/authorize, client_credentials for every API token,
// authorization_code only to activate a redirect SCA, PKCE optional but verified when sent.
import crypto from 'node:crypto';
import type Provider from 'oidc-provider';
import type { KoaContext, Middleware } from 'oidc-provider';
import type { AdapterStore } from './adapter';
import { ACTIVATION_HEADERS, type ScaBridge, type ScaTarget } from './bridge';
import { toProviderClient, type SandboxClient } from './clients';
import { ACR_PARAM, INTERACTION_PREFIX } from './interactions';
import { CONTEXT_SCOPES, PRODUCT_SCOPES, scopeShapeProblem } from './scopeShape';

export const SCOPES = [...PRODUCT_SCOPES, ...CONTEXT_SCOPES];

export interface ProviderOptions {
  readonly issuer: string;
  readonly clients: readonly SandboxClient[];
  readonly tokenTtlSeconds: number;
  readonly adapter: AdapterStore;
  readonly bridge: ScaBridge;
}

export interface AuthProvider {
  readonly provider: Provider;
  readonly rememberGrant: (grantId: string, target: ScaTarget) => void;
}

type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => Provider;

function signingKey(): Record<string, unknown> {
  // A fresh P-256 key per run: generating it takes ~1 ms, an RSA key would cost most of the start budget.
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid: crypto.randomUUID() };
}

function header(ctx: KoaContext, name: string): string | undefined {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * oidc-provider refuses acr_values without the openid scope, and the platform's scaOAuth template has no openid.
 * Move acr_values into an extra parameter so the exact template reaches the bank login step.
 */
const acrWithoutOpenid: Middleware = async (ctx, next) => {
  if (ctx.path === '/connect/authorize' && ctx.method === 'GET') {
    const query = new URLSearchParams(ctx.querystring);
    const acr = query.get('acr_values');
    const scopes = (query.get('scope') ?? '').split(/\s+/);
    if (acr !== null && !scopes.includes('openid')) {
      query.delete('acr_values');
      query.set(ACR_PARAM, acr);
      ctx.querystring = query.toString();
    }
  }
  await next();
};

/**
 * The code exchange must carry X-ConsentId + X-ConsentAuthorisationId (or the payment pair) naming the
 * authorisation the code was issued for; success finalises that authorisation (reference §3.6).
 */
function codeActivation(bridge: ScaBridge, grants: Map<string, ScaTarget>): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.path !== '/connect/token' || ctx.method !== 'POST' || ctx.status !== 200) return;
    const code = ctx.oidc?.entities['AuthorizationCode'];
    if (!code?.grantId) return;
    const target = grants.get(code.grantId);
    if (!target) return;
    const names = ACTIVATION_HEADERS[target.kind];
    if (header(ctx, names.parent) !== target.parentId || header(ctx, names.authorisation) !== target.authorisationId) {
      await ctx.oidc?.entities['AccessToken']?.destroy();
      ctx.status = 400;
      ctx.body = {
        error: 'invalid_request',
        error_description: `${names.parent} and ${names.authorisation} headers must name the authorisation this code was issued for`,
      };
      return;
    }
    grants.delete(code.grantId);
    bridge.activate(target);
  };
}

/**
 * oidc-provider checks each scope against the client but not their combination, and reads the form body only
 * inside its token route; so the token it issued for a malformed combination is withdrawn and the answer
 * replaced by invalid_scope before it leaves.
 */
const scopeShape: Middleware = async (ctx, next) => {
  await next();
  if (ctx.path !== '/connect/token' || ctx.method !== 'POST' || ctx.status !== 200) return;
  const params = ctx.oidc?.params ?? {};
  if (params['grant_type'] !== 'client_credentials') return;
  const problem = scopeShapeProblem(typeof params['scope'] === 'string' ? params['scope'] : undefined);
  if (problem === undefined) return;
  await ctx.oidc?.entities['ClientCredentials']?.destroy();
  ctx.status = 400;
  ctx.body = { error: 'invalid_scope', error_description: problem };
};

/**
 * The platform's callback carries `code`, `scope` and `state` (reference §3.7, PlantUML "Q: code, scope, state");
 * oidc-provider sends RFC 9207's `iss` instead of `scope`. Its own response modes cannot be replaced, so the
 * redirect it built is rewritten on the way out: `iss` dropped, the requested scope added to a code.
 */
function platformCallback(issuer: string): Middleware {
  return async (ctx, next) => {
    await next();
    if (!ctx.path.startsWith('/connect/authorize') || ctx.status < 300 || ctx.status >= 400) return;
    let target: URL;
    try {
      target = new URL(ctx.response.get('location'));
    } catch {
      return;
    }
    const query = target.searchParams;
    if (query.get('iss') !== issuer || (!query.has('code') && !query.has('error'))) return;
    const scope = ctx.oidc?.params?.['scope'];
    const ordered = new URLSearchParams();
    for (const [name, value] of query) {
      if (name === 'iss' || name === 'scope') continue;
      ordered.append(name, value);
      if (name === 'code' && typeof scope === 'string') ordered.append('scope', scope);
    }
    target.search = ordered.toString();
    ctx.set('Location', target.href);
    ctx.body = `Redirecting to ${target.href}.`;
  };
}

export async function createAuthProvider(options: ProviderOptions): Promise<AuthProvider> {
  const ProviderImpl = await loadProviderClass();
  const grants = new Map<string, ScaTarget>();
  const ttl = options.tokenTtlSeconds;
  const provider = new ProviderImpl(options.issuer, {
    adapter: options.adapter.factory,
    clients: options.clients.map(toProviderClient),
    scopes: SCOPES,
    claims: { openid: ['sub'] },
    extraParams: [ACR_PARAM],
    jwks: { keys: [signingKey()] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    routes: { authorization: '/connect/authorize', token: '/connect/token' },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: false },
      revocation: { enabled: true },
    },
    // The platform's template carries no PKCE; oidc-provider still verifies a code_challenge when one is sent.
    pkce: { required: () => false },
    ttl: { ClientCredentials: ttl, AccessToken: ttl, AuthorizationCode: 300, Interaction: 900, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${INTERACTION_PREFIX}${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
    renderError: async (ctx: KoaContext, out: Record<string, string>) => {
      ctx.set('content-type', 'application/json');
      ctx.body = out;
    },
  });
  provider.use(platformCallback(options.issuer));
  provider.use(acrWithoutOpenid);
  provider.use(codeActivation(options.bridge, grants));
  provider.use(scopeShape);
  return { provider, rememberGrant: (grantId, target) => grants.set(grantId, target) };
}

let providerClass: Promise<ProviderClass> | undefined;

/** oidc-provider warns once at import that Node 20 is "unsupported"; it works (measured), so keep output clean. */
function loadProviderClass(): Promise<ProviderClass> {
  providerClass ??= (async () => {
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!String(args[0]).includes('Unsupported runtime')) original(...args);
    };
    try {
      return (await import('oidc-provider')).default as ProviderClass;
    } finally {
      console.warn = original;
    }
  })();
  return providerClass;
}

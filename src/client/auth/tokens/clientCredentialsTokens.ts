// client_credentials tokens, one per (environment, product, context), kept in memory only. Concurrent
// callers share one token request, and a token is reused until shortly before it expires.
import * as client from 'openid-client';
import type { CredentialsProvider } from '../credentialStore';
import type { Redactor } from '../../redaction/redaction';
import { newRequestId } from '../../http/requestId';
import { createAuthConfiguration, isAcceptableAuthHost } from './authServerConfiguration';
import { TokenError, tokenScopeString } from '../../http/tokenError';
import type { AccessToken, TokenScope, TokenSource } from '../../http/tokenSource';
import { toTokenError } from './tokenErrorMapping';
import { ScopeMap } from './scopeMap';

export interface ClientCredentialsTokensOptions {
  readonly credentials: CredentialsProvider;
  /** The transport every token request goes through (see createTransportFetch). */
  readonly fetch: client.CustomFetch;
  /** Learns the client secret and every token, so they are masked wherever they are later logged. */
  readonly redactor?: Redactor;
  readonly requestTimeoutMs?: number;
  /** Refresh this long before expiry at most ... */
  readonly maxRefreshSkewMs?: number;
  /** ... and at most this fraction of the token's lifetime (short-lived tokens stay usable). */
  readonly refreshSkewFraction?: number;
  /** Used when the server omits expires_in. */
  readonly defaultLifetimeMs?: number;
  readonly now?: () => number;
}

const DEFAULTS = {
  requestTimeoutMs: 30_000,
  maxRefreshSkewMs: 60_000,
  refreshSkewFraction: 0.1,
  defaultLifetimeMs: 300_000,
};

/** Lets one caller stop waiting without cancelling the shared request the others still wait for. */
function waitUnlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => Error): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

export class ClientCredentialsTokens implements TokenSource {
  private readonly cache = new ScopeMap<AccessToken>();
  private readonly inFlight = new ScopeMap<Promise<AccessToken>>();
  // Bumped by clear() so a request already under way cannot repopulate a cache that was just emptied.
  private generation = 0;
  private readonly settings: typeof DEFAULTS;
  private readonly now: () => number;

  constructor(private readonly options: ClientCredentialsTokensOptions) {
    this.settings = {
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
      maxRefreshSkewMs: options.maxRefreshSkewMs ?? DEFAULTS.maxRefreshSkewMs,
      refreshSkewFraction: options.refreshSkewFraction ?? DEFAULTS.refreshSkewFraction,
      defaultLifetimeMs: options.defaultLifetimeMs ?? DEFAULTS.defaultLifetimeMs,
    };
    this.now = options.now ?? Date.now;
  }

  cachedToken(scope: TokenScope): AccessToken | undefined {
    const cached = this.cache.get(scope);
    return cached && this.now() < cached.refreshAt ? cached : undefined;
  }

  getToken(scope: TokenScope, signal?: AbortSignal): Promise<AccessToken> {
    const cached = this.cachedToken(scope);
    if (cached) return Promise.resolve(cached);
    let pending = this.inFlight.get(scope);
    if (!pending) {
      const started = this.fetchAndCache(scope).finally(() => {
        if (this.inFlight.get(scope) === started) this.inFlight.delete(scope);
      });
      // Every caller may have given up (aborted); the shared promise must still never reject unobserved.
      started.catch(() => undefined);
      this.inFlight.set(scope, started);
      pending = started;
    }
    return waitUnlessAborted(pending, signal, () => new TokenError({ ...scope, kind: 'cancelled' }));
  }

  invalidate(scope: TokenScope, token?: AccessToken): void {
    const cached = this.cache.get(scope);
    if (cached && (!token || cached.value === token.value)) this.cache.delete(scope);
  }

  /** Forget tokens, e.g. after the user changed credentials; one environment or all. */
  clear(environmentId?: string): void {
    this.generation++;
    this.cache.clear(environmentId);
    this.inFlight.clear(environmentId);
  }

  private async fetchAndCache(scope: TokenScope): Promise<AccessToken> {
    const generation = this.generation;
    const token = await this.requestToken(scope);
    if (generation === this.generation) this.cache.set(scope, token);
    return token;
  }

  private async requestToken(scope: TokenScope): Promise<AccessToken> {
    if (!isAcceptableAuthHost(scope.authHost)) throw new TokenError({ ...scope, kind: 'insecure_host' });
    const credentials = await this.options.credentials(scope.environmentId);
    if (!credentials?.clientId || !credentials.clientSecret) throw new TokenError({ ...scope, kind: 'no_credentials' });
    this.options.redactor?.addSecret(credentials.clientSecret);

    // The id we send is the one users quote: an echoed X-Request-ID header is server text and is never adopted.
    const requestId = newRequestId();
    const tracedFetch: client.CustomFetch = (url, init) =>
      this.options.fetch(url, { ...init, headers: { ...init.headers, 'X-Request-ID': requestId } });
    const config = createAuthConfiguration({
      authHost: scope.authHost,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      fetch: tracedFetch,
      timeoutMs: this.settings.requestTimeoutMs,
    });
    const requestedScope = tokenScopeString(scope.product, scope.context);
    const startedAt = this.now();
    let response: client.TokenEndpointResponse;
    try {
      response = await client.clientCredentialsGrant(config, { scope: requestedScope });
    } catch (error) {
      throw toTokenError(error, { ...scope, requestId });
    }
    if (response.token_type.toLowerCase() !== 'bearer') {
      throw new TokenError({ ...scope, kind: 'protocol', requestId, causeCode: 'UNEXPECTED_TOKEN_TYPE' });
    }
    this.options.redactor?.addIssued(response.access_token);
    const lifetimeMs =
      typeof response.expires_in === 'number' && response.expires_in > 0 ? response.expires_in * 1000 : this.settings.defaultLifetimeMs;
    const skewMs = Math.min(this.settings.maxRefreshSkewMs, lifetimeMs * this.settings.refreshSkewFraction);
    return {
      value: response.access_token,
      expiresAt: startedAt + lifetimeMs,
      refreshAt: startedAt + lifetimeMs - skewMs,
      scope: response.scope ?? requestedScope,
      requestId,
    };
  }
}

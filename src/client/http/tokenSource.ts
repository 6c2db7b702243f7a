// What the request pipeline needs from whoever issues access tokens. The HTTP contract owns it, so the
// pipeline depends on nothing above it; the client_credentials implementation lives in auth/tokens.
import type { Product, PsuContext } from '../catalogue/operationTypes';

export interface TokenScope {
  readonly environmentId: string;
  readonly authHost: string;
  readonly product: Product;
  readonly context: PsuContext;
}

export interface AccessToken {
  readonly value: string;
  /** Epoch ms at which the server says the token expires. */
  readonly expiresAt: number;
  /** Epoch ms after which a new token is fetched instead of reusing this one. */
  readonly refreshAt: number;
  readonly scope: string;
  /** The X-Request-ID of the token request that produced it. */
  readonly requestId: string;
}

/** What the request pipeline needs; tests can substitute it. */
export interface TokenSource {
  getToken(scope: TokenScope, signal?: AbortSignal): Promise<AccessToken>;
  /**
   * The token getToken would resolve with at once, if one is cached and fresh. Lets a caller send without
   * yielding first: an await before the request is dispatched queues it behind whatever work is pending.
   */
  cachedToken?(scope: TokenScope): AccessToken | undefined;
  /** Drops the cached token, if it is still `token` (so two concurrent 401s don't drop a fresh one). */
  invalidate(scope: TokenScope, token?: AccessToken): void;
}

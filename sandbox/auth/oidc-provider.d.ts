// oidc-provider ships no type declarations; this covers only what the sandbox uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AdapterPayload = Record<string, unknown> & {
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
  };

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Token {
    readonly jti: string;
    readonly clientId?: string;
    readonly scope?: string;
    readonly grantId?: string;
    readonly accountId?: string;
    readonly exp?: number;
    readonly isExpired: boolean;
    destroy(): Promise<void>;
  }

  export interface TokenModel {
    find(value: string, options?: { ignoreExpiration?: boolean }): Promise<Token | undefined>;
  }

  export interface OidcContext {
    readonly params?: Record<string, unknown>;
    readonly entities: Record<string, Token | undefined>;
  }

  export interface KoaContext {
    readonly method: string;
    readonly path: string;
    querystring: string;
    readonly query: Record<string, string | string[] | undefined>;
    readonly headers: Record<string, string | string[] | undefined>;
    status: number;
    body: unknown;
    readonly oidc?: OidcContext;
    /** The response being built (its headers, for middleware that runs after oidc-provider). */
    readonly response: { get(name: string): string };
    set(name: string, value: string): void;
  }

  export type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

  export interface Interaction {
    readonly uid: string;
    readonly params: Record<string, unknown>;
    readonly prompt: { readonly name: string };
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export interface InteractionResult {
    login?: { accountId: string };
    consent?: { grantId: string };
    error?: string;
    error_description?: string;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly issuer: string;
    readonly AccessToken: TokenModel;
    readonly ClientCredentials: TokenModel;
    readonly AuthorizationCode: TokenModel;
    readonly Grant: new (properties: { accountId: string; clientId: string }) => Grant;
    use(middleware: Middleware): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}

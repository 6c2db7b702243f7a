// Every secret the auth host hands out during a run (access tokens, authorization codes, refresh tokens), so
// a test harness can search what a client wrote to disk for any of them. Fed from the provider's storage,
// which sees each token and code as it is created: tokens withdrawn before being sent (a refused scope or
// code exchange) are listed too, which costs a search nothing and never misses one that got out.
import type { AdapterPayload } from 'oidc-provider';

export type IssuedKind = 'accessToken' | 'authorizationCode' | 'refreshToken';

export interface IssuedSecret {
  readonly value: string;
  readonly clientId?: string;
  readonly scope?: string;
  /** For access tokens: which grant produced it. */
  readonly grantType?: 'client_credentials' | 'authorization_code' | 'refresh_token';
  readonly issuedAt: string;
}

export interface IssuedSecretsReport {
  readonly accessTokens: IssuedSecret[];
  readonly authorizationCodes: IssuedSecret[];
  readonly refreshTokens: IssuedSecret[];
  /** The configured clients' secrets: handed out too (GET /__sandbox/demo-client), and as worth searching for. */
  readonly clientSecrets: { readonly clientId: string; readonly value: string }[];
  /** Entries dropped, oldest first, once more than the ledger's limit were issued. */
  readonly dropped: number;
}

export interface IssuedSecrets {
  /** Called by the provider's storage for every stored entry; keeps the ones that are secrets. */
  observe(model: string, id: string, payload: AdapterPayload): void;
  report(): IssuedSecretsReport;
}

/** oidc-provider model names of the secrets, with what they are (and for access tokens, the grant). */
const MODELS: Readonly<Record<string, { kind: IssuedKind; grantType?: IssuedSecret['grantType'] }>> = {
  ClientCredentials: { kind: 'accessToken', grantType: 'client_credentials' },
  AccessToken: { kind: 'accessToken', grantType: 'authorization_code' },
  AuthorizationCode: { kind: 'authorizationCode' },
  RefreshToken: { kind: 'refreshToken' },
};

/** Enough for any test run; a sandbox left running for weeks keeps the newest. */
const DEFAULT_LIMIT = 10_000;

export function createIssuedSecrets(clients: readonly { clientId: string; clientSecret: string }[], limit = DEFAULT_LIMIT): IssuedSecrets {
  // Keyed by value: the provider stores a code again when it is consumed.
  const entries = new Map<string, { kind: IssuedKind; secret: IssuedSecret }>();
  let dropped = 0;
  return {
    observe(model, id, payload) {
      const known = MODELS[model];
      if (!known || entries.has(id)) return;
      const iat = typeof payload['iat'] === 'number' ? payload['iat'] * 1000 : Date.now();
      const secret: IssuedSecret = {
        value: id,
        ...(typeof payload['clientId'] === 'string' ? { clientId: payload['clientId'] } : {}),
        ...(typeof payload['scope'] === 'string' ? { scope: payload['scope'] } : {}),
        ...(known.grantType ? { grantType: known.grantType } : {}),
        issuedAt: new Date(iat).toISOString(),
      };
      entries.set(id, { kind: known.kind, secret });
      if (entries.size > limit) {
        entries.delete(entries.keys().next().value!);
        dropped += 1;
      }
    },
    report() {
      const of = (kind: IssuedKind) => [...entries.values()].filter((e) => e.kind === kind).map((e) => e.secret);
      return {
        accessTokens: of('accessToken'),
        authorizationCodes: of('authorizationCode'),
        refreshTokens: of('refreshToken'),
        clientSecrets: clients.map((c) => ({ clientId: c.clientId, value: c.clientSecret })),
        dropped,
      };
    },
  };
}

// openid-client reports failures as several error classes; this folds them into TokenError kinds.
import * as client from 'openid-client';
import { isClientError } from '../../errors';
import { TokenError, type TokenErrorDetails } from '../../http/tokenError';

type TokenErrorContext = Omit<TokenErrorDetails, 'kind'>;

const CLIENT_REJECTED = new Set(['invalid_client', 'unauthorized_client']);

function statusOf(value: unknown): number | undefined {
  return value instanceof Response ? value.status : undefined;
}

export function toTokenError(error: unknown, context: TokenErrorContext): TokenError {
  if (isClientError(error, 'token')) return error;
  if (error instanceof client.ResponseBodyError) {
    const kind = error.error === 'invalid_scope' ? 'invalid_scope' : CLIENT_REJECTED.has(error.error) ? 'invalid_client' : 'protocol';
    return new TokenError({
      ...context,
      kind,
      status: error.status,
      oauthError: error.error,
      serverDescription: error.error_description,
    });
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    // A bare 401 challenge from a token endpoint means the client authentication failed.
    return new TokenError({ ...context, kind: error.status === 401 ? 'invalid_client' : 'protocol', status: error.status });
  }
  const cause = error instanceof Error ? error.cause : undefined;
  const transport = isClientError(cause, 'transport') ? cause : isClientError(error, 'transport') ? error : undefined;
  if (transport) {
    const kind = transport.kind === 'cancelled' ? 'cancelled' : 'network';
    return new TokenError({ ...context, kind, transportKind: transport.kind, causeCode: transport.causeCode });
  }
  const code = error instanceof client.ClientError ? error.code : undefined;
  if (code === 'OAUTH_TIMEOUT') {
    return new TokenError({ ...context, kind: 'network', transportKind: 'timeout', causeCode: code });
  }
  if (code === 'OAUTH_HTTP_REQUEST_FORBIDDEN') return new TokenError({ ...context, kind: 'insecure_host', causeCode: code });
  return new TokenError({ ...context, kind: 'protocol', status: statusOf(cause), causeCode: code });
}

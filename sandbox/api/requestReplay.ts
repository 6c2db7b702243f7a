// A POST repeated with the same X-Request-ID (the reference is silent; sandbox/README.md says why): the same
// request again is answered with the first answer, so a client that resends after a lost response creates no
// second consent or payment; another request under a used id is refused. Only successes are remembered: a
// refused request created nothing, so it may be corrected and sent again under its id.
import crypto from 'node:crypto';
import type { Reply } from '../http/reply';
import { formatError } from '../http/tppMessages';

/** Enough for any test run or demo; past it the oldest ids are forgotten (and could be reused). */
const REMEMBERED_LIMIT = 10_000;

export interface RequestReplay {
  /** The earlier answer to this request, or undefined when the id is new; throws when the id named another request. */
  recall(clientId: string, requestId: string, request: ReplayedRequest): Reply | undefined;
  remember(clientId: string, requestId: string, request: ReplayedRequest, reply: Reply): void;
  /** Forgets every id (the sandbox was reset: the answers name resources that no longer exist). */
  forget(): void;
}

export interface ReplayedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly target: string;
  readonly bicFi: string | undefined;
  readonly body: Buffer;
}

function fingerprint(request: ReplayedRequest): string {
  return crypto.createHash('sha256').update(`${request.method} ${request.target}\n${request.bicFi ?? ''}\n`).update(request.body).digest('hex');
}

export function createRequestReplay(): RequestReplay {
  const remembered = new Map<string, { readonly fingerprint: string; readonly reply: Reply }>();
  // The client is part of the key: ids are the TPP's own, and another client's id says nothing about this one's.
  const keyOf = (clientId: string, requestId: string) => `${clientId}\n${requestId.toLowerCase()}`;
  return {
    recall(clientId, requestId, request) {
      const earlier = remembered.get(keyOf(clientId, requestId));
      if (!earlier) return undefined;
      if (earlier.fingerprint !== fingerprint(request)) {
        throw formatError('X-Request-ID', `X-Request-ID ${requestId} was already used for another request; send a new UUID with every new request.`);
      }
      return earlier.reply;
    },
    remember(clientId, requestId, request, reply) {
      if (reply.status < 200 || reply.status >= 300) return;
      remembered.set(keyOf(clientId, requestId), { fingerprint: fingerprint(request), reply });
      if (remembered.size > REMEMBERED_LIMIT) remembered.delete(remembered.keys().next().value as string);
    },
    forget: () => remembered.clear(),
  };
}

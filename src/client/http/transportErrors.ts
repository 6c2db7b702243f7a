// Turns whatever undici or Node's socket layer threw into one small, stable vocabulary. Callers never see
// the raw error (its message can hold addresses and its stack is noise for a user).
import { ClientError, isClientError } from '../errors';

export type TransportFailureKind = 'dns' | 'refused' | 'reset' | 'tls' | 'timeout' | 'cancelled' | 'network';

/** causeCode of a request stopped by the overall per-request deadline (kind "timeout"). */
export const DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED';

export interface TransportErrorDetails {
  readonly kind: TransportFailureKind;
  /** The lowest-level error code found (ENOTFOUND, UND_ERR_HEADERS_TIMEOUT, ...), for diagnostics. */
  readonly causeCode: string | undefined;
}

export class TransportError extends ClientError<TransportErrorDetails> {
  readonly family = 'transport';

  constructor(kind: TransportFailureKind, causeCode: string | undefined) {
    super('TransportError', { kind, causeCode }, causeCode ? `${kind} (${causeCode})` : kind);
  }

  get causeCode(): string | undefined {
    return this.details.causeCode;
  }
}

declare module '../errors' {
  interface ClientErrorFamilies {
    transport: TransportError;
  }
}

const CODE_KINDS: Readonly<Record<string, TransportFailureKind>> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ABORT_ERR: 'cancelled',
  UND_ERR_ABORTED: 'cancelled',
};

// OpenSSL and Node name certificate and handshake problems in many ways; they all mean "TLS".
const TLS_CODE = /CERT|SSL|TLS|OSSL|EPROTO|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH/;

/** Error codes along the `cause` chain (undici wraps socket errors), outermost first. */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

export function toTransportError(error: unknown, signal?: AbortSignal): TransportError {
  if (isClientError(error, 'transport')) return error;
  const codes = causeCodes(error);
  // A caller's abort can surface as many different errors depending on when it hit; the signal is the truth.
  if (signal?.aborted) return new TransportError('cancelled', codes[0] ?? 'ABORT_ERR');
  if (error instanceof Error && error.name === 'AbortError') return new TransportError('cancelled', codes[0] ?? 'ABORT_ERR');
  // The innermost code is the most specific (ECONNRESET under UND_ERR_SOCKET).
  for (const code of [...codes].reverse()) {
    const kind = CODE_KINDS[code] ?? (TLS_CODE.test(code) ? 'tls' : undefined);
    if (kind) return new TransportError(kind, code);
  }
  return new TransportError('network', codes.at(-1));
}

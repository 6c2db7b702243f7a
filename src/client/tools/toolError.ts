// A tool call refused or failed for a reason the caller (an assistant, and through it the user) can act on. The
// message is a full sentence of our own: what failed, the X-Request-ID when a call was sent, what to do next.
import { ClientError } from '../errors';

export type ToolErrorKind =
  /** The input does not fit the tool's schema. */
  | 'invalid_input'
  /** No tool has this name. */
  | 'unknown_tool'
  /** The call would reach production and the caller did not confirm it. */
  | 'production_unconfirmed'
  /** A call was sent and failed (see details.requestId). */
  | 'request_failed'
  /** Nothing is known of what was asked for (an X-Request-ID History does not have, a bank the directory lacks). */
  | 'not_found'
  /** The tool needs something the context does not have (credentials for a bank link). */
  | 'unavailable';

export interface ToolErrorDetails {
  readonly kind: ToolErrorKind;
  readonly requestId?: string;
}

declare module '../errors' {
  interface ClientErrorFamilies {
    tool: ToolError;
  }
}

export class ToolError extends ClientError<ToolErrorDetails> {
  readonly family = 'tool';

  constructor(kind: ToolErrorKind, message: string, requestId?: string) {
    super('ToolError', { kind, ...(requestId ? { requestId } : {}) }, message);
  }
}

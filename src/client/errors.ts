// The one family of errors this client throws for a reason a caller can act on: a token the auth server
// refused, a listener that could not start, a transport failure, a certificate file that cannot be used, ...
// Each member names its family (which class) and keeps what went wrong as data, `details`, whose `kind` says
// what happened and whose `requestId` is the X-Request-ID it sent, so a caller tells them apart one way:
// isClientError(error, 'token'), then error.kind and error.details.
//
// The message is always the member's own sentence built from its details; the base adds no text of its own
// and never copies the cause's, so a secret inside a cause (a server's answer, a socket error) cannot reach
// a message through the base.

/**
 * Family name → member class. Each member's module adds its own entry (declaration merging), so this module
 * imports none of them and a new member is known to isClientError as soon as it declares itself.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each member's module
export interface ClientErrorFamilies {}

export type ClientErrorFamily = keyof ClientErrorFamilies;

/** What every member's details have: what went wrong, and the X-Request-ID when a request was sent. */
export interface ClientErrorDetails {
  /** What went wrong, within the family (e.g. "invalid_client" for a token). */
  readonly kind: string;
  /** The X-Request-ID this client sent with the failed request (never one a server echoed back). */
  readonly requestId?: string;
}

export abstract class ClientError<Details extends ClientErrorDetails = ClientErrorDetails> extends Error {
  abstract readonly family: ClientErrorFamily;

  protected constructor(
    name: string,
    readonly details: Details,
    message: string,
    /** The lower-level error, for the log only: it is not part of the message. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    // Set by hand: class names do not survive minification.
    this.name = name;
  }

  get kind(): Details['kind'] {
    return this.details.kind;
  }

  get requestId(): string | undefined {
    return this.details.requestId;
  }
}

/** True for any member of the family, or, given a family, for a member of that family only (typed as it). */
export function isClientError(error: unknown): error is ClientError;
export function isClientError<F extends ClientErrorFamily>(error: unknown, family: F): error is ClientErrorFamilies[F];
export function isClientError(error: unknown, family?: ClientErrorFamily): boolean {
  return error instanceof ClientError && (family === undefined || error.family === family);
}

// Why a redirect listener could not start, as data the UI can word (which port, which URI problem).
import { ClientError } from '../../errors';

export type LoopbackErrorKind =
  /** The redirect URI is not http on a loopback IP literal, or carries a query, fragment or credentials. */
  | 'invalid_redirect_uri'
  /** Another program (or another VS Code window) holds the port. */
  | 'port_in_use'
  /** This extension already waits for a login on that port; a second one would cross the two callbacks. */
  | 'login_in_progress'
  /** Any other bind failure (EACCES, EADDRNOTAVAIL, ...). */
  | 'listen_failed';

export interface LoopbackErrorDetails {
  readonly kind: LoopbackErrorKind;
  readonly port?: number;
  /** For invalid_redirect_uri: what is wrong, as a fixed phrase (never the URI's query). */
  readonly reason?: string;
  /** For listen_failed: the Node error code. */
  readonly causeCode?: string;
}

export class LoopbackError extends ClientError<LoopbackErrorDetails> {
  readonly family = 'loopback';

  constructor(details: LoopbackErrorDetails) {
    super('LoopbackError', details, describe(details));
  }
}

declare module '../../errors' {
  interface ClientErrorFamilies {
    loopback: LoopbackError;
  }
}

function describe(details: LoopbackErrorDetails): string {
  switch (details.kind) {
    case 'invalid_redirect_uri':
      return `The redirect URI cannot be used for a loopback login: ${details.reason ?? 'invalid'}.`;
    case 'port_in_use':
      return `Port ${details.port ?? '?'} is in use by another program, so the login callback cannot be received. Close that program, or register another loopback redirect URI.`;
    case 'login_in_progress':
      return `A login is already waiting for its callback on port ${details.port ?? '?'}. Finish or cancel it first.`;
    case 'listen_failed':
      return `Could not listen for the login callback on port ${details.port ?? '?'} (${details.causeCode ?? 'error'}).`;
  }
}

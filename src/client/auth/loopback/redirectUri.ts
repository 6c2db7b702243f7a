// The registered redirect URI decides exactly where we listen: its loopback IP, its port, its path.
// "localhost" is refused because it may resolve to an address we did not bind (RFC 8252 §8.3).
import { LoopbackError } from './loopbackError';

export interface LoopbackRedirectUri {
  /** The address to bind, without brackets: 127.x.x.x or ::1. */
  readonly bindAddress: string;
  /** 0 asks the OS for a free port (only for auth servers that accept any loopback port, RFC 8252 §7.3). */
  readonly port: number;
  readonly path: string;
}

const IPV4_LOOPBACK = /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function invalid(reason: string): LoopbackError {
  return new LoopbackError({ kind: 'invalid_redirect_uri', reason });
}

export function parseLoopbackRedirectUri(raw: string): LoopbackRedirectUri {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('it is not a URL');
  }
  if (url.protocol !== 'http:') throw invalid('it must use http (a loopback listener cannot serve https)');
  const bindAddress = url.hostname.replace(/^\[|\]$/g, '');
  if (!IPV4_LOOPBACK.test(bindAddress) && bindAddress !== '::1') {
    throw invalid('its host must be a loopback IP address such as 127.0.0.1 or [::1]');
  }
  if (url.username || url.password) throw invalid('it must not contain credentials');
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) throw invalid('it must not have a query or fragment');
  return { bindAddress, port: url.port === '' ? 80 : Number(url.port), path: url.pathname };
}

/** The Host header a browser sends for this address and port. */
export function hostHeaderFor(bindAddress: string, port: number): string {
  const host = bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;
  return port === 80 ? host : `${host}:${port}`;
}

/** Where the browser lands after the callback: a sibling of the callback path, so the code leaves the address bar. */
export function finishPathFor(callbackPath: string): string {
  const sibling = new URL('done', `http://x${callbackPath}`).pathname;
  return sibling === callbackPath ? `${callbackPath}-done` : sibling;
}

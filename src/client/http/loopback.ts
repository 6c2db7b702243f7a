// Plain http is acceptable only where traffic cannot leave this machine (the local sandbox); every real
// platform host is https. Both the token client and the API pipeline ask this one question.
import { isLoopbackHostname } from '../environments/environments';

export { isLoopbackHostname as isLoopbackHost };

/** https anywhere; http only on a loopback host. */
export function isAllowedOrigin(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHostname(url.hostname);
}

// A POSIX-shell cURL command for a recorded request. Authorization is never taken from the record (it holds
// none): it is a placeholder unless the caller passes a live token the user asked for.
import type { RequestSnapshot } from './responseRecord';

export type CurlAuthorization = { readonly kind: 'placeholder' } | { readonly kind: 'token'; readonly token: string };

export const TOKEN_PLACEHOLDER = '<token>';

/**
 * Single quotes keep everything literal in sh, bash and zsh ($, `, \, !, newlines, unicode); a single quote
 * itself ends the quote, is escaped, and reopens it.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `requestId` replaces the recorded X-Request-ID (or is added when none was recorded): the platform and its
 * support trace one call by it, so running the copy must not repeat the id of the call it was copied from.
 */
export function buildCurl(request: RequestSnapshot & { readonly method: string }, authorization: CurlAuthorization, requestId: string): string {
  const token = authorization.kind === 'token' ? authorization.token : TOKEN_PLACEHOLDER;
  const lines = [`curl --request ${shellQuote(request.method)} ${shellQuote(request.url)}`];
  let idPlaced = false;
  for (const [name, value] of Object.entries(request.headers)) {
    if (/^(proxy-)?authorization$/i.test(name)) continue;
    if (/^x-request-id$/i.test(name)) {
      if (idPlaced) continue;
      idPlaced = true;
      lines.push(`--header ${shellQuote(`${name}: ${requestId}`)}`);
      continue;
    }
    lines.push(`--header ${shellQuote(`${name}: ${value}`)}`);
  }
  if (!idPlaced) lines.push(`--header ${shellQuote(`X-Request-ID: ${requestId}`)}`);
  lines.push(`--header ${shellQuote(`Authorization: Bearer ${token}`)}`);
  if (request.body !== undefined) lines.push(`--data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}

// HTML output for the bank login page: everything interpolated goes through the extension's one escaper.
export { escapeHtml } from '../../src/client';

/** A strict CSP: no scripts at all, inline style only with this response's nonce, forms only to us and the TPP. */
export function contentSecurityPolicy(styleNonce: string, formTargets: readonly string[]): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${styleNonce}'`,
    "img-src 'self' data:",
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

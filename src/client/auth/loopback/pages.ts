// The few pages the browser sees from the listener. They are static apart from a denial's error text, which
// is escaped; the CSP forbids everything (no script, style, image, form or frame) as nothing is needed.
import type { ServerResponse } from 'node:http';
import { escapeHtml } from '../../text/html';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};


function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

export interface DenialText {
  readonly error: string;
  readonly errorDescription?: string;
}

/** Shown when an injected successHtml is absent. */
export const DEFAULT_SUCCESS_HTML = page(
  'Authorisation received',
  '<p>You can close this tab and return to VS Code, where the Open Payments extension finishes the authorisation.</p>',
);

export function denialHtml(denial: DenialText): string {
  const description = denial.errorDescription ? `<p>${escapeHtml(denial.errorDescription)}</p>` : '';
  return page(
    'Authorisation not completed',
    `<p>The bank or the auth server returned <code>${escapeHtml(denial.error)}</code>.</p>${description}<p>Return to VS Code to try again.</p>`,
  );
}

export const MALFORMED_HTML = page('Authorisation not completed', '<p>The callback was incomplete. Return to VS Code to try again.</p>');
export const BAD_REQUEST_HTML = page('Bad request', '<p>This request is not a valid login callback for the waiting authorisation.</p>');
export const NOT_FOUND_HTML = page('Not found', '<p>Nothing here.</p>');
export const GONE_HTML = page('No login waiting', '<p>No authorisation is waiting for this callback any more. Return to VS Code.</p>');

export function sendPage(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...extra });
  res.end(html);
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { ...SECURITY_HEADERS, Location: location, 'Content-Length': '0' });
  res.end();
}

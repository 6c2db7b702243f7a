// Decides what one request to the listener is, without side effects, so every rule is testable on its own.
// Only a GET to the callback path, with our Host and exactly our state, can finish the login.
import crypto from 'node:crypto';

export type CallbackMode =
  /** scaOAuth: the callback must carry a code (or an error). */
  | 'code'
  /** scaRedirect: the platform sends only state (and maybe scope); the right state alone is success. */
  | 'stateOnly';

export type CallbackResult =
  | { readonly kind: 'code'; readonly code: string; readonly scope?: string; readonly iss?: string }
  | { readonly kind: 'redirected'; readonly scope?: string }
  /** The auth server or bank sent error=… with our state: the PSU denied or the login failed. Server text, kept as data. */
  | { readonly kind: 'denied'; readonly error: string; readonly errorDescription?: string }
  /** Our state but neither a code nor an error, in code mode. */
  | { readonly kind: 'malformed' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'cancelled' };

/** Why a request was turned away; logged, never the request's values. */
export type RejectReason = 'method' | 'host' | 'path' | 'state' | 'duplicate_param' | 'finished';

export type CallbackDecision =
  | { readonly action: 'reject'; readonly status: 400 | 404 | 405 | 410; readonly reason: RejectReason }
  | { readonly action: 'finish_page' }
  | { readonly action: 'accept'; readonly result: Exclude<CallbackResult, { kind: 'timeout' | 'cancelled' }> };

export interface CallbackRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly host: string | undefined;
}

export interface CallbackRules {
  readonly callbackPath: string;
  readonly finishPath: string;
  /** Host header values that name this listener (anything else may be a DNS-rebinding page). */
  readonly hosts: readonly string[];
  readonly expectedState: string;
  readonly mode: CallbackMode;
  /** After the one accepted callback, the callback path answers 410 instead of accepting again. */
  readonly finished: boolean;
}

// Server-chosen text is kept as data but bounded, so a hostile redirect cannot flood the UI or logs.
const MAX_TEXT = 500;
const SINGLE_VALUED = ['state', 'code', 'error', 'error_description', 'scope', 'iss'];

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

function optional(params: URLSearchParams, name: string): { [key: string]: string } {
  const value = params.get(name);
  return value === null || value === '' ? {} : { [name]: value.slice(0, MAX_TEXT) };
}

export function classifyCallback(request: CallbackRequest, rules: CallbackRules): CallbackDecision {
  if (request.method !== 'GET') return { action: 'reject', status: 405, reason: 'method' };
  const host = (request.host ?? '').toLowerCase();
  if (!rules.hosts.includes(host)) return { action: 'reject', status: 400, reason: 'host' };
  let url: URL;
  try {
    // A fixed base: the request line's path is all we read, whatever Host said.
    url = new URL(request.url ?? '/', 'http://listener.invalid');
  } catch {
    return { action: 'reject', status: 400, reason: 'path' };
  }
  if (url.pathname === rules.finishPath) return { action: 'finish_page' };
  if (url.pathname !== rules.callbackPath) return { action: 'reject', status: 404, reason: 'path' };
  if (rules.finished) return { action: 'reject', status: 410, reason: 'finished' };
  const params = url.searchParams;
  if (SINGLE_VALUED.some((name) => params.getAll(name).length > 1)) return { action: 'reject', status: 400, reason: 'duplicate_param' };
  const state = params.get('state');
  if (state === null || !sameSecret(state, rules.expectedState)) return { action: 'reject', status: 400, reason: 'state' };

  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description');
    return {
      action: 'accept',
      result: {
        kind: 'denied',
        error: error.slice(0, MAX_TEXT) || 'unknown_error',
        ...(description ? { errorDescription: description.slice(0, MAX_TEXT) } : {}),
      },
    };
  }
  if (rules.mode === 'stateOnly') return { action: 'accept', result: { kind: 'redirected', ...optional(params, 'scope') } };
  const code = params.get('code');
  if (!code) return { action: 'accept', result: { kind: 'malformed' } };
  return { action: 'accept', result: { kind: 'code', code, ...optional(params, 'scope'), ...optional(params, 'iss') } };
}

// Fills the platform's scaOAuth (or scaRedirect) template (reference §3.7). The template comes from an API
// response, so it is checked before the user's browser is sent anywhere: it must point at this environment's
// authorize endpoint, and the values we fill in must be the only ones of their name.
import { platformAuthEndpoints } from '../tokens/authServerConfiguration';

export interface ScaTemplateInput {
  readonly template: string;
  /** AUTH_HOST of the active environment. */
  readonly authHost: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  /** Omitted for scaRedirect, where no code is exchanged. */
  readonly codeChallenge?: string;
}

export type ScaTemplateProblem =
  | 'not_a_url'
  /** Origin or path differ from {AUTH_HOST}/connect/authorize. */
  | 'foreign_authorize_endpoint'
  | 'credentials_in_url'
  /** client_id, redirect_uri, state or code_challenge given twice: which one the server reads is unknowable. */
  | 'duplicate_parameter';

export type ScaTemplateResult = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: ScaTemplateProblem };

const OURS = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method'];

export function fillScaTemplate(input: ScaTemplateInput): ScaTemplateResult {
  const filled = input.template
    .split('[CLIENT_ID]')
    .join(encodeURIComponent(input.clientId))
    .split('[TPP_REDIRECT_URI]')
    .join(encodeURIComponent(input.redirectUri))
    .split('[TPP_STATE]')
    .join(encodeURIComponent(input.state));
  let url: URL;
  try {
    url = new URL(filled);
  } catch {
    return { ok: false, problem: 'not_a_url' };
  }
  const expected = new URL(platformAuthEndpoints(input.authHost).authorizationEndpoint);
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) return { ok: false, problem: 'foreign_authorize_endpoint' };
  if (url.username || url.password) return { ok: false, problem: 'credentials_in_url' };
  if (OURS.some((name) => url.searchParams.getAll(name).length > 1)) return { ok: false, problem: 'duplicate_parameter' };
  // A template without a placeholder still gets our values: a fixed client_id, redirect or state from a
  // response must never be what the browser sends.
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('state', input.state);
  url.searchParams.delete('code_challenge');
  url.searchParams.delete('code_challenge_method');
  if (input.codeChallenge !== undefined) {
    url.searchParams.set('code_challenge', input.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  url.hash = '';
  return { ok: true, url: url.toString() };
}

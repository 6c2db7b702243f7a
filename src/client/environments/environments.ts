// Which hosts each environment talks to, and whether a user-given host is acceptable.
// Pure: the VS Code settings adapter feeds it values and shows its problems.

export type EnvironmentId = 'sandbox' | 'production' | 'local' | 'custom';

export const ENVIRONMENT_IDS: readonly EnvironmentId[] = ['sandbox', 'production', 'local', 'custom'];

export interface Hosts {
  readonly authHost: string;
  readonly apiHost: string;
}

export interface Environment extends Hosts {
  readonly id: EnvironmentId;
  readonly label: string;
  /** Real money and real customers: the UI marks it and asks before anything irreversible. */
  readonly isProduction: boolean;
}

/** The platform's published hosts (reference §2) and the local sandbox's default address. */
export const PRESET_HOSTS: Readonly<Record<Exclude<EnvironmentId, 'custom'>, Hosts>> = {
  sandbox: {
    authHost: 'https://auth.sandbox.openbankingplatform.com',
    apiHost: 'https://api.sandbox.openbankingplatform.com',
  },
  production: {
    authHost: 'https://auth.openbankingplatform.com',
    apiHost: 'https://api.openbankingplatform.com',
  },
  // 127.0.0.2 rather than 127.0.0.1: code-server rewrites 127.0.0.1/localhost links to its own proxy,
  // which would break the bank login page opened in the browser.
  local: {
    authHost: 'http://127.0.0.2:8401',
    apiHost: 'http://127.0.0.2:8402',
  },
};

export const ENVIRONMENT_LABELS: Readonly<Record<EnvironmentId, string>> = {
  sandbox: 'Sandbox',
  production: 'Production',
  local: 'Local Sandbox',
  custom: 'Custom Hosts',
};

export function isEnvironmentId(value: unknown): value is EnvironmentId {
  return typeof value === 'string' && (ENVIRONMENT_IDS as readonly string[]).includes(value);
}

export type HostProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'notUrl' }
  | { readonly kind: 'badScheme'; readonly scheme: string }
  | { readonly kind: 'insecure'; readonly hostname: string }
  | { readonly kind: 'hasExtras' };

export type HostCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: HostProblem };

/** True for addresses that never leave this machine, where plain http cannot be intercepted. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return /^127(?:\.\d{1,3}){3}$/.test(host) && host.split('.').every((part) => Number(part) <= 255);
}

/** Checks one AUTH_HOST or API_HOST value and returns it normalised (no trailing slash). */
export function checkHost(raw: string | undefined): HostCheck {
  const value = raw?.trim() ?? '';
  if (!value) return { ok: false, problem: { kind: 'empty' } };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: { kind: 'notUrl' } };
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, problem: { kind: 'badScheme', scheme } };
  if (scheme === 'http' && !isLoopbackHostname(url.hostname)) {
    return { ok: false, problem: { kind: 'insecure', hostname: url.hostname } };
  }
  // Paths are added by the client (/connect/token, /psd2/...); credentials or a query here would be a mistake.
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return { ok: false, problem: { kind: 'hasExtras' } };
  }
  return { ok: true, url: `${url.protocol}//${url.host}` };
}

export interface CustomHostSettings {
  readonly authHost?: string;
  readonly apiHost?: string;
}

export type EnvironmentResolution =
  | { readonly ok: true; readonly environment: Environment }
  | {
      readonly ok: false;
      readonly id: EnvironmentId;
      readonly setting: 'authHost' | 'apiHost';
      readonly value: string;
      readonly problem: HostProblem;
    };

export function resolveEnvironment(id: EnvironmentId, custom: CustomHostSettings = {}): EnvironmentResolution {
  const base = { id, label: ENVIRONMENT_LABELS[id], isProduction: id === 'production' };
  if (id !== 'custom') {
    return { ok: true, environment: { ...base, ...PRESET_HOSTS[id] } };
  }
  const auth = checkHost(custom.authHost);
  if (!auth.ok) return { ok: false, id, setting: 'authHost', value: custom.authHost ?? '', problem: auth.problem };
  const api = checkHost(custom.apiHost);
  if (!api.ok) return { ok: false, id, setting: 'apiHost', value: custom.apiHost ?? '', problem: api.problem };
  return { ok: true, environment: { ...base, authHost: auth.url, apiHost: api.url } };
}

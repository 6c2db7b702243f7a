// Which PSU/TPP headers from the user's settings go on which call, and which banks insist on which
// headers. Reference §4.1 (header table) and §7.2 (per-bank requirements, S4 PDF 2023-05-03).
import type { Operation, PsuContext } from '../operationTypes';

/** Values from the extension settings; unset ones are simply not sent. */
export interface PsuHeaderSettings {
  readonly psuIpAddress?: string;
  readonly psuUserAgent?: string;
  readonly psuId?: string;
  readonly psuCorporateId?: string;
  readonly tppRedirectPreferred?: boolean;
  readonly affiliatedAspspId?: string;
}

type SendWhen =
  /** On every Consent, AIS and PIS call (the platform asks for these consistently, e.g. TPP-Redirect-Preferred). */
  | 'always'
  /** Only where the operation declares the header (X-AffiliatedASPSP-ID: create consent/payment). */
  | 'declared'
  /** Only in the corporate context. */
  | 'corporate';

interface SettingsHeader {
  readonly header: string;
  readonly setting: keyof PsuHeaderSettings;
  readonly when: SendWhen;
}

export const SETTINGS_HEADERS: readonly SettingsHeader[] = [
  { header: 'PSU-IP-Address', setting: 'psuIpAddress', when: 'always' },
  { header: 'PSU-User-Agent', setting: 'psuUserAgent', when: 'always' },
  { header: 'PSU-ID', setting: 'psuId', when: 'always' },
  { header: 'PSU-Corporate-Id', setting: 'psuCorporateId', when: 'corporate' },
  { header: 'TPP-Redirect-Preferred', setting: 'tppRedirectPreferred', when: 'always' },
  { header: 'X-AffiliatedASPSP-ID', setting: 'affiliatedAspspId', when: 'declared' },
];

/** Headers a bank rejects calls without (Consent, AIS and PIS calls; ASPSP Information is bank-neutral). */
export const BANK_REQUIRED_HEADERS: Readonly<Record<string, readonly string[]>> = {
  HANDSESS: ['PSU-IP-Address'],
  SWEDSESS: ['PSU-IP-Address', 'PSU-User-Agent', 'PSU-ID'],
  ELLFSESS: ['PSU-IP-Address', 'PSU-User-Agent', 'PSU-ID'],
};

export function usesBankHeaders(operation: Operation): boolean {
  return operation.group !== 'ASPSP Information';
}

function settingValue(settings: PsuHeaderSettings, key: keyof PsuHeaderSettings): string | undefined {
  const value = settings[key];
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The operation's header parameter names by lower-case name. */
export function declaredHeaderNames(operation: Operation): ReadonlyMap<string, string> {
  return new Map(operation.params.filter((p) => p.in === 'header').map((p) => [p.name.toLowerCase(), p.name]));
}

/**
 * Settings-derived headers for this call, before explicit parameter values override them. `declared` is
 * declaredHeaderNames(operation), which callers sending many requests compute once per operation.
 */
export function settingsHeadersFor(
  operation: Operation,
  context: PsuContext,
  settings: PsuHeaderSettings,
  declared: ReadonlyMap<string, string> = declaredHeaderNames(operation),
): Record<string, string> {
  if (!usesBankHeaders(operation)) return {};
  // Declared names keep the operation's spelling (PSU-Corporate-ID vs PSU-Corporate-Id, §4.1).
  const out: Record<string, string> = {};
  for (const rule of SETTINGS_HEADERS) {
    const value = settingValue(settings, rule.setting);
    if (value === undefined) continue;
    const declaredName = declared.get(rule.header.toLowerCase());
    const send =
      rule.when === 'always' ||
      (rule.when === 'declared' && declaredName !== undefined) ||
      (rule.when === 'corporate' && context === 'corporate');
    if (send) out[declaredName ?? rule.header] = value;
  }
  return out;
}

/** Required-by-bank header names that `headers` lacks (names compared case-insensitively). */
export function missingBankHeaders(bicFi: string | undefined, headers: Readonly<Record<string, string>>): string[] {
  const required = bicFi ? BANK_REQUIRED_HEADERS[bicFi.toUpperCase()] ?? [] : [];
  if (required.length === 0) return [];
  const present = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  return required.filter((name) => !present.has(name.toLowerCase()));
}

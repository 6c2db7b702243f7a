// Which PSU/TPP headers from the user's settings go on which call, and which banks insist on which
// headers. Reference §4.1 (header table) and §7.2 (per-bank requirements, S4 PDF 2023-05-03).
import { SETTINGS_HEADER_PARAMS, type Operation } from '../catalogue/catalogue';
import type { PsuContext } from '../catalogue/operationTypes';

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

export interface SettingsHeader {
  readonly header: string;
  readonly setting: keyof PsuHeaderSettings;
  readonly when: SendWhen;
  /** What the header says, as one English sentence (the key the UI localises), for asking the user for it. */
  readonly meaning: string;
  readonly example: string;
}

/** A settings header under the catalogue's name for it (PSU-Corporate-ID, as the OAS spells it). */
function settingsHeader(setting: keyof PsuHeaderSettings, when: SendWhen, meaning: string, example: string): SettingsHeader {
  return { header: SETTINGS_HEADER_PARAMS[setting].name, setting, when, meaning, example };
}

export const SETTINGS_HEADERS: readonly SettingsHeader[] = [
  settingsHeader('psuIpAddress', 'always', 'The IP address of the device the PSU (the bank customer) uses, as your own front end sees it.', '192.168.0.1'),
  settingsHeader('psuUserAgent', 'always', "The user agent of the PSU's browser or app, as your own front end received it.", 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)'),
  settingsHeader('psuId', 'always', "The PSU's identity at the bank, for a Swedish bank the personnummer (yyyyMMddNNNN).", '198301014882'),
  settingsHeader('psuCorporateId', 'corporate', "The company's identity at the bank, sent in the corporate context.", '5560000001'),
  settingsHeader('tppRedirectPreferred', 'always', 'Whether you prefer redirect SCA (true) or decoupled SCA (false).', 'false'),
  settingsHeader('affiliatedAspspId', 'declared', 'The id of an affiliated bank, from Get ASPSP Details.', '08999'),
];

/** The settings header with this name in any case (PSU-Corporate-Id is PSU-Corporate-ID), if it is one. */
export function settingsHeaderNamed(name: string): SettingsHeader | undefined {
  const lower = name.toLowerCase();
  return SETTINGS_HEADERS.find((rule) => rule.header.toLowerCase() === lower);
}

/** The settings a bank can insist on; the local sandbox's banks say which of them each one requires. */
export type BankRequiredSetting = 'psuIpAddress' | 'psuUserAgent' | 'psuId';

/**
 * The settings whose headers a bank rejects calls without (Consent, AIS and PIS calls; ASPSP Information is
 * bank-neutral), reference §7.2. A unit test holds this to the local sandbox's banks, which enforce it.
 */
export const BANK_REQUIRED_SETTINGS: Readonly<Record<string, readonly BankRequiredSetting[]>> = {
  HANDSESS: ['psuIpAddress'],
  SWEDSESS: ['psuIpAddress', 'psuUserAgent', 'psuId'],
  ELLFSESS: ['psuIpAddress', 'psuUserAgent', 'psuId'],
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
function declaredHeaderNames(operation: Operation): ReadonlyMap<string, string> {
  return new Map(operation.params.filter((p) => p.in === 'header').map((p) => [p.name.toLowerCase(), p.name]));
}

/** One settings header as one operation sends it: in the operation's spelling, and when. */
export interface OperationSettingsHeader {
  /** The declared name (PSU-Corporate-ID vs PSU-Corporate-Id, §4.1), else the usual one. */
  readonly name: string;
  readonly lowerName: string;
  readonly setting: keyof PsuHeaderSettings;
  /** Sent only in the corporate context. */
  readonly corporateOnly: boolean;
}

/**
 * The settings headers `operation` can send, in SETTINGS_HEADERS order; which of them a call sends depends
 * only on its context and which settings have values (settingsHeaderValue). Depends on the operation alone,
 * so callers sending many requests compute it once per operation.
 */
export function operationSettingsHeaders(operation: Operation): readonly OperationSettingsHeader[] {
  if (!usesBankHeaders(operation)) return [];
  const declared = declaredHeaderNames(operation);
  const out: OperationSettingsHeader[] = [];
  for (const rule of SETTINGS_HEADERS) {
    const lowerName = rule.header.toLowerCase();
    const declaredName = declared.get(lowerName);
    if (rule.when === 'declared' && declaredName === undefined) continue;
    out.push({ name: declaredName ?? rule.header, lowerName, setting: rule.setting, corporateOnly: rule.when === 'corporate' });
  }
  return out;
}

/** The value `header` has on a call in `context` with these settings; undefined when it is not sent. */
export function settingsHeaderValue(header: OperationSettingsHeader, context: PsuContext, settings: PsuHeaderSettings): string | undefined {
  return header.corporateOnly && context !== 'corporate' ? undefined : settingValue(settings, header.setting);
}

/** The first header the bank requires that is missing; `has` answers for lower-case names. */
export function missingBankHeader(bicFi: string | undefined, has: (lowerName: string) => boolean): string | undefined {
  const required = bicFi ? BANK_REQUIRED_SETTINGS[bicFi.toUpperCase()] ?? [] : [];
  return required.map((setting) => SETTINGS_HEADER_PARAMS[setting].name).find((name) => !has(name.toLowerCase()));
}

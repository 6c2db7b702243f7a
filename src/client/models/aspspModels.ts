// ASPSP Information responses as the extension uses them, read defensively: the JSON comes from a server,
// so every field is checked and anything malformed is dropped rather than trusted.

export interface Country {
  readonly isoCountryCode: string;
  readonly name: string;
}

export interface AspspSummary {
  readonly bicFi: string;
  readonly name: string;
}

export interface AspspDetails extends AspspSummary {
  readonly country?: string;
  readonly city?: string;
  readonly websiteUrl?: string;
  readonly paymentProducts: readonly string[];
  readonly authorizationMethods: readonly string[];
  readonly affiliatedAspsps: readonly { readonly id: string; readonly name: string }[];
}

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function list(value: unknown, key: string): unknown[] {
  // The OAS describes bare arrays while the platform wraps them ({"countries": [...]}); accept both.
  if (Array.isArray(value)) return value;
  const inner = record(value)?.[key];
  return Array.isArray(inner) ? inner : [];
}

/**
 * Lists sort names with localeCompare, whose first call in a process loads the collation data (7-15 ms):
 * called while the user has yet to click, so that a first listing does not pay for it.
 */
export function prepareNameSorting(): void {
  'a'.localeCompare('b');
}

export function parseCountries(body: unknown): Country[] {
  return list(body, 'countries')
    .map(record)
    .flatMap((c) => {
      const code = text(c?.isoCountryCode);
      return code ? [{ isoCountryCode: code.toUpperCase(), name: text(c?.name) ?? code }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function parseAspsps(body: unknown): AspspSummary[] {
  return list(body, 'aspsps')
    .map(record)
    .flatMap((a) => {
      const bicFi = text(a?.bicFi);
      return bicFi ? [{ bicFi, name: text(a?.name) ?? bicFi }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.bicFi.localeCompare(b.bicFi));
}

export function parseAspspDetails(body: unknown): AspspDetails | undefined {
  const a = record(body);
  const bicFi = text(a?.bicFi);
  if (!a || !bicFi) return undefined;
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(text).filter((s): s is string => s !== undefined) : []);
  return {
    bicFi,
    name: text(a.name) ?? bicFi,
    country: text(a.country),
    city: text(a.city),
    websiteUrl: text(a.websiteUrl),
    paymentProducts: strings(a.globalPaymentProducts),
    authorizationMethods: (Array.isArray(a.supportedAuthorizationMethods) ? a.supportedAuthorizationMethods : [])
      .map((m) => text(record(m)?.name))
      .filter((s): s is string => s !== undefined),
    affiliatedAspsps: (Array.isArray(a.affiliatedAspsps) ? a.affiliatedAspsps : []).flatMap((item) => {
      const id = text(record(item)?.id);
      return id ? [{ id, name: text(record(item)?.name) ?? id }] : [];
    }),
  };
}

// ASPSP Information Service (reference §4.2): countries, cities and banks. No X-BicFi, no consent.
import type { Bank, City } from '../data/types';
import { ok, type Reply } from '../http/reply';
import { ApiError, formatError } from '../http/tppMessages';
import type { OperationIdIn } from '../../src/client';
import type { Handler, RequestContext, SandboxEnv } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COUNTRY = /^[a-zA-Z]{2}$/;
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;

function csv(ctx: RequestContext, name: string, pattern: RegExp): string[] | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
  for (const v of values) if (!pattern.test(v)) throw formatError(name, `${name} has an invalid value "${v}".`);
  return values;
}

/** isoCountryCodes and cityIds filters; the result is the union of both (reference §4.2). */
function locationFilter(ctx: RequestContext): ((countryCode: string, cityId: string) => boolean) | undefined {
  const countries = csv(ctx, 'isoCountryCodes', COUNTRY)?.map((c) => c.toUpperCase());
  const cities = csv(ctx, 'cityIds', UUID)?.map((c) => c.toLowerCase());
  if (!countries && !cities) return undefined;
  return (countryCode, cityId) => (countries?.includes(countryCode) ?? false) || (cities?.includes(cityId) ?? false);
}

export const logoUrl = (env: SandboxEnv, bicFi: string) => `${env.apiHost}/__sandbox/logos/${bicFi}.svg`;

function cityJson(env: SandboxEnv, c: City): Record<string, string> {
  const country = env.directory.country(c.isoCountryCode);
  // Docs examples carry isoCountryCode; the OAS schema names countryId. Both, so either reader is served.
  return { cityId: c.cityId, name: c.name, isoCountryCode: c.isoCountryCode, ...(country ? { countryId: country.id } : {}) };
}

function bankDetails(env: SandboxEnv, b: Bank): Record<string, unknown> {
  const decoupled = b.scaFlow === 'decoupled' || b.decoupledWhenRedirectNotPreferred;
  return {
    id: b.id,
    bicFi: b.bicFi,
    name: b.name,
    logoUrl: logoUrl(env, b.bicFi),
    city: b.city.name,
    country: env.directory.country(b.isoCountryCode)?.name ?? b.isoCountryCode,
    postalCode: b.postalCode,
    streetAddress: b.streetAddress,
    companyNumber: b.companyNumber,
    phone: b.phone,
    websiteUrl: b.websiteUrl,
    globalPaymentProducts: b.paymentProducts,
    supportedAuthorizationMethods: [
      ...(b.scaFlow === 'decoupled' ? [] : [{ name: 'OAuth2', uri: `${env.authHost}/.well-known/openid-configuration` }]),
      ...(decoupled ? [{ name: 'Decoupled', uri: '' }] : []),
    ],
    affiliatedAspsps: b.affiliatedAspsps,
  };
}

// A bank list of thousands is the same JSON for the same query: serialise once per query string.
const listCache = new WeakMap<SandboxEnv, Map<string, Buffer>>();

function aspspList(ctx: RequestContext): Reply {
  const key = `${ctx.query.get('isoCountryCodes') ?? ''}|${ctx.query.get('cityIds') ?? ''}`;
  const cache = listCache.get(ctx.env) ?? new Map<string, Buffer>();
  listCache.set(ctx.env, cache);
  let raw = cache.get(key);
  if (raw === undefined) {
    const filter = locationFilter(ctx);
    const banks = ctx.env.directory.banks.filter((b) => !filter || filter(b.isoCountryCode, b.city.cityId));
    raw = Buffer.from(JSON.stringify({ aspsps: banks.map((b) => ({ id: b.id, bicFi: b.bicFi, name: b.name, logoUrl: logoUrl(ctx.env, b.bicFi) })) }));
    if (cache.size < 256) cache.set(key, raw);
  }
  return { status: 200, rawJson: raw };
}

export const aspspHandlers: Readonly<Record<OperationIdIn<'ASPSP Information'>, Handler>> = {
  getCountriesList: (ctx) => {
    const codes = csv(ctx, 'isoCountryCodes', COUNTRY)?.map((c) => c.toUpperCase());
    const countries = ctx.env.directory.countries.filter((c) => !codes || codes.includes(c.isoCountryCode));
    return ok({ countries });
  },
  getCountryDetails: (ctx) => {
    const code = ctx.params['isoCountryCode']!;
    if (!COUNTRY.test(code)) throw formatError('isoCountryCode', 'isoCountryCode must be two letters.');
    const country = ctx.env.directory.country(code);
    if (!country) throw new ApiError(404, 'RESOURCE_UNKNOWN', `No country ${code}.`, 'isoCountryCode');
    return ok(country);
  },
  getCityList: (ctx) => {
    const filter = locationFilter(ctx);
    const cities = ctx.env.directory.cities.filter((c) => !filter || filter(c.isoCountryCode, c.cityId));
    return ok({ cities: cities.map((c) => cityJson(ctx.env, c)) });
  },
  getCityDetails: (ctx) => {
    const id = ctx.params['city-id']!;
    if (!UUID.test(id)) throw formatError('city-id', 'city-id must be a UUID.');
    const city = ctx.env.directory.city(id);
    if (!city) throw new ApiError(404, 'RESOURCE_UNKNOWN', `No city ${id}.`, 'city-id');
    return ok(cityJson(ctx.env, city));
  },
  getASPSPList: aspspList,
  getASPSPDetails: (ctx) => {
    const bic = ctx.params['bicFi']!;
    if (!BIC.test(bic)) throw formatError('bicFi', 'bicFi must be a BIC.');
    const bank = ctx.env.directory.bank(bic);
    if (!bank) throw new ApiError(404, 'RESOURCE_UNKNOWN', `No ASPSP with BIC ${bic}.`, 'bicFi');
    return ok(bankDetails(ctx.env, bank));
  },
};

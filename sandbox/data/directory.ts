// The bank directory the ASPSP Information API serves: the seven sandbox banks first (in the order of the
// platform's docs example), then any generated ones. Lookups are maps so 3,000 banks stay fast.
import { generateBanks, generateCities } from './generatedBanks';
import { FI, GENERATED_GEOGRAPHY, HELSINKI, SE, STOCKHOLM } from './geo';
import { childSeed, seededRandom } from './random';
import { SANDBOX_BANKS } from './sandboxBanks';
import type { Bank, City, Country } from './types';

export interface Directory {
  readonly countries: readonly Country[];
  readonly cities: readonly City[];
  readonly banks: readonly Bank[];
  bank(bicFi: string): Bank | undefined;
  city(cityId: string): City | undefined;
  country(isoCountryCode: string): Country | undefined;
}

export function buildDirectory(seed: number, generatedBankCount: number): Directory {
  const countries = new Map<string, Country>([
    [SE.isoCountryCode, SE],
    [FI.isoCountryCode, FI],
  ]);
  const cities = new Map<string, City>([
    [STOCKHOLM.cityId, STOCKHOLM],
    [HELSINKI.cityId, HELSINKI],
  ]);
  let banks: Bank[] = [...SANDBOX_BANKS];
  if (generatedBankCount > 0) {
    const random = seededRandom(childSeed(seed, 'countries'));
    for (const g of GENERATED_GEOGRAPHY) {
      if (!countries.has(g.code)) countries.set(g.code, { id: random.uuid(), isoCountryCode: g.code, name: g.name });
    }
    // Reuse the well-known Stockholm/Helsinki ids so sandbox and generated banks share a city.
    const known = new Map([...cities.values()].map((c) => [`${c.isoCountryCode}/${c.name}`, c]));
    const generatedCities = generateCities(seed).map((c) => known.get(`${c.isoCountryCode}/${c.name}`) ?? c);
    for (const c of generatedCities) cities.set(c.cityId, c);
    banks = [...banks, ...generateBanks(generatedBankCount, seed, generatedCities)];
  }
  const byBic = new Map(banks.map((b) => [b.bicFi, b]));
  return {
    countries: [...countries.values()],
    cities: [...cities.values()],
    banks,
    bank: (bicFi) => byBic.get(bicFi),
    city: (cityId) => cities.get(cityId.toLowerCase()),
    country: (code) => countries.get(code.toUpperCase()),
  };
}

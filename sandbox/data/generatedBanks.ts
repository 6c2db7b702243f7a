// Thousands of made-up banks across countries, for scale tests of bank pickers and lists.
// BICs end in "Z0": a "0" in the 8th position marks a test BIC, so they cannot be mistaken for real banks.
import type { PaymentProduct } from '../../src/client';
import { NO_RULES } from './bankRules';
import { GENERATED_GEOGRAPHY } from './geo';
import { GENERIC_STATUSES } from './paymentStatuses';
import { childSeed, seededRandom } from './random';
import type { Bank, City, ScaFlow } from './types';

const FLOWS: readonly ScaFlow[] = ['oauth', 'redirect', 'decoupled'];
const NAME_PARTS = ['Nord', 'Syd', 'Öst', 'West', 'Kust', 'Fjäll', 'Skog', 'Sjö', 'Berg', 'Dal', 'Lind', 'Ek'];
const NAME_ENDS = ['banken', 'sparbank', 'Bank', 'Finans', 'Kredit'];

function bicPrefix(index: number): string {
  let n = index;
  let out = '';
  for (let i = 0; i < 4; i++) {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

function productsFor(currency: string, code: string): PaymentProduct[] {
  if (code === 'SE') return ['domestic', 'swedish-giro', 'international'];
  return currency === 'EUR' ? ['sepa-credit-transfers', 'international'] : ['domestic', 'international'];
}

export function generateCities(seed: number): City[] {
  const random = seededRandom(childSeed(seed, 'cities'));
  return GENERATED_GEOGRAPHY.flatMap((country) =>
    country.cities.map((name) => ({ cityId: random.uuid(), name, isoCountryCode: country.code })),
  );
}

export function generateBanks(count: number, seed: number, cities: readonly City[]): Bank[] {
  const random = seededRandom(childSeed(seed, 'banks'));
  const banks: Bank[] = [];
  for (let i = 0; i < count; i++) {
    const country = GENERATED_GEOGRAPHY[i % GENERATED_GEOGRAPHY.length]!;
    const city = random.pick(cities.filter((c) => c.isoCountryCode === country.code));
    const bicFi = `${bicPrefix(i)}${country.code}Z0`;
    const flow = FLOWS[i % FLOWS.length]!;
    banks.push({
      id: random.uuid(),
      bicFi,
      name: `${random.pick(NAME_PARTS)}${random.pick(NAME_ENDS)} ${city.name} ${i + 1}`,
      isoCountryCode: country.code,
      city,
      postalCode: random.digits(5),
      streetAddress: `Storgatan ${random.int(1, 99)}`,
      companyNumber: `${random.digits(6)}-${random.digits(4)}`,
      phone: `+00-${random.digits(8)}`,
      websiteUrl: `https://bank-${bicFi.toLowerCase()}.example`,
      paymentProducts: productsFor(country.currency, country.code),
      currency: country.currency,
      corporate: i % 2 === 0,
      scaFlow: flow,
      decoupledWhenRedirectNotPreferred: flow !== 'decoupled',
      autoApprove: false,
      login: { kind: 'anyPsuId' },
      requires: { psuIpAddress: false, psuUserAgent: false, psuId: false },
      transactionDetails: i % 2 === 0,
      ignoresDateFilters: false,
      ignoresBookingStatus: false,
      getPaymentSupported: true,
      paymentStatuses: GENERIC_STATUSES,
      rules: NO_RULES,
      affiliatedAspsps: [],
      generated: true,
    });
  }
  return banks;
}

// Countries and cities. Sweden, Finland and their two cities carry the ids the platform's own examples use
// (docs/aspsp.md), so copied example requests work against the sandbox.
import type { City, Country } from './types';

export const SE: Country = { id: 'fa2b20bd-6148-318c-bfdf-a5782cd0b54b', isoCountryCode: 'SE', name: 'Sweden' };
export const FI: Country = { id: '3b1ab6d1-4a53-4cf5-9b6e-07e5c0d9d6a1', isoCountryCode: 'FI', name: 'Finland' };
export const STOCKHOLM: City = { cityId: '37efa883-c8ad-4ff7-927b-b11b02beb923', name: 'Stockholm', isoCountryCode: 'SE' };
export const HELSINKI: City = { cityId: 'ba9dd929-1408-33a6-3ce2-bc45fcfaaa5c', name: 'Helsinki', isoCountryCode: 'FI' };

/** Extra countries (with a few cities each) that generated banks are spread across for scale tests. */
export const GENERATED_GEOGRAPHY: readonly { code: string; name: string; currency: string; cities: readonly string[] }[] = [
  { code: 'SE', name: 'Sweden', currency: 'SEK', cities: ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala'] },
  { code: 'FI', name: 'Finland', currency: 'EUR', cities: ['Helsinki', 'Espoo', 'Tampere'] },
  { code: 'DK', name: 'Denmark', currency: 'DKK', cities: ['København', 'Aarhus'] },
  { code: 'NO', name: 'Norway', currency: 'NOK', cities: ['Oslo', 'Bergen'] },
  { code: 'DE', name: 'Germany', currency: 'EUR', cities: ['Berlin', 'München', 'Frankfurt am Main'] },
  { code: 'NL', name: 'Netherlands', currency: 'EUR', cities: ['Amsterdam', 'Rotterdam'] },
  { code: 'FR', name: 'France', currency: 'EUR', cities: ['Paris', 'Lyon'] },
  { code: 'ES', name: 'Spain', currency: 'EUR', cities: ['Madrid', 'Barcelona'] },
  { code: 'PL', name: 'Poland', currency: 'PLN', cities: ['Warszawa', 'Kraków'] },
  { code: 'EE', name: 'Estonia', currency: 'EUR', cities: ['Tallinn'] },
];

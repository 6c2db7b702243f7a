// The seven sandbox banks of reference §7.1, with the behaviour §6 and §7.2 document for each.
import type { PaymentProduct } from '../../src/client';
import { HANDELSBANKEN_RULES, NO_RULES, NORDEA_RULES, OP_RULES, SWEDBANK_RULES, type BankRules } from './bankRules';
import { HELSINKI, STOCKHOLM } from './geo';
import { DANSKE_STATUSES, GENERIC_STATUSES, HANDELSBANKEN_STATUSES, NORDEA_STATUSES, SEB_STATUSES, SWEDBANK_STATUSES, type PaymentStatusTable } from './paymentStatuses';
import type { Bank, BankLogin, City, ScaFlow } from './types';

/** SEB's published sandbox PSU ids (reference §7.2), in both 10- and 12-digit form. */
export const SEB_PSU_IDS = ['9311219639', '9311219589', '8811215477', '8811212862', '8311211356'];
export const DANSKE_LOGIN = { username: '8195475386', password: 'xUKSWPgHy2H2XBt8cv' } as const;

interface BankSeed {
  id: string;
  bicFi: string;
  name: string;
  city: City;
  postalCode: string;
  streetAddress: string;
  companyNumber: string;
  phone: string;
  websiteUrl: string;
  paymentProducts: PaymentProduct[];
  currency: string;
  corporate: boolean;
  scaFlow: ScaFlow;
  login: BankLogin;
  paymentStatuses: PaymentStatusTable;
  rules?: BankRules;
  overrides?: Partial<Bank>;
}

function bank(seed: BankSeed): Bank {
  return {
    id: seed.id,
    bicFi: seed.bicFi,
    name: seed.name,
    isoCountryCode: seed.city.isoCountryCode,
    city: seed.city,
    postalCode: seed.postalCode,
    streetAddress: seed.streetAddress,
    companyNumber: seed.companyNumber,
    phone: seed.phone,
    websiteUrl: seed.websiteUrl,
    paymentProducts: seed.paymentProducts,
    currency: seed.currency,
    corporate: seed.corporate,
    scaFlow: seed.scaFlow,
    decoupledWhenRedirectNotPreferred: false,
    autoApprove: false,
    login: seed.login,
    requires: { psuIpAddress: false, psuUserAgent: false, psuId: false },
    transactionDetails: false,
    ignoresDateFilters: false,
    ignoresBookingStatus: false,
    getPaymentSupported: true,
    paymentStatuses: seed.paymentStatuses,
    rules: seed.rules ?? NO_RULES,
    affiliatedAspsps: [],
    generated: false,
    ...seed.overrides,
  };
}

const SE_PRODUCTS: PaymentProduct[] = ['domestic', 'swedish-giro'];
const ANY_PSU: BankLogin = { kind: 'anyPsuId' };

export const SANDBOX_BANKS: readonly Bank[] = [
  bank({
    id: '0c5a1b8e-2f4d-4c1a-9e51-3f0b7c2d9a11',
    bicFi: 'ESSESESS',
    name: 'Skandinaviska Enskilda Banken AB',
    city: STOCKHOLM,
    postalCode: '106 40',
    streetAddress: 'Kungsträdgårdsgatan 8',
    companyNumber: '502032-9081',
    phone: '+46-771-62 10 00',
    websiteUrl: 'https://seb.se',
    paymentProducts: SE_PRODUCTS,
    currency: 'SEK',
    corporate: true,
    scaFlow: 'oauth',
    login: { kind: 'psuIds', ids: [...SEB_PSU_IDS, ...SEB_PSU_IDS.map((id) => `19${id}`)] },
    paymentStatuses: SEB_STATUSES,
    overrides: { transactionDetails: true },
  }),
  bank({
    id: '5e0d2c4b-7a3f-4f6e-8b21-6c9d0e1f2a22',
    bicFi: 'NDEASESS',
    name: 'Nordea Bank AB',
    city: STOCKHOLM,
    postalCode: '105 71',
    streetAddress: 'Smålandsgatan 17',
    companyNumber: '516411-1683',
    phone: '+46-771-22 44 88',
    websiteUrl: 'https://www.nordea.se',
    paymentProducts: SE_PRODUCTS,
    currency: 'SEK',
    corporate: true,
    scaFlow: 'oauth',
    login: ANY_PSU,
    paymentStatuses: NORDEA_STATUSES,
    rules: NORDEA_RULES,
    overrides: { ignoresDateFilters: true },
  }),
  bank({
    id: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c33',
    bicFi: 'HANDSESS',
    name: 'Handelsbanken',
    city: STOCKHOLM,
    postalCode: '106 70',
    streetAddress: 'Kungsträdgårdsgatan 2',
    companyNumber: '502007-7862',
    phone: '+46-8-701 10 00',
    websiteUrl: 'https://www.handelsbanken.se',
    paymentProducts: SE_PRODUCTS,
    currency: 'SEK',
    corporate: true,
    scaFlow: 'decoupled',
    login: ANY_PSU,
    paymentStatuses: HANDELSBANKEN_STATUSES,
    rules: HANDELSBANKEN_RULES,
    overrides: {
      autoApprove: true,
      getPaymentSupported: false,
      requires: { psuIpAddress: true, psuUserAgent: false, psuId: false },
    },
  }),
  bank({
    id: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a44',
    bicFi: 'SWEDSESS',
    name: 'Swedbank',
    city: STOCKHOLM,
    postalCode: '105 34',
    streetAddress: 'Landsvägen 40',
    companyNumber: '502017-7753',
    phone: '+46-8-585 900 00',
    websiteUrl: 'https://www.swedbank.se',
    paymentProducts: ['domestic', 'international', 'swedish-giro'],
    currency: 'SEK',
    corporate: true,
    scaFlow: 'oauth',
    login: ANY_PSU,
    paymentStatuses: SWEDBANK_STATUSES,
    rules: SWEDBANK_RULES,
    overrides: {
      decoupledWhenRedirectNotPreferred: true,
      // "dateFrom/dateTo/bookingStatus ignored" (reference §7.2).
      ignoresDateFilters: true,
      ignoresBookingStatus: true,
      requires: { psuIpAddress: true, psuUserAgent: true, psuId: true },
      affiliatedAspsps: [
        { id: '08999', name: 'Swedbank' },
        { id: '08114', name: 'Södra Dalarnas Sparbank AB' },
      ],
    },
  }),
  bank({
    id: '2a3b4c5d-6e7f-4819-a2b3-c4d5e6f7a855',
    bicFi: 'DABASESX',
    name: 'Danske Bank',
    city: STOCKHOLM,
    postalCode: '103 92',
    streetAddress: 'Norrmalmstorg 1',
    companyNumber: '516401-9811',
    phone: '+46-752-48 45 42',
    websiteUrl: 'https://danskebank.se',
    paymentProducts: ['domestic'],
    currency: 'GBP',
    corporate: false,
    scaFlow: 'oauth',
    login: { kind: 'password', ...DANSKE_LOGIN },
    paymentStatuses: DANSKE_STATUSES,
  }),
  bank({
    id: '3b4c5d6e-7f80-4912-b3c4-d5e6f7a8b966',
    bicFi: 'NDEAFIHH',
    name: 'Nordea Finland',
    city: HELSINKI,
    postalCode: '00020',
    streetAddress: 'Satamaradankatu 5',
    companyNumber: '2858394-9',
    phone: '+358-200-3000',
    websiteUrl: 'https://www.nordea.fi',
    paymentProducts: ['sepa-credit-transfers'],
    currency: 'EUR',
    corporate: false,
    scaFlow: 'oauth',
    login: ANY_PSU,
    paymentStatuses: NORDEA_STATUSES,
  }),
  bank({
    id: '4c5d6e7f-8091-4a23-84d5-e6f7a8b9ca77',
    bicFi: 'OKOYFIHH',
    name: 'OP Bank',
    city: HELSINKI,
    postalCode: '00510',
    streetAddress: 'Gebhardinaukio 1',
    companyNumber: '0242522-1',
    phone: '+358-10-252 010',
    websiteUrl: 'https://www.op.fi',
    paymentProducts: ['sepa-credit-transfers'],
    currency: 'EUR',
    corporate: false,
    scaFlow: 'oauth',
    login: ANY_PSU,
    paymentStatuses: GENERIC_STATUSES,
    rules: OP_RULES,
  }),
];

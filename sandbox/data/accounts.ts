// Seeded accounts, balances and transactions per bank, built on first use so 3,000 generated banks cost
// nothing until someone reads their accounts. Dates are relative to the sandbox's "today" so the Postman
// collection's "last 30 days" query finds transactions. Transactions are listed newest first, pending
// (today's) before booked, which is the order the API pages them in.
import { childSeed, seededRandom, type Random } from './random';
import type { Account, Bank, Transaction } from './types';

/** Account numbers from the platform's own samples (reference §7.2), so copied sample requests work. */
const KNOWN_ACCOUNTS: Readonly<Record<string, readonly { iban?: string; bban?: string; clearingNumber?: string }[]>> = {
  ESSESESS: [{ iban: 'SE3750000000054400047881' }, { iban: 'SE2550000000054400047903' }],
  // Their IBANs in the Swedish form (bank code 600, account number padded to 17 digits): the 9-digit BBAN alone
  // would make an IBAN too short to be one.
  HANDSESS: [
    { bban: '403333911', clearingNumber: '6000', iban: 'SE5460000000000403333911' },
    { bban: '401975231', clearingNumber: '6000', iban: 'SE8160000000000401975231' },
  ],
  NDEASESS: [{ bban: '41351300039' }, { bban: '32704620016' }],
  SWEDSESS: [{ iban: 'SE4880000123459876543219' }, { iban: 'SE9280000123451234567890' }],
  DABASESX: [{ bban: '84600447424379' }, { bban: '15517312471731' }],
};

const COUNTERPARTIES = ['ICA Maxi', 'SL Access', 'Systembolaget', 'Vattenfall', 'Spotify', 'Arbetsgivare AB', 'Hyresvärden', 'Apoteket'];
const OWNERS = ['Sven Svensson', 'Anna Andersson', 'Matti Virtanen', 'Eva Ek'];

function ibanCheckDigits(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return String(98 - remainder).padStart(2, '0');
}

export function makeIban(country: string, bban: string): string {
  return `${country}${ibanCheckDigits(country, bban)}${bban}`;
}

function isoDate(base: Date, daysBack: number): string {
  return new Date(base.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
}

function amount(value: number): string {
  return value.toFixed(2);
}

/** Booked transactions of a current account: busy enough that 90 days fill more than one page at the default size. */
export const CURRENT_ACCOUNT_BOOKED = { min: 60, max: 80 } as const;
const OTHER_ACCOUNT_BOOKED = { min: 18, max: 30 } as const;

function transactions(random: Random, currency: string, today: Date, idPrefix: string, count: number): Transaction[] {
  const pending: Transaction[] = [];
  const booked: Transaction[] = [];
  for (let i = 0; i < count; i++) {
    const daysBack = Math.floor(((i + 1) * 88) / count);
    const incoming = random.next() < 0.2;
    const value = incoming ? random.int(1000, 30000) : -random.int(20, 2500) - random.int(0, 99) / 100;
    const counterparty = random.pick(COUNTERPARTIES);
    const date = isoDate(today, daysBack);
    const sequence = String(i + 1).padStart(4, '0');
    booked.push({
      transactionId: `${idPrefix}-${sequence}`,
      // Unique within the account by its sequence part: it is the paging cursor (entryReferenceFrom).
      entryReference: `${idPrefix}${sequence}${random.digits(6)}`,
      bookingDate: date,
      valueDate: date,
      transactionAmount: { currency, amount: amount(value) },
      ...(incoming ? { debtorName: counterparty } : { creditorName: counterparty }),
      remittanceInformationUnstructured: incoming ? `Från ${counterparty}` : `Kortköp ${counterparty}`,
      booked: true,
    });
  }
  for (let i = 0; i < 2; i++) {
    const counterparty = random.pick(COUNTERPARTIES);
    pending.push({
      transactionId: `${idPrefix}-P${i + 1}`,
      entryReference: `${idPrefix}P${i + 1}${random.digits(6)}`,
      bookingDate: isoDate(today, 0),
      valueDate: isoDate(today, 0),
      transactionAmount: { currency, amount: amount(-random.int(10, 500)) },
      creditorName: counterparty,
      remittanceInformationUnstructured: `Reserverat ${counterparty}`,
      booked: false,
    });
  }
  return [...pending, ...booked];
}

function buildAccounts(bank: Bank, seed: number, today: Date): Account[] {
  const random = seededRandom(childSeed(seed, `accounts:${bank.bicFi}`));
  const known = KNOWN_ACCOUNTS[bank.bicFi] ?? [];
  const count = Math.max(known.length, 2) + (bank.corporate ? 1 : 0);
  const accounts: Account[] = [];
  for (let i = 0; i < count; i++) {
    const preset = known[i];
    const bban = preset?.bban ?? (preset?.iban ? preset.iban.slice(4) : random.digits(bank.isoCountryCode === 'FI' ? 14 : 16));
    // Danske's sandbox accounts are UK sort code + number, given as BBAN only (reference §7.2).
    const iban = bank.currency === 'GBP' ? undefined : (preset?.iban ?? makeIban(bank.isoCountryCode, bban));
    const corporate = bank.corporate && i === count - 1;
    const closing = random.int(2_000, 90_000) + random.int(0, 99) / 100;
    const resourceId = random.uuid();
    const range = i === 0 ? CURRENT_ACCOUNT_BOOKED : OTHER_ACCOUNT_BOOKED;
    const txs = transactions(random, bank.currency, today, `${bank.bicFi.slice(0, 4)}${i + 1}`, random.int(range.min, range.max));
    const pending = txs.filter((t) => !t.booked).reduce((sum, t) => sum + Number(t.transactionAmount.amount), 0);
    const referenceDate = isoDate(today, 0);
    accounts.push({
      resourceId,
      bicFi: bank.bicFi,
      ...(iban ? { iban } : {}),
      bban,
      ...(preset?.clearingNumber ? { clearingNumber: preset.clearingNumber } : {}),
      currency: bank.currency,
      name: corporate ? 'Företagskonto' : i === 0 ? 'Privatkonto' : 'Sparkonto',
      product: corporate ? 'Business Account' : i === 0 ? 'Current Account' : 'Savings Account',
      ownerName: corporate ? 'Sandbox Företag AB' : random.pick(OWNERS),
      cashAccountType: i === 1 && !corporate ? 'SVGS' : 'CACC',
      usage: corporate ? 'ORGA' : 'PRIV',
      balances: [
        { balanceAmount: { currency: bank.currency, amount: amount(closing) }, balanceType: 'closingBooked', creditLimitIncluded: false, referenceDate },
        {
          balanceAmount: { currency: bank.currency, amount: amount(closing + pending) },
          balanceType: 'interimAvailable',
          creditLimitIncluded: false,
          referenceDate,
        },
      ],
      transactions: txs,
    });
  }
  return accounts;
}

export interface AccountBook {
  accountsOf(bank: Bank): readonly Account[];
}

export function createAccountBook(seed: number, today: Date): AccountBook {
  const cache = new Map<string, Account[]>();
  return {
    accountsOf(bank) {
      let accounts = cache.get(bank.bicFi);
      if (!accounts) {
        accounts = buildAccounts(bank, seed, today);
        cache.set(bank.bicFi, accounts);
      }
      return accounts;
    },
  };
}

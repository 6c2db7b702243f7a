// start() options and their defaults. The CLI uses fixed ports (8401/8402) so the extension's `local`
// environment can point at them; tests pass 0 for free ports.
import type { SandboxClient } from './auth/clients';
import type { FaultSpec } from './faults';

export interface SandboxOptions {
  /** Loopback address to bind. 127.0.0.2 because code-server rewrites links to 127.0.0.1/localhost. */
  readonly host?: string;
  readonly authPort?: number;
  readonly apiPort?: number;
  /** Seed for all generated data (banks, accounts, transactions). */
  readonly seed?: number;
  /** How many extra banks to generate across countries, for scale tests. */
  readonly banks?: number;
  /** Lifetime of access tokens; short values let tests see TOKEN_EXPIRED. */
  readonly tokenTtlSeconds?: number;
  /** Decoupled SCA moves one status step per this many status reads (when `decoupledSeconds` is 0). */
  readonly decoupledReadsPerStep?: number;
  /**
   * Seconds a decoupled authorisation takes from the chosen SCA method to `finalised`, as a PSU signing in the
   * app would: `started` halfway, and animated QR tokens refresh on every read meanwhile. 0 (the default for
   * `start()`, so tests stay instant) steps by status reads instead; the CLI and `npm start` use
   * DEFAULT_CLI_DECOUPLED_SECONDS so a person sees the QR code refresh.
   */
  readonly decoupledSeconds?: number;
  /** Milliseconds since the epoch; tests pass a clock they move (default Date.now). */
  readonly clock?: () => number;
  readonly faults?: readonly FaultSpec[];
  readonly bodyLimitBytes?: number;
  /** The date the data is relative to (default: now). */
  readonly today?: Date;
  readonly clients?: readonly SandboxClient[];
  /** Most transactions one Get Transaction List page holds; the rest follow through `_links.next`. */
  readonly transactionsPageSize?: number;
  /**
   * https + mTLS mode, as production (reference §2): both hosts speak https with certificates from a test CA
   * made at start, and the API host refuses any TLS connection without a client certificate from that CA.
   */
  readonly tls?: boolean;
}

export const DEFAULT_HOST = '127.0.0.2';
export const DEFAULT_AUTH_PORT = 8401;
export const DEFAULT_API_PORT = 8402;
/**
 * The reference names no page size (§8 question 9). 50 keeps a page readable and makes the seeded current
 * accounts (60-80 booked transactions in 90 days) span two pages, so clients meet paging by default.
 */
export const DEFAULT_TRANSACTIONS_PAGE_SIZE = 50;
/**
 * What `npm run sandbox` and `npm start` use: the extension polls a decoupled SCA every second, so 12 s shows
 * about a dozen QR codes, `started` after 6 s, long enough to look at and short enough not to wait on.
 */
export const DEFAULT_CLI_DECOUPLED_SECONDS = 12;

/** A pace a person can follow, or 0; fractions are allowed (tests), negatives and NaN are not. */
export function decoupledSecondsOf(value: number | undefined): number {
  const seconds = value ?? 0;
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`decoupledSeconds must be a non-negative number, not ${value}`);
  return seconds;
}

export function isLoopbackHost(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1' || host === 'localhost';
}

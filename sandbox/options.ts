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
  /** Decoupled SCA moves one status step per this many status reads. */
  readonly decoupledReadsPerStep?: number;
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

export function isLoopbackHost(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1' || host === 'localhost';
}

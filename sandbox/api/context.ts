// What every handler gets: the matched operation, parsed request, the caller's token and the sandbox state.
import type { IncomingHttpHeaders } from 'node:http';
import type { Operation, PsuContext } from '../../src/client';
import type { IssuedSecrets } from '../auth/issuedSecrets';
import type { AccountBook } from '../data/accounts';
import type { Directory } from '../data/directory';
import type { Bank } from '../data/types';
import type { Reply } from '../http/reply';
import type { Store } from '../state/types';

export interface SandboxEnv {
  readonly directory: Directory;
  readonly accounts: AccountBook;
  readonly store: Store;
  readonly authHost: string;
  readonly apiHost: string;
  /** Decoupled SCA moves one status step per this many status reads. */
  readonly decoupledReadsPerStep: number;
  /** Seconds from the chosen method to `finalised` for decoupled SCA; 0 = by reads instead. */
  readonly decoupledSeconds: number;
  /** Milliseconds since the epoch (Date.now unless a test moves it). */
  readonly clock: () => number;
  readonly transactionsPageSize: number;
  readonly today: Date;
  /** The first configured client, handed to the extension's "Use Local Sandbox" action on request. */
  readonly demoClient: { readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string };
  /** The latest API requests (method, path, status, X-Request-ID), newest last, for tests and support. */
  readonly requestLog: RequestLogEntry[];
  /** Tokens and codes the auth host issued this run, for leak searches by test harnesses. */
  readonly issuedSecrets: Pick<IssuedSecrets, 'report'>;
}

export interface RequestLogEntry {
  /** 1 for the first API request the sandbox received: a mark taken from it survives the log's cap. */
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly requestId?: string;
  /** The client closed the connection before the whole response was sent (a cancelled or expired call). */
  readonly closedEarly?: true;
}

export const REQUEST_LOG_LIMIT = 500;

export interface TokenInfo {
  readonly clientId: string;
  readonly scopes: ReadonlySet<string>;
  readonly context: PsuContext;
}

export interface RequestContext {
  readonly op: Operation;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly requestId: string;
  readonly token: TokenInfo;
  readonly env: SandboxEnv;
  /** Set for Consent, AIS and PIS calls after X-BicFi was checked. */
  readonly bank?: Bank;
}

/** Consent, AIS and PIS handlers run only after X-BicFi named a known bank. */
export interface BankContext extends RequestContext {
  readonly bank: Bank;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;
export type BankHandler = (ctx: BankContext) => Reply | Promise<Reply>;

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/** The TPP-Redirect-Preferred header as a boolean, undefined when absent. */
export function redirectPreferred(headers: IncomingHttpHeaders): boolean | undefined {
  const value = header(headers, 'tpp-redirect-preferred');
  return value === undefined ? undefined : value.toLowerCase() !== 'false';
}

// The checks the platform makes before any handler runs (reference §4.1, §7.2, §7.3).
import type { IncomingHttpHeaders } from 'node:http';
import { SETTINGS_HEADER_PARAMS, type Operation } from '../../src/client';
import type { Directory } from '../data/directory';
import type { Bank } from '../data/types';
import { ApiError, formatError } from '../http/tppMessages';
import { header, type TokenInfo } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export type TokenLookup =
  | { readonly status: 'valid'; readonly clientId: string; readonly scope: string }
  | { readonly status: 'expired' }
  | { readonly status: 'unknown' };

export type Introspect = (token: string) => Promise<TokenLookup>;

export async function authenticate(headers: IncomingHttpHeaders, op: Operation, introspect: Introspect): Promise<TokenInfo> {
  const authorization = header(headers, 'authorization');
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  if (!match) throw new ApiError(401, 'TOKEN_INVALID', 'An Authorization: Bearer <access token> header is required.');
  const found = await introspect(match[1]!);
  if (found.status === 'expired') throw new ApiError(401, 'TOKEN_EXPIRED', 'The access token has expired; request a new one.');
  if (found.status === 'unknown') throw new ApiError(401, 'TOKEN_UNKNOWN', 'The access token is not known to the platform.');
  const scopes = new Set(found.scope.split(' '));
  if (!scopes.has(op.product)) {
    throw new ApiError(401, 'TOKEN_INVALID', `The token's scope "${found.scope}" does not include ${op.product}.`);
  }
  return { clientId: found.clientId, scopes, context: scopes.has('corporate') ? 'corporate' : 'private' };
}

export function requireRequestId(headers: IncomingHttpHeaders): string {
  const id = header(headers, 'x-request-id');
  if (!id) throw formatError('X-Request-ID', 'The X-Request-ID header is required (a new UUID per request).');
  if (!UUID.test(id)) throw formatError('X-Request-ID', 'X-Request-ID must be a UUID.');
  return id;
}

export function requireBank(headers: IncomingHttpHeaders, directory: Directory): Bank {
  const bic = header(headers, 'x-bicfi');
  if (!bic) throw formatError('X-BicFi', 'The X-BicFi header is required for Consent, AIS and PIS calls.');
  if (!BIC.test(bic)) throw formatError('X-BicFi', 'X-BicFi must be a BIC (e.g. ESSESESS).');
  const bank = directory.bank(bic);
  if (!bank) throw new ApiError(400, 'RESOURCE_UNKNOWN', `No ASPSP with BIC ${bic} is available.`, 'X-BicFi');
  return bank;
}

/** The header names as the catalogue (and so the extension) spells them. */
const { psuIpAddress: IP, psuUserAgent: USER_AGENT, psuId: PSU_ID, affiliatedAspspId: AFFILIATED } = SETTINGS_HEADER_PARAMS;

/** PSU headers some banks require (reference §7.2); `creating` marks Create Consent / Create Payment. */
export function requirePsuHeaders(headers: IncomingHttpHeaders, bank: Bank, op: Operation, creating: boolean): void {
  const ip = header(headers, IP.name);
  if (ip !== undefined && !IPV4.test(ip)) throw formatError(IP.name, `${IP.name} must be an IPv4 address.`);
  const mandatory = op.params.some((p) => p.name === IP.name && p.required);
  if (ip === undefined && (mandatory || bank.requires.psuIpAddress)) {
    throw formatError(IP.name, `${IP.name} is required${mandatory ? '' : ` by ${bank.bicFi}`}.`);
  }
  if (!creating) return;
  const affiliated = header(headers, AFFILIATED.name);
  if (affiliated !== undefined && !bank.affiliatedAspsps.some((a) => a.id === affiliated)) {
    throw new ApiError(400, 'RESOURCE_UNKNOWN', `${affiliated} is not an affiliated ASPSP of ${bank.bicFi}.`, AFFILIATED.name);
  }
  if (bank.requires.psuUserAgent && !header(headers, USER_AGENT.name)) {
    throw formatError(USER_AGENT.name, `${USER_AGENT.name} is required by ${bank.bicFi}.`);
  }
  if (bank.requires.psuId && !header(headers, PSU_ID.name)) {
    throw formatError(PSU_ID.name, `${PSU_ID.name} is required by ${bank.bicFi}.`);
  }
}

export function requireCorporateSupport(bank: Bank, token: TokenInfo): void {
  if (token.context === 'corporate' && !bank.corporate) {
    throw new ApiError(400, 'SERVICE_INVALID', `${bank.bicFi} does not offer the corporate context in the sandbox.`);
  }
}

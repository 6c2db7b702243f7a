// Reads the few fields SCA needs from an API answer, tolerating the shapes seen in practice
// (reference §9: `_links` entries as {href} or a bare string; challengeData.data as an array).
import type { Exchange } from '../http';
import type { ScaApproach, ScaMethod } from './types';

export type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function bodyOf(exchange: Exchange): Json {
  return isObject(exchange.json) ? exchange.json : {};
}

export function stringField(body: Json, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function headerOf(exchange: Exchange, name: string): string | undefined {
  const lower = name.toLowerCase();
  const found = Object.entries(exchange.responseHeaders).find(([key]) => key.toLowerCase() === lower);
  return found?.[1];
}

export function approachOf(exchange: Exchange): ScaApproach | undefined {
  const value = headerOf(exchange, 'ASPSP-SCA-Approach')?.trim().toUpperCase();
  return value === 'REDIRECT' || value === 'DECOUPLED' || value === 'EMBEDDED' ? value : undefined;
}

export function linkOf(body: Json, name: string): string | undefined {
  const links = body['_links'];
  if (!isObject(links)) return undefined;
  const link = links[name];
  if (typeof link === 'string') return link || undefined;
  return isObject(link) ? stringField(link, 'href') : undefined;
}

export function scaMethodsOf(body: Json): ScaMethod[] {
  const methods = body['scaMethods'];
  if (!Array.isArray(methods)) return [];
  return methods.filter(isObject).flatMap((m) => {
    const id = stringField(m, 'authenticationMethodId');
    if (!id) return [];
    const type = stringField(m, 'authenticationType');
    const name = stringField(m, 'name');
    return [{ authenticationMethodId: id, ...(type ? { authenticationType: type } : {}), ...(name ? { name } : {}) }];
  });
}

export interface ChallengeData {
  readonly data: readonly string[];
  readonly image?: string;
  readonly imageLink?: string;
}

export function challengeDataOf(body: Json): ChallengeData | undefined {
  const challenge = body['challengeData'];
  if (!isObject(challenge)) return undefined;
  const raw = challenge['data'];
  // The OAS says string; the platform sends an array (reference §6.3). Accept both.
  const data = (Array.isArray(raw) ? raw : [raw]).filter((d): d is string => typeof d === 'string' && d !== '');
  const image = stringField(challenge, 'image');
  const imageLink = stringField(challenge, 'imageLink');
  if (data.length === 0 && !image && !imageLink) return undefined;
  return { data, ...(image ? { image } : {}), ...(imageLink ? { imageLink } : {}) };
}

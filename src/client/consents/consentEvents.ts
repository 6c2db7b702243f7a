// What an exchange tells us about a consent: created, its status read, or deleted. Pure, so the rules are
// tested without VS Code; the tracker applies them to the store.
import type { OperationId } from '../catalogue/catalogue';
import type { Exchange } from '../http/exchange';
import { type ConsentStatus, toConsentStatus } from './consentStore';

export type ConsentEvent =
  | { readonly kind: 'created'; readonly consentId: string; readonly bicFi: string; readonly status: ConsentStatus; readonly validUntil?: string }
  | { readonly kind: 'status'; readonly consentId: string; readonly status: ConsentStatus; readonly validUntil?: string }
  | { readonly kind: 'deleted'; readonly consentId: string }
  /** The bank refused the consent for account information without saying why (CONSENT_INVALID): ask its status. */
  | { readonly kind: 'invalid'; readonly consentId: string; readonly bicFi: string };

function field(json: unknown, name: string): unknown {
  return typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[name] : undefined;
}

export function consentEventOf(
  operationId: OperationId,
  params: Readonly<Record<string, string | undefined>>,
  body: unknown,
  exchange: Exchange,
): ConsentEvent | undefined {
  const ok = exchange.status >= 200 && exchange.status < 300;
  const consentId = params.consentId;
  if (operationId === 'createConsent' && ok) {
    const id = field(exchange.json, 'consentId');
    const bicFi = params['X-BicFi'];
    const validUntil = field(body, 'validUntil');
    if (typeof id !== 'string' || !bicFi) return undefined;
    return { kind: 'created', consentId: id, bicFi, status: toConsentStatus(field(exchange.json, 'consentStatus')), ...(typeof validUntil === 'string' ? { validUntil } : {}) };
  }
  // The platform refuses AIS on a consent that is no longer valid. CONSENT_EXPIRED says which way it went;
  // CONSENT_INVALID covers revoked, terminated and rejected consents but also an account the consent does not
  // grant, so only the consent's status can tell.
  const aisConsent = params['Consent-ID'];
  const codes = new Set((exchange.tppMessages ?? []).map((m) => m.code));
  if (aisConsent && codes.has('CONSENT_EXPIRED')) return { kind: 'status', consentId: aisConsent, status: 'expired' };
  const aisBank = params['X-BicFi'];
  if (aisConsent && aisBank && exchange.status === 401 && codes.has('CONSENT_INVALID')) return { kind: 'invalid', consentId: aisConsent, bicFi: aisBank };
  if (!consentId) return undefined;
  if ((operationId === 'getConsentStatus' || operationId === 'getConsentInformation') && ok) {
    const validUntil = field(exchange.json, 'validUntil');
    return { kind: 'status', consentId, status: toConsentStatus(field(exchange.json, 'consentStatus')), ...(typeof validUntil === 'string' ? { validUntil } : {}) };
  }
  if (operationId === 'deleteConsent' && ok) return { kind: 'deleted', consentId };
  return undefined;
}

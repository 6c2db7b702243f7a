// Parses the platform's acr_values: "idp:<BIC> consentId:<id> consentAuthorisationId:<id>"
// or "idp:<BIC> paymentId:<id> paymentAuthorisationId:<id>" (reference §3.7).
import type { ScaTarget } from './bridge';

export function parseAcrValues(value: string): ScaTarget | undefined {
  const pairs = new Map<string, string>();
  for (const part of value.trim().split(/\s+/)) {
    const colon = part.indexOf(':');
    if (colon > 0) pairs.set(part.slice(0, colon), part.slice(colon + 1));
  }
  const bicFi = pairs.get('idp');
  if (!bicFi) return undefined;
  const consentId = pairs.get('consentId');
  const consentAuth = pairs.get('consentAuthorisationId');
  if (consentId && consentAuth) return { kind: 'consent', bicFi, parentId: consentId, authorisationId: consentAuth };
  const paymentId = pairs.get('paymentId');
  const paymentAuth = pairs.get('paymentAuthorisationId');
  if (paymentId && paymentAuth) return { kind: 'payment', bicFi, parentId: paymentId, authorisationId: paymentAuth };
  return undefined;
}

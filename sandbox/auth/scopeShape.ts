// The scope shape the platform issues API tokens for (reference §3.3): one product and one context, in any
// order ("private aspspinformation" in the official samples). Only client_credentials is checked: the code
// exchange's scope may be the product alone (docs) or with its context (Postman), and oidc-provider takes
// that token's scope from the authorisation request anyway (reference §3.6).
import { OPERATIONS, type PsuContext, type Product } from '../../src/client';

/** The API products are the products of the catalogue's operations, in catalogue order. */
export const PRODUCT_SCOPES: readonly Product[] = [...new Set(OPERATIONS.map((op) => op.product))];
export const CONTEXT_SCOPES = ['private', 'corporate'] as const satisfies readonly PsuContext[];

/** Why `scope` is not one the platform issues a client_credentials token for, or undefined when it is. */
export function scopeShapeProblem(scope: string | undefined): string | undefined {
  // A scope is a set (RFC 6749 §3.3): a repeated word is one word.
  const words = [...new Set((scope ?? '').split(' ').filter(Boolean))];
  const products = words.filter((w) => (PRODUCT_SCOPES as readonly string[]).includes(w));
  const contexts = words.filter((w) => (CONTEXT_SCOPES as readonly string[]).includes(w));
  if (products.length === 1 && contexts.length === 1 && words.length === 2) return undefined;
  return `scope must be exactly one product (${PRODUCT_SCOPES.join(', ')}) and one context (${CONTEXT_SCOPES.join(' or ')}), e.g. "accountinformation private"; got "${scope ?? ''}"`;
}

// Which authorisation a code belongs to, and the header pair that names it on the code exchange (reference §3.6).
export type AuthorisationTarget =
  | { readonly kind: 'consent'; readonly consentId: string; readonly authorisationId: string }
  | { readonly kind: 'payment'; readonly paymentId: string; readonly authorisationId: string };

export function activationHeaders(target: AuthorisationTarget): Record<string, string> {
  return target.kind === 'consent'
    ? { 'X-ConsentId': target.consentId, 'X-ConsentAuthorisationId': target.authorisationId }
    : { 'X-PaymentId': target.paymentId, 'X-PaymentAuthorisationId': target.authorisationId };
}

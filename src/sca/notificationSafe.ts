// Which server-supplied values may appear in a VS Code notification. Notifications render markdown links and
// command: URIs, so a consentId, paymentId, status or echoed X-Request-ID from a bank is shown only when it
// cannot be anything but an identifier. Local stand-in for the shared core helper; swap it in when it exists.

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The value when it is a plain identifier (ids, status codes, BICs); undefined otherwise. */
export function safeIdentifier(value: unknown): string | undefined {
  return typeof value === 'string' && IDENTIFIER.test(value) ? value : undefined;
}

/** An X-Request-ID only when it is a UUID: servers echo it, and anything else may be text they chose. */
export function safeRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
}

// The one UUID check. It accepts what RFC 9562 defines as a UUID: versions 1 to 8 with the RFC variant, plus the
// Nil and Max UUIDs, in either case. That is exactly what the `uuid` package's validate() accepted where the
// client checks an X-Request-ID before sending it, so what can be sent is unchanged; the prompt for an own
// X-Request-ID and the notification check now agree with it, so an id the client sent is always shown.
const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

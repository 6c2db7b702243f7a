// X-Request-ID is how the platform and its support trace one call, so each attempt gets its own.
import { v4 as uuidv4 } from 'uuid';
import { isUuid } from '../text/uuid';

export function newRequestId(): string {
  return uuidv4();
}

/** An X-Request-ID is a UUID (OAS `format: uuid`); the one check is isUuid. */
export function isRequestId(value: unknown): value is string {
  return isUuid(value);
}

// X-Request-ID is how the platform and its support trace one call, so each attempt gets its own.
import { v4 as uuidv4, validate } from 'uuid';

export function newRequestId(): string {
  return uuidv4();
}

export function isRequestId(value: string): boolean {
  return validate(value);
}

// VS Code notifications (showErrorMessage, showWarningMessage, showInformationMessage) render markdown links,
// including command: URIs that run commands when clicked. A value a server chose (an id, a status, a code)
// may therefore go into a notification only when it cannot be markup: these functions pass such values
// through and return undefined for anything else, so the caller picks a sentence without the value.

import { isUuid } from './uuid';

// Letters and digits first, then only characters that no markdown construct or link needs. The underscore is
// kept because Berlin Group codes are written with it (CONSENT_INVALID) and notifications render no emphasis.
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
// A colon is fine inside an id, but "command:x" or "https:x" reads as a link target to the user (and to any
// renderer that autolinks), so a value that starts like a URI scheme is refused.
const SCHEME_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * The value when it looks like an identifier or code (consentId, paymentId, transactionStatus, a tppMessages
 * code, a BIC, a client id), otherwise undefined.
 */
export function notificationSafeId(value: unknown): string | undefined {
  if (typeof value !== 'string' || !IDENTIFIER.test(value) || SCHEME_PREFIX.test(value)) return undefined;
  return value;
}

/**
 * The value when it is a UUID, otherwise undefined. Pass the X-Request-ID this client sent, never one a
 * server echoed back.
 */
export function notificationSafeRequestId(value: unknown): string | undefined {
  return isUuid(value) ? value : undefined;
}

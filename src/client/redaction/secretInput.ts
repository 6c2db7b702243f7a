// What a secret the user types (client_secret, certificate passphrase) must be before it is stored. A secret
// the Redactor cannot mask safely is refused up front: a short value would mask ordinary words everywhere (or,
// below the Redactor's minimum, never be masked), and one made only of invisible characters is a paste gone
// wrong that the user could not even see in the input box.

/**
 * Client secrets from the Developer Portal are long random strings; 8 visible characters is far below any
 * real one and still long enough that masking it never eats ordinary words.
 */
export const CLIENT_SECRET_MIN_LENGTH = 8;

/**
 * OpenSSL refuses to encrypt a PKCS#12 file with a passphrase shorter than 4 characters, so a longer minimum
 * would lock out certificates that exist; 4 is also the shortest literal the Redactor masks.
 */
export const PASSPHRASE_MIN_LENGTH = 4;

/** The shortest secret any input accepts: the Redactor masks every literal at least this long. */
export const SHORTEST_SECRET = Math.min(CLIENT_SECRET_MIN_LENGTH, PASSPHRASE_MIN_LENGTH);

// Whitespace, control characters, format characters (zero-width space and joiners, BOM, soft hyphen, bidi
// marks) and the other code points fonts draw as nothing (Hangul fillers, variation selectors).
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

export type SecretProblem = 'empty' | 'invisible' | 'short';

/** Why `value` cannot be stored as a secret, or undefined when it can. Length counts visible characters. */
export function secretProblem(value: string | undefined, minLength: number): SecretProblem | undefined {
  if (value === undefined || value.trim() === '') return 'empty';
  const visible = value.replace(INVISIBLE, '');
  if (visible === '') return 'invisible';
  return [...visible].length < minLength ? 'short' : undefined;
}

// ISO 13616 IBAN checks, shared by every place the extension takes an IBAN and by the local sandbox, so a typed
// IBAN and a bank's refusal agree on what is valid. Country-specific lengths are deliberately not checked: the
// mod-97 check digits catch typos, and a bank that knows its own format says so with FORMAT_ERROR.

const SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

/** The IBAN as banks expect it: spaces (including the print form's groups of four) removed, letters upper-cased. */
export function normaliseIban(input: string): string {
  return input.replace(/[\s\u00a0]+/g, '').toUpperCase();
}

/** True when the text, already normalised, has an IBAN's shape and its ISO 7064 mod-97 check digits hold. */
export function ibanIsValid(iban: string): boolean {
  if (!SHAPE.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export type IbanProblem = 'shape' | 'checksum';

/** Why a normalised IBAN is refused: not shaped like one at all, or shaped right with wrong check digits. */
export function ibanProblem(iban: string): IbanProblem | undefined {
  if (!SHAPE.test(iban)) return 'shape';
  return ibanIsValid(iban) ? undefined : 'checksum';
}

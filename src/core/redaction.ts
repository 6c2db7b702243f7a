// The one place that decides what a secret looks like in text. Every log line, error message and history
// entry passes through a Redactor before anyone can see it.

export const MASK = '***';

/** Header names whose values are always secret (compared case-insensitively). */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Form, query and JSON field names whose values are always secret. */
const SECRET_FIELDS = [
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'password',
  'passphrase',
];

const fieldAlternation = SECRET_FIELDS.join('|');
// `"access_token": "…"` in JSON. `code` is left out here: in JSON bodies it is a Berlin Group error code
// (tppMessages[].code) that users need to read; OAuth codes travel only in query strings and form bodies.
const jsonFieldAlternation = SECRET_FIELDS.filter((field) => field !== 'code').join('|');
const JSON_FIELD = new RegExp(`("(?:${jsonFieldAlternation})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
// `code=…` in query strings and form bodies; the lookbehind keeps `error_code=` or `countrycode=` intact.
const FORM_FIELD = new RegExp(`(?<![A-Za-z0-9_-])((?:${fieldAlternation})=)[^&\\s"'#]+`, 'gi');
// `Authorization: Bearer …` or `Cookie: …` as a header line.
const HEADER_LINE = /\b((?:proxy-)?authorization|cookie|set-cookie)(\s*[:=]\s*)[^\r\n]+/gi;
// A bare bearer token anywhere else in text.
const BEARER = /\b(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi;
// Every match of the four patterns above contains one of these words (same flag, so the same notion of
// case), so text without any of them passes through all four unchanged. Most response bodies have none,
// and one scan for them costs a fraction of running the four patterns.
const PATTERN_WORDS = new RegExp([...SECRET_FIELDS, 'authorization', 'cookie', 'bearer'].join('|'), 'i');

const MIN_LITERAL_LENGTH = 4;

export class Redactor {
  private readonly literals = new Set<string>();
  /** Longest first, so a secret that contains another is masked whole; rebuilt only when the set changes. */
  private ordered: readonly string[] = [];

  /** Values the user gave us (client secret, passphrase) are masked wherever they appear verbatim. */
  addSecret(value: string | undefined): void {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= MIN_LITERAL_LENGTH) {
      this.literals.add(trimmed);
      // A secret can also appear URL-encoded (form bodies, query strings).
      const encoded = encodeURIComponent(trimmed);
      if (encoded !== trimmed) this.literals.add(encoded);
      this.reorder();
    }
  }

  removeSecret(value: string | undefined): void {
    const trimmed = value?.trim();
    if (!trimmed) return;
    this.literals.delete(trimmed);
    this.literals.delete(encodeURIComponent(trimmed));
    this.reorder();
  }

  private reorder(): void {
    this.ordered = [...this.literals].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = PATTERN_WORDS.test(text)
      ? text
          .replace(JSON_FIELD, `$1"${MASK}"`)
          .replace(FORM_FIELD, `$1${MASK}`)
          .replace(HEADER_LINE, `$1$2${MASK}`)
          .replace(BEARER, `$1${MASK}`)
      : text;
    for (const literal of this.ordered) {
      // includes() is a plain search; split() would build an array even when there is nothing to mask.
      if (out.includes(literal)) out = out.split(literal).join(MASK);
    }
    return out;
  }

  /** A copy of the headers with secret values masked; names keep their case. */
  redactHeaders(headers: Readonly<Record<string, string | readonly string[] | undefined>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      const joined = Array.isArray(value) ? value.join(', ') : String(value);
      out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? maskHeaderValue(joined) : this.redact(joined);
    }
    return out;
  }
}

/** Keeps the scheme of an Authorization value ("Bearer ***") so a reader still sees what kind it was. */
function maskHeaderValue(value: string): string {
  const scheme = /^(Bearer|Basic)\s/i.exec(value);
  return scheme ? `${scheme[1]} ${MASK}` : MASK;
}

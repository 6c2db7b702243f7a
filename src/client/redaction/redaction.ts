// The one place that decides what a secret looks like in text. Every log line, error message and history
// entry passes through a Redactor before anyone can see it.
import { base64Cores, findSecretRanges, maskRanges, type Needle } from './secretSearch';
import { SHORTEST_SECRET, secretProblem } from './secretInput';

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
const headerAlternation = 'proxy-authorization|authorization|set-cookie|cookie';
// `"access_token": "…"` or `"Authorization": "Basic …"` in JSON, a string or a number. `code` is left out
// here: in JSON bodies it is a Berlin Group error code (tppMessages[].code) that users need to read; OAuth
// codes travel only in query strings and form bodies.
const jsonFieldAlternation = SECRET_FIELDS.filter((field) => field !== 'code').join('|');
const JSON_FIELD = new RegExp(`("(?:${jsonFieldAlternation}|${headerAlternation})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|-?[0-9][0-9.eE+-]*)`, 'gi');

// Where a secret value ends. In JSON text (it starts with { or [) a value ends at the closing quote of its
// string, escapes included, so masking keeps the JSON valid. In any other text it runs to the end of the line:
// a secret may hold a quote, a space or a #, so nothing after the name can be trusted to end it.
const JSON_VALUE = String.raw`(?:[^\r\n"\\]|\\.)+`;
const TEXT_VALUE = String.raw`[^\r\n]+`;
// In forms and query strings `&` ends a value too (a secret's own & is percent-encoded there).
const JSON_FORM_VALUE = String.raw`(?:[^&\r\n"\\]|\\.)+`;
const TEXT_FORM_VALUE = String.raw`[^&\r\n]+`;
// A name counts only at a word start, so `error_code=` stays; `\n` and `\t` count as a start inside JSON.
const NAME_START = String.raw`(?:(?<![A-Za-z0-9_-])|(?<=\\[nrt]))`;

interface PatternRules {
  /** `code=…` in query strings and form bodies. */
  readonly formField: RegExp;
  /** `Authorization: Bearer …` or `Cookie: …` as a header line. */
  readonly headerLine: RegExp;
  /** A bearer token anywhere else in text. */
  readonly bearer: RegExp;
}

function patternRules(value: string, formValue: string): PatternRules {
  return {
    formField: new RegExp(`${NAME_START}((?:${fieldAlternation})=)${formValue}`, 'gi'),
    headerLine: new RegExp(`\\b(${headerAlternation})(\\s*[:=]\\s*)${value}`, 'gi'),
    // Not a challenge's auth-params (WWW-Authenticate: Bearer realm="…", error="invalid_token"): no token looks so.
    bearer: new RegExp(`\\b(Bearer\\s+)(?![A-Za-z0-9_-]+=\\\\?")${value}`, 'gi'),
  };
}

const JSON_RULES = patternRules(JSON_VALUE, JSON_FORM_VALUE);
const TEXT_RULES = patternRules(TEXT_VALUE, TEXT_FORM_VALUE);
const LOOKS_LIKE_JSON = /^\s*[[{]/;

// `Basic <base64>` under any header name or none; masked when the value decodes to `id:secret`, so prose such
// as "Basic authentication" stays.
const BASIC = /\b(Basic\s+)((?:[A-Za-z0-9+_-]|\\?\/){4,}=*)/gi;
// user:password@ in a URL (also with JSON-escaped slashes); the greedy run ends at the last @ of the authority.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:(?:\\?\/){2})[^\s/?#"'<>\\]+@/gi;

// Every match of the rules above contains one of these words (same flag, so the same notion of case), so
// text without any of them passes through the rules unchanged. Most response bodies have none, and one scan
// for them costs a fraction of running the rules.
const PATTERN_WORDS = new RegExp([...SECRET_FIELDS, 'authorization', 'cookie', 'bearer', 'basic'].join('|'), 'i');

export class Redactor {
  /** Each known secret with the strings searched for it: itself and its base64 fragments. */
  private readonly literals = new Map<string, readonly Needle[]>();
  /** Longest first, so a secret that contains another is masked whole; rebuilt only when the set changes. */
  private needles: readonly Needle[] = [];

  /**
   * Values the user gave us (client secret, passphrase) are masked wherever they appear, in any encoding (see
   * secretSearch.ts), base64 included since a client secret travels inside HTTP Basic. Values too short to mask
   * without eating ordinary text, or invisible, are ignored: the inputs refuse them before they get here.
   */
  addSecret(value: string | undefined): void {
    const trimmed = this.learnable(value);
    if (trimmed === undefined) return;
    // Base64 also of the secret form-encoded, as RFC 6749 §2.3.1 wants it inside HTTP Basic.
    const encodedForms = new Set([trimmed, new URLSearchParams({ v: trimmed }).toString().slice(2), encodeURIComponent(trimmed)]);
    const cores = [...encodedForms].flatMap((form) => base64Cores(form));
    this.literals.set(trimmed, [{ text: trimmed, base64: false }, ...cores.map((text) => ({ text, base64: true }))]);
    this.reorder();
  }

  /**
   * Tokens, codes and verifiers the extension handled: masked in every text encoding, but not searched as
   * base64, which nothing wraps them in; that keeps a long session's dozens of tokens cheap to search.
   */
  addIssued(value: string | undefined): void {
    const trimmed = this.learnable(value);
    if (trimmed === undefined) return;
    this.literals.set(trimmed, [{ text: trimmed, base64: false }]);
    this.reorder();
  }

  private learnable(value: string | undefined): string | undefined {
    const trimmed = value?.trim();
    if (trimmed === undefined || secretProblem(trimmed, SHORTEST_SECRET) !== undefined) return undefined;
    // A value learnt as a secret keeps its base64 forms even if it is later seen as a token.
    return this.literals.get(trimmed)?.some((needle) => needle.base64) ? undefined : trimmed;
  }

  removeSecret(value: string | undefined): void {
    const trimmed = value?.trim();
    if (!trimmed || !this.literals.delete(trimmed)) return;
    this.reorder();
  }

  private reorder(): void {
    this.needles = [...this.literals.values()].flat().sort((a, b) => b.text.length - a.text.length);
  }

  redact(text: string): string {
    // Known secrets first: a pattern rule masking part of one could leave a tail no longer recognisable.
    let out = this.needles.length ? maskRanges(text, findSecretRanges(text, this.needles), MASK) : text;
    if (PATTERN_WORDS.test(out)) {
      const rules = LOOKS_LIKE_JSON.test(out) ? JSON_RULES : TEXT_RULES;
      out = out
        .replace(JSON_FIELD, (_match, name: string, value: string) => `${name}${maskedJsonValue(value)}`)
        .replace(rules.formField, `$1${MASK}`)
        .replace(rules.headerLine, `$1$2${MASK}`)
        .replace(rules.bearer, `$1${MASK}`)
        .replace(BASIC, (match, scheme: string, value: string) => (isBasicCredentials(value) ? `${scheme}${MASK}` : match));
    }
    if (out.includes('@') && (out.includes('://') || out.includes(':\\/'))) out = out.replace(URL_USERINFO, `$1${MASK}@`);
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

/** A JSON string or number value masked as a JSON string, keeping an Authorization scheme. */
function maskedJsonValue(value: string): string {
  const scheme = /^"(Bearer|Basic)\s/i.exec(value);
  return scheme ? `"${scheme[1]} ${MASK}"` : `"${MASK}"`;
}

/** True when a Basic value decodes to `something:something`, as client_id:client_secret does. */
function isBasicCredentials(value: string): boolean {
  const standard = value.replace(/\\\//g, '/').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (standard.length % 4 === 1) return false;
  try {
    return atob(standard + '='.repeat((4 - (standard.length % 4)) % 4)).includes(':');
  } catch {
    return false;
  }
}

/** Keeps the scheme of an Authorization value ("Bearer ***") so a reader still sees what kind it was. */
function maskHeaderValue(value: string): string {
  const scheme = /^(Bearer|Basic)\s/i.exec(value);
  return scheme ? `${scheme[1]} ${MASK}` : MASK;
}

// Finds where known secrets occur in text in any of the encodings a server or a library may have applied:
// verbatim, JSON string escapes (\" \\ \/ \n … and \uXXXX for any character), percent-encoding (either case
// of hex, UTF-8 or Latin-1 bytes), `+` for a space (forms), HTML character references (&quot; &#39; &#x2F; …)
// and base64 (standard and URL-safe, at any offset, so `Basic base64(client_id:client_secret)` is found
// without knowing the id). The text is decoded into a view once, with a map back to the source, and every
// secret is searched there with a plain indexOf: the cost grows with the text, barely with the secret count.

/** A half-open range [start, end) of the source text. */
export interface Range {
  start: number;
  end: number;
}

export interface Needle {
  readonly text: string;
  /** A base64 fragment: its match is widened to the whole base64 run around it. */
  readonly base64: boolean;
}

/** Shorter base64 fragments would turn up by chance inside long base64 data (tokens, certificates). */
const MIN_BASE64_CORE = 8;

/**
 * The base64 characters that encode only `secret`'s bits, for each of the 3 byte offsets it can sit at in
 * larger base64 data, in the standard and the URL-safe alphabet.
 */
export function base64Cores(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const cores = new Set<string>();
  for (const offset of [0, 1, 2]) {
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    let binary = '';
    for (const byte of shifted) binary += String.fromCharCode(byte);
    const encoded = btoa(binary);
    // Character i holds bits 6i..6i+5; keep those lying wholly inside the secret's bits.
    const core = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
    if (core.length < MIN_BASE64_CORE) continue;
    cores.add(core);
    cores.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...cores];
}

interface DecodeOptions {
  readonly plusIsSpace: boolean;
}

/** A decoded copy of a text plus, per decoded piece, where it came from. */
class DecodedView {
  /** Index in the view where each escape's decoded text starts, ascending; between escapes text is copied. */
  private readonly viewAt: number[] = [];
  private readonly sourceFrom: number[] = [];
  private readonly sourceTo: number[] = [];
  /** A piece that decodes to several characters (a percent run) maps them all to its whole source. */
  private readonly pieceLengths: number[] = [];
  readonly text: string;

  constructor(source: string, pattern: RegExp, decode: (escape: string) => string) {
    // String.replace builds the copy natively, several times faster than collecting matches and slices.
    let shrunk = 0;
    this.text = source.replace(pattern, (escape: string, at: number) => {
      const decoded = decode(escape);
      this.viewAt.push(at - shrunk);
      this.sourceFrom.push(at);
      this.sourceTo.push(at + escape.length);
      this.pieceLengths.push(decoded.length);
      shrunk += escape.length - decoded.length;
      return decoded;
    });
  }

  /** The source range of view characters [from, to). */
  toSource(from: number, to: number): Range {
    return { start: this.locate(from).start, end: this.locate(to - 1).end };
  }

  /** The source range of one view character: itself, or the whole escape it was decoded from. */
  private locate(i: number): Range {
    let lo = 0;
    let hi = this.viewAt.length - 1;
    let piece = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.viewAt[mid] as number) <= i) {
        piece = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (piece >= 0) {
      const viewStart = this.viewAt[piece] as number;
      const from = this.sourceFrom[piece] as number;
      const to = this.sourceTo[piece] as number;
      if (i < viewStart + (this.pieceLengths[piece] as number)) return { start: from, end: to };
      const at = to + (i - viewStart - (this.pieceLengths[piece] as number));
      return { start: at, end: at + 1 };
    }
    return { start: i, end: i + 1 };
  }
}

const JSON_ESCAPE = String.raw`\\(?:u[0-9A-Fa-f]{4}|["\\/bfnrt])`;
const PERCENT_RUN = String.raw`(?:%[0-9A-Fa-f]{2})+`;
const HTML_REFERENCE = String.raw`&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|amp|lt|gt|quot|apos);`;
const JSON_SHORT: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const HTML_NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEscape(escape: string, options: DecodeOptions): string {
  const first = escape[0];
  if (first === '\\') {
    const kind = escape[1] as string;
    if (kind === 'u') return String.fromCharCode(parseInt(escape.slice(2), 16));
    return JSON_SHORT[kind] ?? kind;
  }
  if (first === '%') return decodePercentRun(escape);
  if (first === '&') {
    const name = escape.slice(1, -1);
    if (name[0] !== '#') return HTML_NAMED[name] ?? escape;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
  }
  return options.plusIsSpace ? ' ' : escape;
}

/** UTF-8 where the bytes form it, each other byte as its Latin-1 character (old servers encode so). */
function decodePercentRun(run: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < run.length; i += 3) bytes.push(parseInt(run.slice(i + 1, i + 3), 16));
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? (lead <= 0xef ? 3 : 1) : lead >= 0xc2 && lead <= 0xdf ? 2 : 1;
    let codePoint = length === 1 ? lead : lead & (0xff >> (length + 1));
    let valid = i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) {
      const next = bytes[i + k] as number;
      valid = (next & 0xc0) === 0x80;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (length > 1 && valid && codePoint <= 0x10ffff) {
      out += String.fromCodePoint(codePoint);
      i += length;
    } else {
      out += String.fromCharCode(lead);
      i += 1;
    }
  }
  return out;
}

interface View {
  readonly text: string;
  /** Absent for the source itself. */
  readonly toSource?: (from: number, to: number) => Range;
  /** The needles worth searching in this view. */
  readonly needles: readonly Needle[];
}

/** A secret holding one of these could itself read as an escape, so decoding all kinds at once may garble it. */
const ESCAPE_START = /[\\%&]/;

/**
 * The views a text needs searching in: itself, and decoded copies only when it has escape characters. Escapes
 * of different kinds never overlap, so one copy with all of them decoded finds every secret that holds no
 * escape character itself; only secrets that do are also searched in a copy per kind.
 */
function viewsOf(text: string, needles: readonly Needle[]): View[] {
  const views: View[] = [{ text, needles }];
  const add = (parts: string[], options: DecodeOptions, wanted: readonly Needle[]): void => {
    if (wanted.length === 0) return;
    const view = new DecodedView(text, new RegExp(parts.join('|'), 'g'), (escape) => decodeEscape(escape, options));
    views.push({ text: view.text, toSource: (from, to) => view.toSource(from, to), needles: wanted });
  };
  const kinds = [text.includes('\\') && JSON_ESCAPE, text.includes('%') && PERCENT_RUN, text.includes('&') && HTML_REFERENCE].filter(
    (kind): kind is string => kind !== false,
  );
  if (kinds.length) add(kinds, { plusIsSpace: false }, needles);
  if (kinds.length > 1) {
    const ambiguous = needles.filter((needle) => !needle.base64 && ESCAPE_START.test(needle.text));
    for (const kind of kinds) add([kind], { plusIsSpace: false }, ambiguous);
  }
  if (text.includes('+')) {
    add([JSON_ESCAPE, PERCENT_RUN, HTML_REFERENCE, String.raw`\+`], { plusIsSpace: true }, needles.filter((needle) => needle.text.includes(' ')));
  }
  return views;
}

const BASE64_CHAR = /[A-Za-z0-9+/=_-]/;

/** Widens a base64 fragment's range over the base64 run around it (also `\/` and %2B, %2F, %3D). */
function widenBase64(text: string, range: Range): Range {
  let { start, end } = range;
  for (;;) {
    if (start > 0 && BASE64_CHAR.test(text[start - 1] as string)) start -= text[start - 1] === '/' && text[start - 2] === '\\' ? 2 : 1;
    else if (start >= 3 && /^%(?:2[bBfF]|3[dD])$/.test(text.slice(start - 3, start))) start -= 3;
    else break;
  }
  for (;;) {
    if (end < text.length && BASE64_CHAR.test(text[end] as string)) end += 1;
    else if (text[end] === '\\' && text[end + 1] === '/') end += 2;
    else if (/^%(?:2[bBfF]|3[dD])$/.test(text.slice(end, end + 3))) end += 3;
    else break;
  }
  return { start, end };
}

/** Backslashes immediately before `at`. */
function backslashesBefore(text: string, at: number): number {
  let count = 0;
  while (at - count - 1 >= 0 && text[at - count - 1] === '\\') count++;
  return count;
}

/**
 * Keeps a masked range from splitting a JSON escape, so masking a JSON text leaves it valid JSON: a range
 * that starts just after an escaping backslash takes the backslash, one that ends on one takes the escape.
 */
function wholeEscapes(text: string, range: Range): Range {
  let { start, end } = range;
  if (backslashesBefore(text, start) % 2 === 1) start -= 1;
  if (text[end - 1] === '\\' && backslashesBefore(text, end - 1) % 2 === 0) end += text[end] === 'u' ? 5 : 1;
  return { start, end: Math.min(end, text.length) };
}

/** Every range of `text` that holds one of the needles, in any encoding; sorted, overlaps merged. */
export function findSecretRanges(text: string, needles: readonly Needle[]): Range[] {
  const found: Range[] = [];
  for (const view of viewsOf(text, needles)) {
    for (const needle of view.needles) {
      let at = view.text.indexOf(needle.text);
      while (at !== -1) {
        const to = at + needle.text.length;
        let range = view.toSource ? view.toSource(at, to) : { start: at, end: to };
        if (needle.base64) range = widenBase64(text, range);
        found.push(wholeEscapes(text, range));
        at = view.text.indexOf(needle.text, to);
      }
    }
  }
  found.sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** `text` with every range replaced by `mask`. */
export function maskRanges(text: string, ranges: readonly Range[], mask: string): string {
  if (ranges.length === 0) return text;
  let out = '';
  let from = 0;
  for (const range of ranges) {
    out += text.slice(from, range.start) + mask;
    from = range.end;
  }
  return out + text.slice(from);
}

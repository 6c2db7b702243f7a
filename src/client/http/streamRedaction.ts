// Masks a body that arrives in pieces (one too large to hold, going to a file) with the same Redactor the
// rest of the extension uses. The Redactor works on whole texts, so a secret split across two network chunks
// would pass through two separate redact() calls unseen. This cuts the stream only where no Redactor match
// can span the cut, and masks each segment whole:
// - JSON (the body starts with `{` or `[`): after a `,` or line break outside any string. Every pattern
//   (a secret field with its value, a form field or bearer token inside a string, a literal secret inside a
//   string) lies within one string or one `"name": "value"` pair, and neither contains such a comma.
// - Other text: after a line break (header lines, form fields and bearer tokens end at one).
// A run longer than MAX_CARRY_CHARS without a cut point is cut where it ends, so memory stays bounded even
// for a hostile body; only a secret straddling such a forced cut could be missed.

// Small enough that a segment, with the slice that completed it, stays a regular V8 string (under 128 KB, also
// as two-byte text): larger ones are allocated one by one in the large-object space (see boundedBody.ts).
export const MIN_SEGMENT_CHARS = 16 * 1024;
export const MAX_CARRY_CHARS = 1024 * 1024;

export class StreamRedactor {
  private carry = '';
  /** How much of `carry` the scanner has read. */
  private scanned = 0;
  /** Just after the last cut point found in `carry` (0: none yet). */
  private lastCut = 0;
  private mode: 'unknown' | 'json' | 'text' = 'unknown';
  private inString = false;
  private escaped = false;

  constructor(private readonly redact: (text: string) => string) {}

  /** Takes the next piece of text; returns what can be written now, masked (possibly ''). */
  push(text: string): string {
    this.carry += text;
    if (this.mode === 'unknown') this.detectMode();
    this.scan();
    if (this.carry.length < MIN_SEGMENT_CHARS) return '';
    if (this.lastCut > 0) return this.emit(this.lastCut);
    if (this.carry.length > MAX_CARRY_CHARS) {
      // No safe place in a megabyte: cut here, and read what follows as if it started outside a string.
      this.inString = false;
      this.escaped = false;
      return this.emit(this.carry.length);
    }
    return '';
  }

  /** The rest, masked; call once at the end of the stream. */
  end(): string {
    return this.carry.length > 0 ? this.emit(this.carry.length) : '';
  }

  /** Characters held and not yet masked (for the memory bound). */
  get heldChars(): number {
    return this.carry.length;
  }

  private detectMode(): void {
    const first = /\S/.exec(this.carry);
    if (!first) return;
    this.mode = first[0] === '{' || first[0] === '[' ? 'json' : 'text';
  }

  private scan(): void {
    if (this.mode === 'unknown') return;
    const text = this.carry;
    const json = this.mode === 'json';
    for (let i = this.scanned; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (json && this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c /* \ */) this.escaped = true;
        else if (c === 0x22 /* " */) this.inString = false;
        continue;
      }
      if (json && c === 0x22) this.inString = true;
      else if (c === 0x0a /* \n */ || (json && c === 0x2c) /* , */) this.lastCut = i + 1;
    }
    this.scanned = text.length;
  }

  private emit(upTo: number): string {
    const segment = this.carry.slice(0, upTo);
    this.carry = this.carry.slice(upTo);
    this.scanned -= upTo;
    this.lastCut = 0;
    return this.redact(segment);
  }
}

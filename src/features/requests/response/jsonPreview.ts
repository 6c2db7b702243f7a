// Pretty-prints JSON text straight from its characters, stopping once the output reaches a budget. A 10 MB
// body is never parsed whole to show its first screenfuls, and numbers keep the digits the server sent
// (JSON.parse would round 12345678901234567890). Pure, no vscode import.

import { escapeHtml } from '../../../client/text/html';

export interface PrettyJson {
  /** The indented text, or HTML with token classes (k key, s string, n number, b true/false/null). */
  readonly output: string;
  /** True when the budget ran out before the end of the text. */
  readonly truncated: boolean;
}

export interface PrettyOptions {
  /** Output characters (before HTML escaping) to stop after. */
  readonly maxChars: number;
  readonly html: boolean;
}


const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const INDENT = '  ';

class NotJson extends Error {}

/** Collects output up to the budget; the formatter stops when `full` turns true. */
class Sink {
  // One growing string: V8 concatenates into ropes, cheaper than an array of millions of small parts.
  private out = '';
  private used = 0;
  full = false;

  constructor(private readonly options: PrettyOptions) {}

  text(value: string): void {
    this.token(value, undefined);
  }

  token(value: string, kind: 'k' | 's' | 'n' | 'b' | undefined): void {
    if (this.full) return;
    const room = this.options.maxChars - this.used;
    const piece = value.length > room ? value.slice(0, room) : value;
    this.used += piece.length;
    if (value.length > room) this.full = true;
    if (!this.options.html) this.out += piece;
    else if (kind === undefined) this.out += escapeHtml(piece);
    else this.out += `<span class="${kind}">${escapeHtml(piece)}</span>`;
  }

  result(): string {
    return this.out;
  }
}

/** Undefined when the text is not JSON (as far as the formatter read before its budget ran out). */
export function prettyJson(text: string, options: PrettyOptions): PrettyJson | undefined {
  const sink = new Sink(options);
  try {
    const end = new Formatter(text, sink).run();
    return { output: sink.result(), truncated: sink.full && end < text.length };
  } catch {
    // NotJson, or a RangeError from nesting deeper than the stack: either way, show the text as text.
    return undefined;
  }
}

class Formatter {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly sink: Sink,
  ) {}

  /** Returns how far it read. */
  run(): number {
    this.skipSpace();
    if (this.i >= this.text.length) throw new NotJson();
    this.value(0);
    if (this.sink.full) return this.i;
    this.skipSpace();
    if (this.i < this.text.length) throw new NotJson();
    return this.i;
  }

  private skipSpace(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.i++;
    }
  }

  private value(depth: number): void {
    if (this.sink.full) return;
    this.skipSpace();
    const c = this.text[this.i];
    if (c === '{') this.container(depth, '}', true);
    else if (c === '[') this.container(depth, ']', false);
    else if (c === '"') this.sink.token(this.string(), 's');
    else this.scalar();
  }

  private scalar(): void {
    for (const literal of LITERALS) {
      if (this.text.startsWith(literal, this.i)) {
        this.i += literal.length;
        this.sink.token(literal, 'b');
        return;
      }
    }
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match) throw new NotJson();
    this.i += match[0].length;
    this.sink.token(match[0], 'n');
  }

  /** The string token as written, quotes and escapes included. */
  private string(): string {
    const t = this.text;
    const start = this.i;
    let j = start + 1;
    for (;;) {
      j = t.indexOf('"', j);
      if (j < 0) throw new NotJson();
      let backslashes = 0;
      while (t.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
      if (backslashes % 2 === 0) break;
      j++;
    }
    this.i = j + 1;
    return t.slice(start, j + 1);
  }

  private container(depth: number, close: '}' | ']', isObject: boolean): void {
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === close) {
      this.i++;
      this.sink.text(isObject ? '{}' : '[]');
      return;
    }
    this.sink.text(isObject ? '{' : '[');
    const inner = '\n' + INDENT.repeat(depth + 1);
    for (let first = true; ; first = false) {
      if (this.sink.full) return;
      this.skipSpace();
      if (!first) {
        const c = this.text[this.i];
        if (c === close) break;
        if (c !== ',') throw new NotJson();
        this.i++;
        this.skipSpace();
        this.sink.text(',');
      }
      this.sink.text(inner);
      if (isObject) {
        if (this.text[this.i] !== '"') throw new NotJson();
        this.sink.token(this.string(), 'k');
        this.skipSpace();
        if (this.text[this.i] !== ':') throw new NotJson();
        this.i++;
        this.sink.text(': ');
      }
      this.value(depth + 1);
    }
    this.i++;
    this.sink.text('\n' + INDENT.repeat(depth) + close);
  }
}

// Where JSON.parse gave up, as a line and column the editor can reveal. V8 names a position for most
// mistakes but not for an unexpected token (a misspelt literal, a single-quoted string, a comment), which is
// among the commonest; for those a small scanner finds the first character that cannot continue the JSON.
export interface JsonProblem {
  readonly message: string;
  readonly offset?: number;
  readonly line?: number;
  readonly column?: number;
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /at position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : firstJsonErrorOffset(text);
    if (offset === undefined) return { ok: false, problem: { message: cleanMessage(message) } };
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { ok: false, problem: { message: cleanMessage(message), offset, line, column } };
  }
}

/**
 * V8 quotes a slice of the input in its message, whole ("…" is not valid JSON) or cut (…"…"… is not valid
 * JSON), and may span lines; drop it so the message stays one short line and ours.
 */
function cleanMessage(message: string): string {
  return message.replace(/,\s.*\bis not valid JSON\s*$/s, '').replace(/ in JSON at position \d+.*$/s, '').trim();
}

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]$/;

/**
 * The offset of the first character at which `text` stops being JSON (text.length when it ends too early),
 * or undefined when it is JSON. Iterative, so deeply nested input cannot exhaust the stack.
 */
export function firstJsonErrorOffset(text: string): number | undefined {
  const open: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (open.length === 0 ? 'end' : 'commaOrClose');
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= text.length) return expect === 'end' ? undefined : text.length;
    const c = text[i];
    switch (expect) {
      case 'end':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        continue;
      case 'commaOrClose':
        if (c === ',') {
          expect = open.at(-1) === '{' ? 'key' : 'value';
          i++;
        } else if ((c === '}' && open.at(-1) === '{') || (c === ']' && open.at(-1) === '[')) {
          open.pop();
          i++;
          expect = afterValue();
        } else {
          return i;
        }
        continue;
      case 'keyOrClose':
      case 'key': {
        if (expect === 'keyOrClose' && c === '}') {
          open.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c !== '"') return i;
        const end = stringEnd(text, i);
        if (end.error !== undefined) return end.error;
        i = end.next;
        expect = 'colon';
        continue;
      }
      case 'valueOrClose':
      case 'value': {
        if (expect === 'valueOrClose' && c === ']') {
          open.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c === '{' || c === '[') {
          open.push(c);
          i++;
          expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
          continue;
        }
        if (c === '"') {
          const end = stringEnd(text, i);
          if (end.error !== undefined) return end.error;
          i = end.next;
        } else if (c === '-' || isDigit(c)) {
          const end = numberEnd(text, i);
          if (end.error !== undefined) return end.error;
          i = end.next;
        } else {
          const literal = LITERALS.find((word) => word[0] === c);
          if (!literal) return i;
          for (let k = 0; k < literal.length; k++) if (text[i + k] !== literal[k]) return Math.min(i + k, text.length);
          i += literal.length;
        }
        expect = afterValue();
        continue;
      }
    }
  }
}

/** Scans the string literal opening at `start`: the offset after its closing quote, or where it goes wrong. */
function stringEnd(text: string, start: number): { next: number; error?: undefined } | { next?: undefined; error: number } {
  let j = start + 1;
  for (;;) {
    if (j >= text.length) return { error: text.length };
    const c = text.charCodeAt(j);
    if (c === 0x22) return { next: j + 1 };
    if (c < 0x20) return { error: j };
    if (c === 0x5c) {
      const escaped = text[j + 1];
      if (escaped === undefined) return { error: text.length };
      if (escaped === 'u') {
        for (let k = j + 2; k < j + 6; k++) if (!HEX.test(text[k] ?? '')) return { error: Math.min(k, text.length) };
        j += 6;
      } else if (ESCAPES.has(escaped)) {
        j += 2;
      } else {
        return { error: j + 1 };
      }
      continue;
    }
    j++;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Scans the number starting at `start` (a digit or '-'): where it ends, or the first character that breaks it. */
function numberEnd(text: string, start: number): { next: number; error?: undefined } | { next?: undefined; error: number } {
  let j = start;
  if (text[j] === '-') j++;
  if (!isDigit(text[j])) return { error: Math.min(j, text.length) };
  // A leading zero stands alone; "01" ends after the 0 and the 1 is what cannot follow.
  if (text[j] === '0') j++;
  else while (isDigit(text[j])) j++;
  if (text[j] === '.') {
    j++;
    if (!isDigit(text[j])) return { error: Math.min(j, text.length) };
    while (isDigit(text[j])) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    if (!isDigit(text[j])) return { error: Math.min(j, text.length) };
    while (isDigit(text[j])) j++;
  }
  return { next: j };
}

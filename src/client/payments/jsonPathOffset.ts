// Finds where a property named by a dotted path ("instructedAmount.amount", "creditorAccount") starts in the
// text of a JSON document, so an editor can put the cursor on the field a validation problem names.
// A small tolerant scanner, not a parser: it reads documents that are being typed (missing commas or colons,
// unterminated strings, stray or missing brackets, comments, trailing commas) without throwing, in one pass,
// without recursion. Pure: no `vscode` import.

interface Frame {
  readonly kind: 'object' | 'array';
  /** This container's own path equals the first `depth` segments of the target. */
  readonly onTarget: boolean;
  /** How many segments this container's path has. */
  readonly depth: number;
  /** Objects: what comes next. `after` = a value was read and a comma is expected. */
  state: 'key' | 'colon' | 'value' | 'after';
  /** Objects: the key whose value comes next. */
  key: string | undefined;
  /** Arrays: the index of the next element. */
  index: number;
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const LITERAL_END = /[\s,:[\]{}"/]/;

function decodeKey(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (_m, esc: string) =>
    esc.length === 5 ? String.fromCharCode(parseInt(esc.slice(1), 16)) : (ESCAPES[esc] ?? esc),
  );
}

/** Index just past the string that opens at `start` (a `"`); an unterminated string ends at the line's end. */
function stringEnd(text: string, start: number): { end: number; closed: boolean } {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return { end: i + 1, closed: true };
    else if (c === '\n' || c === '\r') return { end: i, closed: false };
    else i += 1;
  }
  return { end: text.length, closed: false };
}

/** Index just past the comment that opens at `start`, or `start` when none opens there. */
function commentEnd(text: string, start: number): number {
  if (text[start] !== '/') return start;
  if (text[start + 1] === '/') {
    const newline = text.indexOf('\n', start);
    return newline < 0 ? text.length : newline;
  }
  if (text[start + 1] === '*') {
    const close = text.indexOf('*/', start + 2);
    return close < 0 ? text.length : close + 2;
  }
  return start;
}

/**
 * The character offset in `jsonText` of the property named by `path`: the opening quote of its key, or the
 * start of the value for an array index segment ("items.0") and for the empty path (the whole document).
 * Segments are property names separated by dots. When a key appears more than once, the last one counts, as
 * in JSON.parse. Returns undefined when the text has no such property. Never throws.
 */
export function pathOffset(jsonText: string, path: string): number | undefined {
  if (typeof jsonText !== 'string' || typeof path !== 'string') return undefined;
  const target = path === '' ? [] : path.split('.');
  const stack: Frame[] = [];
  let found: number | undefined;
  let rootSeen = false;

  /** A value starts at `offset`: whether the container it opens (if any) lies on the target path. */
  const valueStart = (offset: number): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (rootSeen) return false;
      rootSeen = true;
      if (target.length === 0) found = offset;
      return true;
    }
    let segment: string | undefined;
    if (top.kind === 'array') {
      segment = String(top.index);
      if (top.onTarget && top.depth + 1 === target.length && target[top.depth] === segment) found = offset;
    } else {
      segment = top.state === 'value' || top.state === 'colon' ? top.key : undefined;
      top.state = 'after';
    }
    return top.onTarget && segment !== undefined && target[top.depth] === segment;
  };

  const open = (kind: Frame['kind'], offset: number) => {
    const onTarget = valueStart(offset);
    const depth = stack.length === 0 ? 0 : stack[stack.length - 1]!.depth + 1;
    stack.push({ kind, onTarget, depth, state: 'key', key: undefined, index: 0 });
  };

  const close = (kind: Frame['kind']) => {
    const at = stack.map((f) => f.kind).lastIndexOf(kind);
    if (at >= 0) stack.length = at;
  };

  let i = 0;
  while (i < jsonText.length) {
    const c = jsonText[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i += 1;
      continue;
    }
    const afterComment = commentEnd(jsonText, i);
    if (afterComment > i) {
      i = afterComment;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      open(c === '{' ? 'object' : 'array', i);
      i += 1;
    } else if (c === '}' || c === ']') {
      close(c === '}' ? 'object' : 'array');
      i += 1;
    } else if (c === ',') {
      if (top?.kind === 'object') {
        top.state = 'key';
        top.key = undefined;
      } else if (top?.kind === 'array') top.index += 1;
      i += 1;
    } else if (c === ':') {
      if (top?.kind === 'object') top.state = 'value';
      i += 1;
    } else if (c === '"') {
      const { end, closed } = stringEnd(jsonText, i);
      if (top?.kind === 'object' && (top.state === 'key' || top.state === 'after')) {
        const key = decodeKey(jsonText.slice(i + 1, closed ? end - 1 : end));
        top.key = key;
        top.state = 'colon';
        if (top.onTarget && top.depth + 1 === target.length && target[top.depth] === key) found = i;
      } else valueStart(i);
      i = end;
    } else {
      valueStart(i);
      i += 1;
      while (i < jsonText.length && !LITERAL_END.test(jsonText[i]!)) i += 1;
    }
  }
  return found;
}

/**
 * Like pathOffset, but when the field itself is not in the text (a required field that is missing) the
 * offset of its closest ancestor that is, down to the whole document; undefined only for text with no value.
 */
export function nearestPathOffset(jsonText: string, path: string): number | undefined {
  if (typeof path !== 'string') return undefined;
  const segments = path === '' ? [] : path.split('.');
  for (let n = segments.length; n >= 0; n -= 1) {
    const offset = pathOffset(jsonText, segments.slice(0, n).join('.'));
    if (offset !== undefined) return offset;
  }
  return undefined;
}

// String literals for each target language. Every value that goes into a program passes through one of
// these, so a header or body value can never end a string early and become code.

/** JSON's string syntax is valid JavaScript (and TypeScript). */
export function jsString(value: string): string {
  return JSON.stringify(value);
}

/**
 * A Python str literal. JSON's escapes (\" \\ \n \t \uXXXX ...) are all Python escapes with the same meaning;
 * non-ASCII characters are escaped too so the file is plain ASCII whatever the editor's encoding.
 */
export function pyString(value: string): string {
  return asciiOnly(JSON.stringify(value));
}

/**
 * A Java string literal. Java turns \uXXXX into the character before it parses the source, so a \u escape of a
 * quote, backslash, CR or LF would break the literal: those get their own escapes, and \u is used only for the
 * other control characters and non-ASCII ones.
 */
export function javaString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) as number;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code > 0x7e) out += utf16Escapes(char);
    else out += char;
  }
  return `${out}"`;
}

function utf16Escapes(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

function asciiOnly(literal: string): string {
  return literal.replace(/[^\x20-\x7e]/gu, (char) => utf16Escapes(char));
}

/**
 * Single quotes keep everything literal in sh, bash and zsh ($, `, \, !, newlines, unicode); a single quote
 * itself ends the quote, is escaped, and reopens it.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A JSON value as a Python literal (True/False/None), indented like JSON.stringify(value, null, 4). */
export function pyLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pyString(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${pyLiteral(item, inner)}`).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${pyString(key)}: ${pyLiteral(item, inner)}`).join(',\n')},\n${indent}}`;
}

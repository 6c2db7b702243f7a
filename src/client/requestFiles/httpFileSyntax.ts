// Reads the request-file syntax REST Client, httpYac, Kulala and JetBrains share: `###` separates blocks (text after
// it names the block), `# @name x` names one too, `#` and `//` start comments, `@name = value` defines a file
// variable (visible in the whole file, wherever it is defined), then `METHOD URL [HTTP/1.1]`, header lines, a blank
// line and the body up to the next `###`. Only the structure is read here; `{{variables}}` stay as written.
// Line numbers are 0-based, as editors count them.

export interface HeaderLine {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

export interface RequestBlock {
  /** From `### name` or `# @name name` (the latter wins). */
  readonly name?: string;
  /** The first line of the block (its `###` line, or 0 for the first block). */
  readonly startLine: number;
  /** The last line of the block, before the next `###`. */
  readonly endLine: number;
  readonly requestLine: number;
  readonly method: string;
  /** As written, query continuation lines (`?a=1`, `&b=2`) appended. */
  readonly url: string;
  readonly httpVersion?: string;
  readonly headers: readonly HeaderLine[];
  /** Absent when the block has no body; line ends as `\n`. */
  readonly body?: string;
}

export interface FileVariable {
  readonly value: string;
  readonly line: number;
}

/** What is wrong at a line; the extension words it for the user. */
export interface SyntaxProblem {
  readonly line: number;
  /** `notAMethod`: a request line whose first word is no HTTP method (`word`); `requestLine`: no request line at all; `header`: a line among the headers that is none. */
  readonly kind: 'notAMethod' | 'requestLine' | 'header';
  readonly word?: string;
}

export interface HttpFile {
  readonly blocks: readonly RequestBlock[];
  /** The last definition of each name wins, as in REST Client. */
  readonly variables: ReadonlyMap<string, FileVariable>;
  readonly problems: readonly SyntaxProblem[];
  /** The lines of the `###` separators, in order. */
  readonly separators: readonly number[];
  readonly lineCount: number;
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'] as const;

const SEPARATOR = /^\s*###(.*)$/;
const COMMENT = /^\s*(#|\/\/)/;
const NAME_META = /^\s*(?:#|\/\/)\s*@name\s+(\S+)\s*$/;
const FILE_VARIABLE = /^\s*@([A-Za-z_][\w.-]*)\s*=\s*(.*?)\s*$/;
const REQUEST_LINE = /^\s*([A-Za-z]+)\s+(\S.*?)(?:\s+(HTTP\/[\d.]+))?\s*$/;
const BARE_URL = /^\s*((?:https?:\/\/|\{\{)\S*)(?:\s+(HTTP\/[\d.]+))?\s*$/;
const HEADER = /^\s*([!#$%&'*+.^`|~\w-]+)\s*:\s*(.*?)\s*$/;
const QUERY_CONTINUATION = /^\s+[?&]\S*\s*$|^[?&]\S*\s*$/;

interface Draft {
  name?: string;
  startLine: number;
}

/** Parses the whole text; never throws, problems come back with their line. */
export function parseHttpFile(text: string): HttpFile {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: RequestBlock[] = [];
  const variables = new Map<string, FileVariable>();
  const problems: SyntaxProblem[] = [];
  const separators: number[] = [];

  let index = 0;
  let draft: Draft = { startLine: 0 };
  while (index < lines.length) {
    const separator = SEPARATOR.exec(lines[index] as string);
    if (separator && index > 0) {
      draft = { startLine: index };
    }
    if (separator) {
      separators.push(index);
      const name = (separator[1] as string).trim();
      if (name) draft.name = name;
      index++;
    }
    index = readBlock(lines, index, draft, blocks, variables, problems);
  }
  return { blocks, variables, problems, separators, lineCount: lines.length };
}

/** Reads from `start` to the next separator; returns the index of that separator (or the end). */
function readBlock(lines: readonly string[], start: number, draft: Draft, blocks: RequestBlock[], variables: Map<string, FileVariable>, problems: SyntaxProblem[]): number {
  let index = start;
  const atSeparator = (i: number) => i < lines.length && SEPARATOR.test(lines[i] as string);
  // Before the request line: blank lines, comments, names and variables.
  for (; index < lines.length && !atSeparator(index); index++) {
    const line = lines[index] as string;
    if (line.trim() === '') continue;
    const name = NAME_META.exec(line);
    if (name) {
      draft.name = name[1];
      continue;
    }
    if (COMMENT.test(line)) continue;
    const variable = FILE_VARIABLE.exec(line);
    if (variable) {
      variables.set(variable[1] as string, { value: variable[2] as string, line: index });
      continue;
    }
    break;
  }
  if (index >= lines.length || atSeparator(index)) return index;

  const requestLine = index;
  const text = lines[index] as string;
  const full = REQUEST_LINE.exec(text);
  const bare = full ? undefined : BARE_URL.exec(text);
  let method: string;
  let url: string;
  let httpVersion: string | undefined;
  if (full && (HTTP_METHODS as readonly string[]).includes((full[1] as string).toUpperCase())) {
    method = (full[1] as string).toUpperCase();
    url = full[2] as string;
    httpVersion = full[3];
  } else if (bare) {
    method = 'GET';
    url = bare[1] as string;
    httpVersion = bare[2];
  } else {
    const word = /^\s*(\S+)/.exec(text)?.[1] ?? '';
    problems.push(full ? { line: index, kind: 'notAMethod', word } : { line: index, kind: 'requestLine' });
    return skipToSeparator(lines, index);
  }
  index++;
  for (; index < lines.length && !atSeparator(index) && QUERY_CONTINUATION.test(lines[index] as string); index++) {
    url += (lines[index] as string).trim();
  }

  const headers: HeaderLine[] = [];
  for (; index < lines.length && !atSeparator(index); index++) {
    const line = lines[index] as string;
    if (line.trim() === '') break;
    if (COMMENT.test(line)) continue;
    const header = HEADER.exec(line);
    if (!header) {
      problems.push({ line: index, kind: 'header' });
      return skipToSeparator(lines, index);
    }
    headers.push({ name: header[1] as string, value: header[2] as string, line: index });
  }

  const bodyLines: string[] = [];
  for (; index < lines.length && !atSeparator(index); index++) bodyLines.push(lines[index] as string);
  const end = index;
  while (bodyLines.length > 0 && (bodyLines[0] as string).trim() === '') bodyLines.shift();
  while (bodyLines.length > 0 && (bodyLines[bodyLines.length - 1] as string).trim() === '') bodyLines.pop();

  blocks.push({
    ...(draft.name === undefined ? {} : { name: draft.name }),
    startLine: draft.startLine,
    endLine: Math.max(requestLine, lastContentLine(lines, end)),
    requestLine,
    method,
    url,
    ...(httpVersion === undefined ? {} : { httpVersion }),
    headers,
    ...(bodyLines.length === 0 ? {} : { body: bodyLines.join('\n') }),
  });
  return end;
}

function skipToSeparator(lines: readonly string[], from: number): number {
  let index = from;
  while (index < lines.length && !SEPARATOR.test(lines[index] as string)) index++;
  return index;
}

function lastContentLine(lines: readonly string[], end: number): number {
  let line = end - 1;
  while (line > 0 && (lines[line] as string).trim() === '') line--;
  return line;
}

/** The lines from one `###` to the next (exclusive) that hold `line`: one request, well-formed or not. */
export function sectionAt(file: HttpFile, line: number): { readonly start: number; readonly end: number } {
  let start = 0;
  let end = file.lineCount;
  for (const separator of file.separators) {
    if (separator <= line) start = separator;
    else {
      end = separator;
      break;
    }
  }
  return { start, end };
}

/** The request of the section that holds `line`, if that section has one that could be read. */
export function blockAt(file: HttpFile, line: number): RequestBlock | undefined {
  const { start, end } = sectionAt(file, line);
  return file.blocks.find((block) => block.requestLine >= start && block.requestLine < end);
}

/** The syntax problem of the section that holds `line`, if any. */
export function problemAt(file: HttpFile, line: number): SyntaxProblem | undefined {
  const { start, end } = sectionAt(file, line);
  return file.problems.find((problem) => problem.line >= start && problem.line < end);
}

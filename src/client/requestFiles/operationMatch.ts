// Finds the catalogue operation a request-file block is: its method and the path after `{{API_HOST}}` against
// each operation's path template, then reads the parameters out of the path, the query and the headers.
// Authorization and X-Request-ID are never read: the extension supplies a token for the operation's scope and a
// fresh id for every send, so `{{token}}` needs no value.
import { OPERATIONS, type Operation } from '../catalogue/catalogue';
import type { FileVariable, RequestBlock } from './httpFileSyntax';
import { resolveVariables } from './variables';

export type BlockMatch =
  | { readonly kind: 'operation'; readonly operation: Operation; readonly params: Readonly<Record<string, string>>; readonly body?: string }
  /** Not an operation of the catalogue (another host, the token endpoint, a path or method it does not have). */
  | { readonly kind: 'notCatalogue'; readonly reason: NotCatalogueReason; readonly method: string; readonly path: string }
  /** A `{{name}}` neither the file, the extension nor the system variables know. */
  | { readonly kind: 'unknownVariable'; readonly name: string; readonly line: number }
  /** A query parameter or header value the operation cannot take as written. */
  | { readonly kind: 'unknownQuery'; readonly operation: Operation; readonly name: string; readonly line: number };

export type NotCatalogueReason = 'authHost' | 'otherHost' | 'noOperation';

export interface MatchContext {
  readonly variables: ReadonlyMap<string, FileVariable>;
  /** Values the file does not define (the last consent's id, ...). */
  readonly supplied?: (name: string) => string | undefined;
  readonly freshId?: () => string;
}

/** The host variables: the extension fills them from the active environment, in either spelling. */
const API_HOST_NAMES = new Set(['API_HOST', 'apiHost']);
const AUTH_HOST_NAMES = new Set(['AUTH_HOST', 'authHost']);
// Stand-ins the URL is resolved with, so a host defined through another file variable is still recognised.
const API_MARK = '\uE000api\uE000';
const AUTH_MARK = '\uE000auth\uE000';
const HOST_PREFIX = /^(?:https?:\/\/)?\uE000(api|auth)\uE000(.*)$/s;

/** Headers the extension always sets itself. */
const OWN_HEADERS = new Set(['authorization', 'x-request-id', 'accept', 'content-type', 'content-length', 'host']);

interface CompiledPath {
  readonly operation: Operation;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly literalSegments: number;
}

function compile(operation: Operation): CompiledPath {
  const names: string[] = [];
  let literalSegments = 0;
  const source = operation.path
    .split('/')
    .map((segment) => {
      const placeholder = /^\{([^}]+)\}$/.exec(segment);
      if (placeholder) {
        names.push(placeholder[1] as string);
        return '([^/]+)';
      }
      if (segment) literalSegments++;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { operation, pattern: new RegExp(`^${source}/?$`), names, literalSegments };
}

const COMPILED: readonly CompiledPath[] = OPERATIONS.map(compile);

/** The operation for a method and a path on the API host (no query), and its path parameters. */
export function operationForPath(method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined {
  let best: { compiled: CompiledPath; match: RegExpExecArray } | undefined;
  for (const compiled of COMPILED) {
    if (compiled.operation.method !== method.toUpperCase()) continue;
    const match = compiled.pattern.exec(path);
    // A literal segment is a surer match than a placeholder that happens to take the same text.
    if (match && (!best || compiled.literalSegments > best.compiled.literalSegments)) best = { compiled, match };
  }
  if (!best) return undefined;
  const params: Record<string, string> = {};
  best.compiled.names.forEach((name, index) => {
    params[name] = safeDecode(best.match[index + 1] as string);
  });
  return { operation: best.compiled.operation, params };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function matchBlock(block: RequestBlock, context: MatchContext): BlockMatch {
  const supplied = (name: string): string | undefined => {
    if (API_HOST_NAMES.has(name)) return API_MARK;
    if (AUTH_HOST_NAMES.has(name)) return AUTH_MARK;
    return context.supplied?.(name);
  };
  const scope = { file: context.variables, supplied, ...(context.freshId ? { freshId: context.freshId } : {}) };
  const url = resolveVariables(block.url, scope);
  if (!url.ok) return { kind: 'unknownVariable', name: url.unknown, line: block.requestLine };

  const host = HOST_PREFIX.exec(url.text);
  const [pathPart = '', query] = splitOnce(host ? (host[2] as string) : url.text, '?');
  if (!host) return { kind: 'notCatalogue', reason: 'otherHost', method: block.method, path: url.text };
  if (host[1] === 'auth') return { kind: 'notCatalogue', reason: 'authHost', method: block.method, path: pathPart };
  const found = operationForPath(block.method, pathPart);
  if (!found) return { kind: 'notCatalogue', reason: 'noOperation', method: block.method, path: pathPart };
  const { operation } = found;
  const params: Record<string, string> = { ...found.params };

  for (const [name, value] of new URLSearchParams(query ?? '')) {
    const param = operation.params.find((candidate) => candidate.in === 'query' && candidate.name === name);
    if (!param) return { kind: 'unknownQuery', operation, name, line: block.requestLine };
    params[param.name] = value;
  }

  for (const header of block.headers) {
    const lower = header.name.toLowerCase();
    if (OWN_HEADERS.has(lower)) continue;
    const param = operation.params.find((candidate) => candidate.in === 'header' && candidate.name.toLowerCase() === lower);
    // A header the operation does not take is not sent; the platform would ignore it, and the request it makes
    // is the catalogue's. Its value still has to resolve, so a typo in a variable is not passed over in silence.
    const value = resolveVariables(header.value, scope);
    if (!value.ok) return { kind: 'unknownVariable', name: value.unknown, line: header.line };
    if (param) params[param.name] = value.text;
  }

  if (block.body === undefined) return { kind: 'operation', operation, params };
  const body = resolveVariables(block.body, scope);
  if (!body.ok) return { kind: 'unknownVariable', name: body.unknown, line: bodyLine(block) };
  return { kind: 'operation', operation, params, body: body.text };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The first line of the body is after the headers and the blank line; near enough for a diagnostic. */
function bodyLine(block: RequestBlock): number {
  const lastHeader = block.headers[block.headers.length - 1];
  return (lastHeader?.line ?? block.requestLine) + 2;
}

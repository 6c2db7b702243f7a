// Writes a request as a block of the shared request-file syntax and appends it to a file's text. Nothing secret
// is written: the token is `{{token}}`, X-Request-ID `{{$guid}}`, the host `{{API_HOST}}`, and the ids a flow
// hands on (consent, payment, authorisation) are `{{consentId}}`-style variables defined at the top of the file.
// Callers pass values that are already masked (History keeps them so) and may pass a redact step on top.
import type { Operation } from '../catalogue/catalogue';
import type { ParamSource } from '../catalogue/operationTypes';
import { parseHttpFile } from './httpFileSyntax';

export interface SavedRequest {
  readonly operation: Operation;
  readonly params: Readonly<Record<string, string | undefined>>;
  /** JSON text or a value to serialise. */
  readonly body?: unknown;
  /** The block's name after `###`; the operation's title unless given (an imported request keeps its own). */
  readonly name?: string;
}

export interface RequestBlockText {
  /** The block, from its `###` line, lines ending in `\n`. */
  readonly text: string;
  /** The id variables the block refers to, with the values known for them. */
  readonly variables: Readonly<Record<string, string>>;
}

/** Which parameters become file variables, by where their values come from. */
const ID_VARIABLES: Partial<Record<ParamSource, string>> = {
  consentId: 'consentId',
  paymentId: 'paymentId',
  consentAuthorisationId: 'authorisationId',
  paymentAuthorisationId: 'authorisationId',
  cancellationId: 'cancellationId',
};

export const TOKEN_VARIABLE = 'token';
export const API_HOST_VARIABLE = 'API_HOST';

const FILE_HEADER = [
  '# Open Payments requests. "Send with Open Payments" above a block sends it with the active environment:',
  `# {{${API_HOST_VARIABLE}}}, {{${TOKEN_VARIABLE}}} and a fresh X-Request-ID come from the extension; none is stored here.`,
];

export function requestBlock(request: SavedRequest): RequestBlockText {
  const { operation, params } = request;
  const variables: Record<string, string> = {};
  const valueOrVariable = (source: ParamSource, value: string): string => {
    const variable = ID_VARIABLES[source];
    if (variable === undefined || isReference(value)) return value;
    variables[variable] = value;
    return `{{${variable}}}`;
  };

  let path = '';
  for (const segment of operation.path.split('/')) {
    if (path !== '' || segment !== '') path += '/';
    const placeholder = /^\{([^}]+)\}$/.exec(segment);
    if (!placeholder) {
      path += segment;
      continue;
    }
    const name = placeholder[1] as string;
    const param = operation.params.find((candidate) => candidate.in === 'path' && candidate.name === name);
    const value = params[name];
    if (value === undefined || value === '') path += `{{${name}}}`;
    else if (isReference(value)) path += value;
    else path += param && ID_VARIABLES[param.source] ? valueOrVariable(param.source, value) : encodeURIComponent(value);
  }
  path = path.startsWith('/') ? path : `/${path}`;

  const pairs: string[] = [];
  for (const param of operation.params) {
    const value = params[param.name];
    if (param.in !== 'query' || value === undefined || value === '') continue;
    pairs.push(isReference(value) ? `${new URLSearchParams([[param.name, '']]).toString()}${value}` : new URLSearchParams([[param.name, value]]).toString());
  }
  const queryText = pairs.join('&');

  const lines = [`### ${singleLine(request.name ?? operation.title)}`, `${operation.method} {{${API_HOST_VARIABLE}}}${path}${queryText ? `?${queryText}` : ''}`];
  lines.push(`Authorization: Bearer {{${TOKEN_VARIABLE}}}`, 'X-Request-ID: {{$guid}}');
  for (const param of operation.params) {
    const value = params[param.name];
    if (param.in !== 'header' || value === undefined || value === '') continue;
    lines.push(`${param.name}: ${valueOrVariable(param.source, singleLine(value))}`);
  }
  const body = bodyText(request.body);
  if (body !== undefined) lines.push('Content-Type: application/json', '', ...body.split('\n'));
  return { text: `${lines.join('\n')}\n`, variables };
}

/**
 * The file's text with the block appended and its id variables defined at the top: a variable the file lacks
 * is added there; one it defines with another value takes the new value (a file follows the latest consent or
 * payment, as the tree does). Keeps the file's line ends.
 */
export function appendRequestBlock(fileText: string, block: RequestBlockText): string {
  const eol = fileText.includes('\r\n') ? '\r\n' : '\n';
  const lines = fileText === '' ? [] : fileText.split(/\r\n|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const fresh = lines.every((line) => line.trim() === '');
  if (fresh) lines.length = 0;

  const defined = parseHttpFile(fileText).variables;
  const additions: string[] = [];
  for (const [name, value] of Object.entries(block.variables)) {
    const existing = defined.get(name);
    if (existing === undefined) additions.push(`@${name} = ${singleLine(value)}`);
    else if (existing.value !== value) lines[existing.line] = `@${name} = ${singleLine(value)}`;
  }

  const head = fresh ? [...FILE_HEADER, ...additions, ''] : additions.length > 0 ? [...additions, ''] : [];
  // Variables go after the comment lines that open a file, so a file's own header stays first.
  let insertAt = 0;
  if (!fresh && additions.length > 0) {
    while (insertAt < lines.length && /^\s*(#(?!##)|\/\/)/.test(lines[insertAt] as string)) insertAt++;
  }
  const result = [...lines.slice(0, insertAt), ...head, ...lines.slice(insertAt)];
  if (result.length > 0 && (result[result.length - 1] as string).trim() !== '') result.push('');
  result.push(...block.text.replace(/\n$/, '').split('\n'));
  return `${result.join(eol)}${eol}`;
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      // Not JSON: written as it is, with a line that would read as a separator moved off the line start.
      return body.replace(/\r\n?/g, '\n').replace(/^(\s*)###/gm, '$1 ###');
    }
  }
  return JSON.stringify(value, null, 2);
}

/**
 * A value that is one `{{variable}}` (an imported request's) is written as the reference it is: encoding its
 * braces would make it literal text, and defining it as a file variable would make it refer to itself.
 */
function isReference(value: string): boolean {
  return /^\{\{[^{}]+\}\}$/.test(value);
}

/** Header and variable values are one line each in this syntax. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

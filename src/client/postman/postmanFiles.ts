// Reads a Postman v2.1 collection and a Postman environment file into plain values: the requests in
// collection order (nested folders flattened, each keeping its folder path), and the environment's enabled
// values. Only the shape is read; `{{variables}}` stay as written. Never throws: a file that is not what it
// should be comes back as a problem the extension words for the user (no text of the file in it, which could
// hold a secret).

export interface PostmanHeader {
  readonly name: string;
  readonly value: string;
}

export type PostmanBody =
  | { readonly mode: 'raw'; readonly text: string }
  | { readonly mode: 'urlencoded' | 'formdata'; readonly fields: readonly PostmanHeader[] }
  | { readonly mode: 'other'; readonly name: string };

export interface PostmanRequest {
  readonly name: string;
  /** The folders it sits in, outermost first; empty at the collection's root. */
  readonly folders: readonly string[];
  readonly method: string;
  /** The url's raw text, path variables filled in. */
  readonly url: string;
  /** Enabled headers only. */
  readonly headers: readonly PostmanHeader[];
  readonly body?: PostmanBody;
}

export interface PostmanCollection {
  readonly name: string;
  readonly requests: readonly PostmanRequest[];
  /** The collection's own variables (enabled ones). */
  readonly variables: ReadonlyMap<string, string>;
}

export interface PostmanEnvironment {
  readonly name: string;
  /** Enabled values, by key. */
  readonly values: ReadonlyMap<string, string>;
  /** Keys Postman marks secret (`type: "secret"`). */
  readonly markedSecret: ReadonlySet<string>;
}

/** `notJson`: not JSON at all; `notCollection`: JSON without `info` and `item`; `version`: another schema (`schema` says which). */
export type CollectionProblem = { readonly kind: 'notJson' } | { readonly kind: 'notCollection' } | { readonly kind: 'version'; readonly schema: string };
export type EnvironmentProblem = { readonly kind: 'notJson' } | { readonly kind: 'notEnvironment' };

export type Read<T, P> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: P };

type Json = Record<string, unknown>;

const V21_SCHEMA = /\/collection\/v2\.1(\.\d+)?\//;

export function readCollection(text: string): Read<PostmanCollection, CollectionProblem> {
  const json = parseJson(text);
  if (json === undefined) return { ok: false, problem: { kind: 'notJson' } };
  if (!isObject(json) || !isObject(json.info) || !Array.isArray(json.item)) return { ok: false, problem: { kind: 'notCollection' } };
  const schema = typeof json.info.schema === 'string' ? json.info.schema : '';
  // The schema URL names the format (…/collection/v2.0.0/…); its last folder says which for the message.
  if (!V21_SCHEMA.test(schema)) return { ok: false, problem: { kind: 'version', schema: schema.split('/').slice(-2, -1)[0] || 'none' } };
  const requests: PostmanRequest[] = [];
  collect(json.item, [], requests);
  return {
    ok: true,
    value: { name: stringOr(json.info.name, 'Postman collection'), requests, variables: enabledValues(json.variable) },
  };
}

export function readEnvironment(text: string): Read<PostmanEnvironment, EnvironmentProblem> {
  const json = parseJson(text);
  if (json === undefined) return { ok: false, problem: { kind: 'notJson' } };
  // A collection has `item`; an environment has `values` and no `item`.
  if (!isObject(json) || !Array.isArray(json.values) || 'item' in json) return { ok: false, problem: { kind: 'notEnvironment' } };
  const markedSecret = new Set<string>();
  for (const entry of json.values) if (isObject(entry) && entry.type === 'secret' && typeof entry.key === 'string') markedSecret.add(entry.key);
  return { ok: true, value: { name: stringOr(json.name, 'Postman environment'), values: enabledValues(json.values), markedSecret } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function collect(items: readonly unknown[], folders: readonly string[], out: PostmanRequest[]): void {
  for (const item of items) {
    if (!isObject(item)) continue;
    const name = stringOr(item.name, '(unnamed)');
    if (Array.isArray(item.item)) {
      collect(item.item, [...folders, name], out);
      continue;
    }
    const request = requestOf(item, name, folders);
    if (request) out.push(request);
  }
}

function requestOf(item: Json, name: string, folders: readonly string[]): PostmanRequest | undefined {
  if (!isObject(item.request)) return undefined;
  const request = item.request;
  const body = bodyOf(request.body);
  return {
    name,
    folders,
    method: stringOr(request.method, 'GET').toUpperCase(),
    url: urlOf(request.url),
    // v2.1 also allows headers as one string; Postman itself exports the list.
    headers: fieldsOf(request.header),
    ...(body === undefined ? {} : { body }),
  };
}

function urlOf(url: unknown): string {
  if (typeof url === 'string') return url;
  if (!isObject(url) || typeof url.raw !== 'string') return '';
  // Postman keeps `raw` in step with the parts (disabled query parameters are not in it); a `:name` segment is a
  // path variable, sent as its value (often a `{{variable}}`).
  const pathVariables = enabledValues(url.variable);
  return url.raw.replace(/\/:([A-Za-z_][\w-]*)(?=[/?#]|$)/g, (_whole, name: string) => `/${pathVariables.get(name) ?? `{{${name}}}`}`);
}

function fieldsOf(list: unknown): PostmanHeader[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((entry): entry is Json => isObject(entry) && entry.disabled !== true && typeof entry.key === 'string')
    .map((entry) => ({ name: String(entry.key), value: typeof entry.value === 'string' ? entry.value : '' }));
}

function bodyOf(body: unknown): PostmanBody | undefined {
  if (!isObject(body) || typeof body.mode !== 'string' || body.disabled === true) return undefined;
  if (body.mode === 'raw') {
    const text = typeof body.raw === 'string' ? body.raw : '';
    // Postman sends "" for a body-less POST; a request file writes no body then.
    return text.trim() === '' ? undefined : { mode: 'raw', text };
  }
  if (body.mode === 'urlencoded' || body.mode === 'formdata') {
    const fields = fieldsOf(body[body.mode]);
    return fields.length === 0 ? undefined : { mode: body.mode, fields };
  }
  return { mode: 'other', name: body.mode };
}

function enabledValues(list: unknown): Map<string, string> {
  const values = new Map<string, string>();
  if (!Array.isArray(list)) return values;
  for (const entry of list) {
    if (!isObject(entry) || typeof entry.key !== 'string' || entry.enabled === false || entry.disabled === true) continue;
    values.set(entry.key, entry.value === undefined || entry.value === null ? '' : String(entry.value));
  }
  return values;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}

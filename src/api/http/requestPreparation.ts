// Everything about a call that can be decided before the network: URL, headers other than
// Authorization/X-Request-ID, and body. Problems come back as data naming the offending parameter.
import type { Operation, OperationParam, PsuContext } from '../operationTypes';
import { isAllowedOrigin } from './loopback';
import { missingBankHeaders, settingsHeadersFor, usesBankHeaders, type PsuHeaderSettings } from './psuHeaderRules';

export type ValidationCode =
  | 'MISSING_PARAM'
  | 'INVALID_HEADER_VALUE'
  | 'INVALID_REQUEST_ID'
  | 'MISSING_BANK_HEADER'
  | 'INSECURE_HOST'
  | 'INVALID_HOST'
  | 'INVALID_BODY';

export interface ValidationProblem {
  readonly code: ValidationCode;
  /** The parameter or header at fault, by its wire name. */
  readonly param?: string;
  /** For MISSING_BANK_HEADER: the bank whose rule demanded it. */
  readonly bicFi?: string;
}

export type ParamValues = Readonly<Record<string, string | undefined>>;

export interface PrepareInput {
  readonly operation: Operation;
  readonly params: ParamValues;
  readonly body?: unknown;
  readonly apiHost: string;
  readonly context: PsuContext;
  readonly psuHeaders: PsuHeaderSettings;
}

export interface PreparedRequest {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type Preparation = { readonly ok: true; readonly request: PreparedRequest } | { readonly ok: false; readonly problem: ValidationProblem };

// What Node's HTTP layer accepts in a header value; anything else (CR/LF especially) is refused up front.
const INVALID_HEADER_CHARS = /[^\t\x20-\x7e\x80-\xff]/;

class ValidationFailure extends Error {
  constructor(readonly problem: ValidationProblem) {
    super(problem.code);
  }
}

function valueOf(params: ParamValues, param: Pick<OperationParam, 'name' | 'in'>): string | undefined {
  let value = params[param.name];
  if (value === undefined && param.in === 'header') {
    const lower = param.name.toLowerCase();
    value = Object.entries(params).find(([name]) => name.toLowerCase() === lower)?.[1];
  }
  return value === undefined || value.trim() === '' ? undefined : value;
}

function buildUrl(input: PrepareInput): URL {
  let base: URL;
  try {
    base = new URL(input.apiHost.replace(/\/+$/, '') + '/');
  } catch {
    throw new ValidationFailure({ code: 'INVALID_HOST' });
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new ValidationFailure({ code: 'INVALID_HOST' });
  if (!isAllowedOrigin(base)) throw new ValidationFailure({ code: 'INSECURE_HOST' });

  // Every {placeholder} is required, whether or not the operation lists it.
  const path = input.operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = valueOf(input.params, { name, in: 'path' });
    if (value === undefined) throw new ValidationFailure({ code: 'MISSING_PARAM', param: name });
    return encodeURIComponent(value);
  });
  const url = new URL(base.pathname.replace(/\/$/, '') + path, base.origin);
  for (const param of input.operation.params) {
    if (param.in !== 'query') continue;
    const value = valueOf(input.params, param);
    if (value !== undefined) url.searchParams.append(param.name, value);
    else if (param.required) throw new ValidationFailure({ code: 'MISSING_PARAM', param: param.name });
  }
  return url;
}

function buildHeaders(input: PrepareInput): Record<string, string> {
  const declared = input.operation.params.filter((p) => p.in === 'header');
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...settingsHeadersFor(input.operation, input.context, input.psuHeaders),
  };
  for (const param of declared) {
    const value = valueOf(input.params, param);
    if (value !== undefined) {
      // An explicit value replaces a settings value of the same header in whatever case it was written.
      for (const name of Object.keys(headers)) if (name.toLowerCase() === param.name.toLowerCase()) delete headers[name];
      headers[param.name] = value;
    } else if (param.required && !hasHeader(headers, param.name)) {
      throw new ValidationFailure({ code: 'MISSING_PARAM', param: param.name });
    }
  }
  for (const [name, value] of Object.entries(headers)) {
    if (INVALID_HEADER_CHARS.test(value)) throw new ValidationFailure({ code: 'INVALID_HEADER_VALUE', param: name });
  }
  const bicFi = Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-bicfi')?.[1];
  const missing = missingBankHeaders(bicFi, headers)[0];
  if (missing !== undefined && usesBankHeaders(input.operation)) {
    throw new ValidationFailure({ code: 'MISSING_BANK_HEADER', param: missing, bicFi: bicFi?.toUpperCase() });
  }
  return headers;
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((n) => n.toLowerCase() === lower);
}

function serialiseBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  // Text from an editor is sent as written (the user may care about its exact form), but must be JSON.
  if (typeof body === 'string') {
    try {
      JSON.parse(body);
    } catch {
      throw new ValidationFailure({ code: 'INVALID_BODY' });
    }
    return body;
  }
  return JSON.stringify(body);
}

export function prepareRequest(input: PrepareInput): Preparation {
  try {
    const url = buildUrl(input);
    const headers = buildHeaders(input);
    const body = serialiseBody(input.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return { ok: true, request: { url, headers, ...(body !== undefined ? { body } : {}) } };
  } catch (error) {
    if (error instanceof ValidationFailure) return { ok: false, problem: error.problem };
    throw error;
  }
}

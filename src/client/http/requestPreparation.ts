// Everything about a call that can be decided before the network: URL, headers other than
// Authorization/X-Request-ID, and body. Problems come back as data naming the offending parameter.
import type { Operation } from '../catalogue/catalogue';
import type { PsuContext } from '../catalogue/operationTypes';
import { planHost, planOperation, type HostPlan, type OperationPlan, type PreparationPlans } from './preparationPlans';
import { missingBankHeader, settingsHeaderValue, type PsuHeaderSettings } from './psuHeaderRules';

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

type ParamReader = (name: string, lowerName?: string) => string | undefined;

/**
 * Reads parameter values by exact name; given the lower-case name (headers), also case-insensitively,
 * where the first matching entry wins.
 */
function paramReader(params: ParamValues): ParamReader {
  let byLowerName: Map<string, string | undefined> | undefined;
  return (name, lowerName) => {
    let value = params[name];
    if (value === undefined && lowerName !== undefined) {
      if (!byLowerName) {
        byLowerName = new Map();
        for (const key of Object.keys(params)) {
          const lower = key.toLowerCase();
          if (!byLowerName.has(lower)) byLowerName.set(lower, params[key]);
        }
      }
      value = byLowerName.get(lowerName);
    }
    return value === undefined || value.trim() === '' ? undefined : value;
  };
}

function buildUrl(plan: OperationPlan, hostPlan: HostPlan, read: ParamReader): URL {
  if (!hostPlan.ok) throw new ValidationFailure({ code: hostPlan.code });
  // Every {placeholder} is required, whether or not the operation lists it.
  let path = hostPlan.basePath;
  const parts = plan.pathParts;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as string;
    if (index % 2 === 0) {
      path += part;
      continue;
    }
    const value = read(part);
    if (value === undefined) throw new ValidationFailure({ code: 'MISSING_PARAM', param: part });
    path += encodeURIComponent(value);
  }
  let query: URLSearchParams | undefined;
  for (const param of plan.queryParams) {
    const value = read(param.name);
    if (value !== undefined) (query ??= new URLSearchParams()).append(param.name, value);
    else if (param.required) throw new ValidationFailure({ code: 'MISSING_PARAM', param: param.name });
  }
  // One parse of the whole URL; the query is serialised exactly as URL.searchParams would.
  return new URL(query ? `${hostPlan.origin}${path}?${query.toString()}` : `${hostPlan.origin}${path}`);
}

function buildHeaders(input: PrepareInput, plan: OperationPlan, read: ParamReader): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The name each header has in `headers`, by lower-case name, so case-insensitive checks need no scans.
  // Every name comes with its lower-case form from the plan, so none is lower-cased here.
  const names = new Map<string, string>([['accept', 'Accept']]);
  for (const header of plan.settingsHeaders) {
    const value = settingsHeaderValue(header, input.context, input.psuHeaders);
    if (value === undefined) continue;
    headers[header.name] = value;
    names.set(header.lowerName, header.name);
  }
  for (const { param, lowerName } of plan.headerParams) {
    const value = read(param.name, lowerName);
    const present = names.get(lowerName);
    if (value !== undefined) {
      // An explicit value replaces a settings value of the same header in whatever case it was written.
      if (present !== undefined) delete headers[present];
      headers[param.name] = value;
      names.set(lowerName, param.name);
    } else if (param.required && present === undefined) {
      throw new ValidationFailure({ code: 'MISSING_PARAM', param: param.name });
    }
  }
  for (const name of Object.keys(headers)) {
    if (INVALID_HEADER_CHARS.test(headers[name] as string)) throw new ValidationFailure({ code: 'INVALID_HEADER_VALUE', param: name });
  }
  if (!plan.usesBankHeaders) return headers;
  const bicFiName = names.get('x-bicfi');
  const bicFi = bicFiName === undefined ? undefined : headers[bicFiName];
  const missing = missingBankHeader(bicFi, (lowerName) => names.has(lowerName));
  if (missing !== undefined) throw new ValidationFailure({ code: 'MISSING_BANK_HEADER', param: missing, bicFi: bicFi?.toUpperCase() });
  return headers;
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

/** `plans` lets a long-lived caller reuse what the operation and host alone decide; results are the same. */
export function prepareRequest(input: PrepareInput, plans?: PreparationPlans): Preparation {
  try {
    const plan = plans ? plans.forOperation(input.operation) : planOperation(input.operation);
    const read = paramReader(input.params);
    const url = buildUrl(plan, plans ? plans.forHost(input.apiHost) : planHost(input.apiHost), read);
    const headers = buildHeaders(input, plan, read);
    const body = serialiseBody(input.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return { ok: true, request: { url, headers, ...(body !== undefined ? { body } : {}) } };
  } catch (error) {
    if (error instanceof ValidationFailure) return { ok: false, problem: error.problem };
    throw error;
  }
}

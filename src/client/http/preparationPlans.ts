// What a call's operation and API host alone decide: the path template split at its placeholders, the
// parameters by location, the base URL and its checks. Derived once per operation and host rather than
// on every call, because the pipeline sends the same few operations to the same host over and over.
import type { Operation } from '../catalogue/catalogue';
import type { OperationParam } from '../catalogue/operationTypes';
import { isAllowedOrigin } from './loopback';
import { operationSettingsHeaders, usesBankHeaders, type OperationSettingsHeader } from './psuHeaderRules';

export interface OperationPlan {
  /** The path template split at `{name}`: even indexes are literal text, odd ones placeholder names. */
  readonly pathParts: readonly string[];
  readonly queryParams: readonly OperationParam[];
  /** Header parameters with their lower-case names (header names match case-insensitively). */
  readonly headerParams: readonly { readonly param: OperationParam; readonly lowerName: string }[];
  /** The headers the PSU settings can add, in the operation's spelling. */
  readonly settingsHeaders: readonly OperationSettingsHeader[];
  readonly usesBankHeaders: boolean;
}

export type HostPlan =
  | { readonly ok: true; readonly origin: string; /** Without a trailing slash; '' at the root. */ readonly basePath: string }
  | { readonly ok: false; readonly code: 'INVALID_HOST' | 'INSECURE_HOST' };

export function planOperation(operation: Operation): OperationPlan {
  return {
    pathParts: operation.path.split(/\{([^}]+)\}/),
    queryParams: operation.params.filter((p) => p.in === 'query'),
    headerParams: operation.params.filter((p) => p.in === 'header').map((param) => ({ param, lowerName: param.name.toLowerCase() })),
    settingsHeaders: operationSettingsHeaders(operation),
    usesBankHeaders: usesBankHeaders(operation),
  };
}

export function planHost(apiHost: string): HostPlan {
  let base: URL;
  try {
    base = new URL(apiHost.replace(/\/+$/, '') + '/');
  } catch {
    return { ok: false, code: 'INVALID_HOST' };
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return { ok: false, code: 'INVALID_HOST' };
  if (!isAllowedOrigin(base)) return { ok: false, code: 'INSECURE_HOST' };
  return { ok: true, origin: base.origin, basePath: base.pathname.replace(/\/$/, '') };
}

/** Plans kept for one ApiClient: every operation it has sent, and the API host it last sent to. */
export class PreparationPlans {
  private readonly operations = new WeakMap<Operation, OperationPlan>();
  // One entry: a session talks to one environment at a time, and a changed host must not pile up entries.
  private lastHost: { readonly apiHost: string; readonly plan: HostPlan } | undefined;

  forOperation(operation: Operation): OperationPlan {
    let plan = this.operations.get(operation);
    if (!plan) {
      plan = planOperation(operation);
      this.operations.set(operation, plan);
    }
    return plan;
  }

  forHost(apiHost: string): HostPlan {
    if (this.lastHost?.apiHost !== apiHost) this.lastHost = { apiHost, plan: planHost(apiHost) };
    return this.lastHost.plan;
  }
}

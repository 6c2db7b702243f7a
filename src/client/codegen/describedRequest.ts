// A request described the way Send Request and History's replay describe one (operation id, parameter values,
// body, PSU context), turned into a CodeRequest for an environment: the same preparation a real call gets, so
// the program sends exactly what the extension would.
import { findOperation } from '../catalogue/catalogue';
import type { PsuContext } from '../catalogue/operationTypes';
import type { Hosts } from '../environments/environments';
import type { PsuHeaderSettings } from '../http/psuHeaderRules';
import { prepareRequest, type ValidationProblem } from '../http/requestPreparation';
import { isShape, isString, isStringRecord, optional } from '../history/shapeChecks';
import { codeRequestFrom, type CodeRequest } from './codeRequest';

/** The argument Copy as Code takes from anywhere (History's replay has this shape, request files will too). */
export interface RequestDescription {
  readonly operationId: string;
  readonly params: Readonly<Record<string, string>>;
  /** JSON text or a parsed JSON value. */
  readonly body?: unknown;
  readonly context?: PsuContext;
  readonly environmentId?: string;
}

export function isRequestDescription(value: unknown): value is RequestDescription {
  return (
    isShape(value) &&
    isString(value.operationId) &&
    isStringRecord(value.params) &&
    optional(value.context, (c) => c === 'private' || c === 'corporate') &&
    optional(value.environmentId, isString)
  );
}

export interface DescribedTarget extends Hosts {
  readonly context: PsuContext;
  readonly psuHeaders: PsuHeaderSettings;
  readonly clientCertificate: boolean;
}

export type DescribedResult =
  | { readonly ok: true; readonly request: CodeRequest }
  | { readonly ok: false; readonly reason: 'unknownOperation' }
  | { readonly ok: false; readonly reason: 'invalid'; readonly problem: ValidationProblem };

export function codeRequestFromDescription(description: RequestDescription, target: DescribedTarget): DescribedResult {
  const operation = findOperation(description.operationId);
  if (!operation) return { ok: false, reason: 'unknownOperation' };
  const context = description.context ?? target.context;
  const prepared = prepareRequest({
    operation,
    params: description.params,
    ...(description.body !== undefined ? { body: description.body } : {}),
    apiHost: target.apiHost,
    context,
    psuHeaders: target.psuHeaders,
  });
  if (!prepared.ok) return { ok: false, reason: 'invalid', problem: prepared.problem };
  const { url, headers, body } = prepared.request;
  return {
    ok: true,
    request: codeRequestFrom({
      operation,
      url: url.toString(),
      headers,
      ...(body !== undefined ? { body } : {}),
      context,
      authHost: target.authHost,
      clientCertificate: target.clientCertificate,
    }),
  };
}

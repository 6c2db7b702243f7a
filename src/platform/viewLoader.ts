// Loads data for a tree through the request runner: an ordinary traced request, but quiet (progress on the
// view, failures returned as a sentence for an error item instead of a notification).
import * as vscode from 'vscode';
import { catalogueOperation } from '../api/catalogue';
import type { PsuContext } from '../api/operationTypes';
import type { ActiveEnvironment } from './activeEnvironment';
import { describeFailure, requestIdSuffix } from './failureMessages';
import type { ExchangeRecord, RequestRunner } from './requestRunner';

export type Loaded<T> = { readonly ok: true; readonly value: T; readonly record: ExchangeRecord } | { readonly ok: false; readonly message: string };

export class ViewLoader {
  constructor(
    private readonly runner: RequestRunner,
    private readonly environment: ActiveEnvironment,
    private readonly viewId: string,
  ) {}

  async load<T>(
    operationId: string,
    params: Record<string, string>,
    parse: (body: unknown) => T | undefined,
    context?: PsuContext,
  ): Promise<Loaded<T>> {
    const op = catalogueOperation(operationId);
    const result = await this.runner.run({ operation: op, params, context }, { show: false, quietInView: this.viewId });
    if (!result) return { ok: false, message: vscode.l10n.t('Set client credentials and a valid environment first.') };
    if (!result.ok) return { ok: false, message: describeFailure(op.title, result.failure).text };
    const value = parse(result.exchange.json);
    if (value === undefined) {
      return {
        ok: false,
        message: vscode.l10n.t('{0} answered in a shape this extension does not read. Open it from History to see what was sent.{1}', op.title, requestIdSuffix(result.exchange.requestId)),
      };
    }
    return { ok: true, value, record: { operation: op, environmentId: this.environment.state.id, input: { operation: op, params, context }, result } };
  }
}

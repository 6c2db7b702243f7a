// Loads data for a tree through the request runner: an ordinary traced request, but quiet (progress on the
// view, failures returned as a sentence for an error item instead of a notification).
import * as vscode from 'vscode';
import { catalogueOperation, type OperationId } from '../client/catalogue/catalogue';
import type { PsuContext } from '../client/catalogue/operationTypes';
import type { ActiveEnvironment } from './activeEnvironment';
import { describeFailure, requestIdSuffix } from './failureMessages';
import type { ExchangeRecord, RequestRunner } from './requestRunner';
import { MAX_RESPONSE_BODY_SETTING } from './settings/requestSettings';

export type Loaded<T> = { readonly ok: true; readonly value: T; readonly record: ExchangeRecord } | { readonly ok: false; readonly message: string };

export class ViewLoader {
  constructor(
    private readonly runner: RequestRunner,
    private readonly environment: ActiveEnvironment,
    private readonly viewId: string,
  ) {}

  async load<T>(
    operationId: OperationId,
    params: Record<string, string>,
    parse: (body: unknown) => T | undefined,
    context?: PsuContext,
    /** Aborts the call when what asked for it is gone (the tree refreshed or disposed). */
    signal?: AbortSignal,
  ): Promise<Loaded<T>> {
    const op = catalogueOperation(operationId);
    const result = await this.runner.run({ operation: op, params, context }, { show: false, quietInView: this.viewId, ...(signal ? { signal } : {}) });
    if (!result) return { ok: false, message: vscode.l10n.t('Set client credentials and a valid environment first.') };
    if (!result.ok) return { ok: false, message: describeFailure(op.title, result.failure).text };
    const file = result.exchange.bodyFile;
    if (file) {
      return {
        ok: false,
        message: vscode.l10n.t(
          '{0} answered with {1} MB, more than the limit set in {2}, so this view cannot read it. Open it from History to see its start, or raise the limit.{3}',
          op.title,
          (file.bytes / (1024 * 1024)).toFixed(1),
          MAX_RESPONSE_BODY_SETTING,
          requestIdSuffix(result.exchange.requestId),
        ),
      };
    }
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

// History for a context without VS Code's (the MCP server): the calls of this process, newest last, at most
// `max`, each reduced to what explainFailure needs, which holds no secret.
import type { ApiResult } from '../http/requestFailure';
import type { ToolCallRecord, ToolHistory } from './toolContext';

export class CallLog implements ToolHistory {
  private readonly calls: ToolCallRecord[] = [];

  constructor(
    private readonly max = 200,
    private readonly now: () => number = Date.now,
  ) {}

  record(environmentId: string, operationId: string, result: ApiResult): void {
    const exchange = result.ok ? result.exchange : result.failure.exchange;
    const attempts = exchange?.attempts ?? (result.ok ? [] : result.failure.attempts);
    const requestId = exchange?.requestId ?? (result.ok ? undefined : result.failure.requestId);
    const attemptRequestIds = attempts.map((a) => a.requestId);
    if (requestId && !attemptRequestIds.includes(requestId)) attemptRequestIds.push(requestId);
    this.calls.push({
      operationId,
      time: exchange?.startedAt ?? new Date(this.now()).toISOString(),
      environmentId,
      ...(exchange ? { status: exchange.status } : {}),
      ...(result.ok ? {} : { failureKind: result.failure.kind, causeCode: result.failure.causeCode, param: result.failure.param }),
      ...(requestId ? { requestId } : {}),
      attemptRequestIds,
      ...(exchange?.tppMessages ? { tppMessages: exchange.tppMessages } : {}),
    });
    if (this.calls.length > this.max) this.calls.splice(0, this.calls.length - this.max);
  }

  async findByRequestId(requestId: string): Promise<ToolCallRecord | undefined> {
    const lower = requestId.toLowerCase();
    return [...this.calls].reverse().find((call) => call.attemptRequestIds.some((id) => id.toLowerCase() === lower));
  }
}

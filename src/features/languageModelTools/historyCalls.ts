// explainFailure's view of History: the call one of whose attempts carried an X-Request-ID, with the error codes
// its stored response kept. History holds no secret, so neither does what this returns.
import type { HistoryStore } from '../../client/history/historyStore';
import type { ToolCallRecord, ToolHistory } from '../../client/tools/toolContext';

export function historyCalls(history: Pick<HistoryStore, 'entries' | 'loadResponse'>): ToolHistory {
  return {
    async findByRequestId(requestId) {
      const wanted = requestId.toLowerCase();
      const entry = history.entries().find((e) => e.requestId?.toLowerCase() === wanted || e.attemptRequestIds.some((id) => id.toLowerCase() === wanted));
      if (!entry) return undefined;
      const response = await history.loadResponse(entry.id);
      const record: ToolCallRecord = {
        operationId: entry.operationId,
        time: entry.time,
        environmentId: entry.environmentId,
        ...(entry.status !== undefined ? { status: entry.status } : {}),
        ...(entry.failureKind !== undefined ? { failureKind: entry.failureKind } : {}),
        ...(entry.requestId !== undefined ? { requestId: entry.requestId } : {}),
        attemptRequestIds: entry.attemptRequestIds,
        ...(response?.tppMessages ? { tppMessages: response.tppMessages } : {}),
        ...(response?.failure?.param !== undefined ? { param: response.failure.param } : {}),
        ...(response?.failure?.causeCode !== undefined ? { causeCode: response.failure.causeCode } : {}),
      };
      return record;
    },
  };
}

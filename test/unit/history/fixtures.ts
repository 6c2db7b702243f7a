// Shared test data for history and response view tests: requests, exchanges and in-memory stores.
import type { Exchange } from '../../../src/client/http/exchange';
import type { ApiResult, RequestFailure } from '../../../src/client/http/requestFailure';
import { findOperation } from '../../../src/client/catalogue/catalogue';
import type { DetailFiles, KeyValueState } from '../../../src/client/history/historyStore';
import type { RecordedCall } from '../../../src/client/history/responseRecord';

export const SANDBOX = {
  id: 'sandbox',
  authHost: 'https://auth.sandbox.openbankingplatform.com',
  apiHost: 'https://api.sandbox.openbankingplatform.com',
};

export const REQUEST_ID = '3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b';
export const RETRY_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** What the user asked for: the input part of a RecordedCall. */
export function apiRequest(operationId = 'getASPSPList', params: Record<string, string> = {}, body?: unknown): Omit<RecordedCall, 'result'> {
  const operation = findOperation(operationId);
  if (!operation) throw new Error(`no operation ${operationId}`);
  return { operation, environmentId: SANDBOX.id, input: { params, ...(body !== undefined ? { body } : {}) } };
}

/** The call as the request runner reports it. */
export function recorded(request: Omit<RecordedCall, 'result'>, result: ApiResult): RecordedCall {
  return { ...request, result };
}

/** The sandbox's settings when a call went out. */
export const SANDBOX_DEFAULTS = { context: 'private' as const, apiHost: SANDBOX.apiHost };

export function exchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    operationId: 'getASPSPList',
    method: 'GET',
    url: `${SANDBOX.apiHost}/psd2/aspspinformation/v1/aspsps?isoCountryCodes=SE`,
    status: 200,
    statusText: 'OK',
    startedAt: '2026-11-25T12:03:04.000Z',
    durationMs: 42,
    requestId: REQUEST_ID,
    attempts: [{ requestId: REQUEST_ID, status: 200, durationMs: 40 }],
    requestHeaders: { Accept: 'application/json', 'X-Request-ID': REQUEST_ID, Authorization: 'Bearer ***' },
    responseHeaders: { 'content-type': 'application/json', 'x-request-id': REQUEST_ID },
    bodyText: '{"aspsps":[{"bicFi":"ESSESESS","name":"SEB"}]}',
    ...overrides,
  };
}

export function ok(ex: Exchange = exchange()): ApiResult {
  return { ok: true, exchange: ex };
}

export function failed(failure: Partial<RequestFailure> & Pick<RequestFailure, 'kind'>): ApiResult {
  return { ok: false, failure: { operationId: 'getASPSPList', attempts: [], summary: 'test', ...failure } };
}

export class MemoryState implements KeyValueState {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    // A real Memento hands out copies of what was stored as JSON.
    const value = this.values.get(key);
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
  dump(): string {
    return JSON.stringify([...this.values]);
  }
}

export class MemoryFiles implements DetailFiles {
  readonly files = new Map<string, string>();
  failWrites = false;
  async write(name: string, text: string): Promise<void> {
    if (this.failWrites) throw new Error('disk full');
    this.files.set(name, text);
  }
  async read(name: string): Promise<string | undefined> {
    return this.files.get(name);
  }
  async remove(name: string): Promise<void> {
    this.files.delete(name);
  }
  async list(): Promise<readonly string[]> {
    return [...this.files.keys()];
  }
  dump(): string {
    return [...this.files.values()].join('\n');
  }
}

/** Sequential UUID-shaped ids, so tests can predict file names. */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

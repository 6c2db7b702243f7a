import assert from 'node:assert/strict';
import type { Exchange } from '../../../../../src/client/http/exchange';
import type { ApiResult, RequestFailure } from '../../../../../src/client/http/requestFailure';

export function expectOk(result: ApiResult): Exchange {
  if (!result.ok) assert.fail(`expected success, got ${result.failure.summary}`);
  return result.exchange;
}

export function expectFailure(result: ApiResult, kind: RequestFailure['kind']): RequestFailure {
  if (result.ok) assert.fail(`expected a ${kind} failure, got HTTP ${result.exchange.status}`);
  assert.equal(result.failure.kind, kind, result.failure.summary);
  return result.failure;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

import assert from 'node:assert/strict';
import { parseRetryAfter } from '../../../../src/client/http/retryAfter';
import { extractTppMessages } from '../../../../src/client/http/tppMessages';
import { toTransportError } from '../../../../src/client/http/transportErrors';
import { failureSummary } from '../../../../src/client/http/requestFailure';

describe('HTTP core parsing helpers', () => {
  it('reads tppMessages in the NG object shape, the bare-array shape and a lone object', () => {
    const message = { category: 'ERROR', code: 'FORMAT_ERROR', path: 'X-BicFi', text: 'bad' };
    assert.deepEqual(extractTppMessages({ tppMessages: [message], _links: {} }), [message]);
    assert.deepEqual(extractTppMessages([message]), [message]);
    assert.deepEqual(extractTppMessages({ tppMessages: message }), [message]);
    assert.deepEqual(extractTppMessages({ tppMessages: [{ code: 'X' }] }), [{ category: 'ERROR', code: 'X' }]);
    assert.equal(extractTppMessages({ tppMessages: [] }), undefined);
    assert.equal(extractTppMessages({ accounts: [] }), undefined);
    assert.equal(extractTppMessages([1, 'a', null]), undefined);
    assert.equal(extractTppMessages(null), undefined);
  });

  it('parses Retry-After as seconds or HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('5', now), 5000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now), 7000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('-1', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it('classifies low-level errors by their innermost code', () => {
    const wrapped = Object.assign(new Error('fetch failed'), { code: 'UND_ERR_SOCKET', cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) });
    const error = toTransportError(wrapped);
    assert.deepEqual([error.kind, error.causeCode], ['reset', 'ECONNRESET']);
    assert.equal(toTransportError(Object.assign(new Error(), { code: 'EAI_AGAIN' })).kind, 'dns');
    assert.equal(toTransportError(Object.assign(new Error(), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' })).kind, 'tls');
    assert.equal(toTransportError(Object.assign(new Error(), { code: 'CERT_HAS_EXPIRED' })).kind, 'tls');
    assert.equal(toTransportError(new Error('mystery')).kind, 'network');
    assert.equal(toTransportError(Object.assign(new Error(), { code: 'ECONNRESET' }), AbortSignal.abort()).kind, 'cancelled');
  });

  it('keeps prose out of failure summaries', () => {
    const summary = failureSummary({
      kind: 'http',
      operationId: 'getAccountList',
      status: 400,
      attempts: [],
      tppMessages: [
        { category: 'ERROR', code: 'FORMAT_ERROR' },
        { category: 'ERROR', code: '[click](http://evil) me' },
      ],
    });
    assert.equal(summary, 'getAccountList: http HTTP 400 (FORMAT_ERROR)');
  });
});

import assert from 'node:assert/strict';
import { harnessPerTest, operation } from './support/apiHarness';
import { sendJson } from './support/localServer';
import { expectFailure, expectOk, UUID } from './support/results';

const AIS_PARAMS = { 'X-BicFi': 'ESSESESS', 'Consent-ID': 'consent-1' };

describe('ApiClient: exchanges', () => {
  const start = harnessPerTest();

  it('sends a GET with bearer token, fresh X-Request-ID and JSON accept, and records the exchange', async () => {
    const h = await start((req, res) =>
      sendJson(res, 200, { aspsps: [{ bicFi: 'ESSESESS' }] }, { 'x-request-id': String(req.headers['x-request-id']) }),
    );
    const exchange = expectOk(await h.send({ operation: operation('getASPSPList'), params: { isoCountryCodes: 'SE,FI' } }));
    const [request] = h.api.requests;
    assert.ok(request);
    assert.equal(request.method, 'GET');
    assert.equal(request.url, '/psd2/aspspinformation/v1/aspsps?isoCountryCodes=SE%2CFI');
    assert.equal(request.headers.authorization, `Bearer ${h.tokenServer.issued[0]}`);
    assert.equal(request.headers.accept, 'application/json');
    assert.match(String(request.headers['x-request-id']), UUID);
    assert.equal(exchange.requestId, request.headers['x-request-id']);
    assert.deepEqual(exchange.attempts.map((a) => a.requestId), [exchange.requestId]);
    assert.equal(exchange.status, 200);
    assert.equal(exchange.statusText, 'OK');
    assert.equal(exchange.method, 'GET');
    assert.equal(exchange.url, `${h.api.origin}/psd2/aspspinformation/v1/aspsps?isoCountryCodes=SE%2CFI`);
    assert.deepEqual(exchange.json, { aspsps: [{ bicFi: 'ESSESESS' }] });
    assert.equal(exchange.requestHeaders.Authorization, 'Bearer ***');
    assert.equal(exchange.responseHeaders['x-request-id'], exchange.requestId);
    assert.ok(exchange.durationMs >= 0);
    assert.ok(!Number.isNaN(Date.parse(exchange.startedAt)));
    // ASPSP Information takes no bank headers.
    assert.equal(request.headers['x-bicfi'], undefined);
  });

  it('encodes path parameters and sends X-BicFi and Consent-ID', async () => {
    const h = await start((_req, res) => sendJson(res, 200, { balances: [] }));
    expectOk(await h.send({ operation: operation('getBalances'), params: { ...AIS_PARAMS, 'account-id': 'a/b c?d' } }));
    const [request] = h.api.requests;
    assert.equal(request?.url, '/psd2/accountinformation/v1/accounts/a%2Fb%20c%3Fd/balances');
    assert.equal(request?.headers['x-bicfi'], 'ESSESESS');
    assert.equal(request?.headers['consent-id'], 'consent-1');
  });

  it('sends a JSON body with Content-Type and keeps editor text as written', async () => {
    const h = await start((_req, res) => sendJson(res, 201, { consentId: 'c1', consentStatus: 'received' }));
    const op = operation('createConsent');
    const exchange = expectOk(await h.send({ operation: op, params: { 'X-BicFi': 'ESSESESS' }, body: op.bodyTemplate }));
    assert.equal(h.api.requests[0]?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(h.api.requests[0]?.body ?? ''), op.bodyTemplate);
    assert.equal(exchange.status, 201);
    const text = '{ "access": {},\n  "recurringIndicator": true }';
    expectOk(await h.send({ operation: op, params: { 'X-BicFi': 'ESSESESS' }, body: text }));
    assert.equal(h.api.requests[1]?.body, text);
  });

  it('accepts 204 No Content with an empty body', async () => {
    const h = await start((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const exchange = expectOk(await h.send({ operation: operation('deleteConsent'), params: { 'X-BicFi': 'ESSESESS', consentId: 'c1' } }));
    assert.equal(exchange.status, 204);
    assert.equal(exchange.bodyText, '');
    assert.equal(exchange.json, undefined);
  });

  it('reads NG tppMessages from an error body into an http failure with the exchange', async () => {
    const h = await start((_req, res) =>
      sendJson(res, 403, {
        tppMessages: [{ category: 'ERROR', code: 'CONSENT_UNKNOWN', path: 'Consent-ID', text: '<b>not</b> known' }],
        _links: {},
      }),
    );
    const failure = expectFailure(await h.send({ operation: operation('getAccountList'), params: AIS_PARAMS }), 'http');
    assert.equal(failure.status, 403);
    assert.deepEqual(failure.tppMessages, [{ category: 'ERROR', code: 'CONSENT_UNKNOWN', path: 'Consent-ID', text: '<b>not</b> known' }]);
    assert.equal(failure.requestId, h.api.requests[0]?.headers['x-request-id']);
    assert.equal(failure.exchange?.status, 403);
    assert.match(failure.summary, /getAccountList: http HTTP 403 \(CONSENT_UNKNOWN\) X-Request-ID [0-9a-f-]{36}/);
    assert.ok(!failure.summary.includes('<b>'), 'server text stays out of the summary');
  });

  it('masks a token that a server quotes in tppMessages text, keeping the code', async () => {
    const h = await start((req, res) =>
      sendJson(res, 400, { tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', text: `bad ${req.headers.authorization}` }] }),
    );
    const failure = expectFailure(await h.send({ operation: operation('getCountriesList') }), 'http');
    assert.deepEqual(failure.tppMessages, [{ category: 'ERROR', code: 'FORMAT_ERROR', text: 'bad Bearer ***' }]);
  });

  it('reads the ASPSP Information bare-array tppMessages shape', async () => {
    const h = await start((_req, res) => sendJson(res, 404, [{ category: 'ERROR', code: 'RESOURCE_NOT_FOUND', text: 'no such bank' }]));
    const failure = expectFailure(await h.send({ operation: operation('getASPSPDetails'), params: { bicFi: 'XXXXSESS' } }), 'http');
    assert.deepEqual(failure.tppMessages, [{ category: 'ERROR', code: 'RESOURCE_NOT_FOUND', text: 'no such bank' }]);
  });

  it('reports 5xx without a body as http, with the request id', async () => {
    const h = await start((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const failure = expectFailure(await h.send({ operation: operation('getCountriesList') }), 'http');
    assert.equal(failure.status, 503);
    assert.equal(failure.tppMessages, undefined);
    assert.match(failure.requestId ?? '', UUID);
  });

  it('reports a 200 with a non-JSON body as non_json', async () => {
    const h = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>captive portal</html>');
    });
    const failure = expectFailure(await h.send({ operation: operation('getCountriesList') }), 'non_json');
    assert.equal(failure.status, 200);
    assert.equal(failure.exchange?.bodyText, '<html>captive portal</html>');
    assert.equal(failure.requestId, h.api.requests[0]?.headers['x-request-id']);
  });

  it('reports a 200 with an empty body as empty_body', async () => {
    const h = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end();
    });
    const failure = expectFailure(await h.send({ operation: operation('getCountriesList') }), 'empty_body');
    assert.equal(failure.requestId, h.api.requests[0]?.headers['x-request-id']);
  });

  it('keeps WARNING tppMessages on a success', async () => {
    const h = await start((_req, res) =>
      sendJson(res, 201, { transactionStatus: 'RCVD', paymentId: 'p1', tppMessages: [{ category: 'WARNING', code: 'FORMAT_ERROR' }] }),
    );
    const exchange = expectOk(
      await h.send({
        operation: operation('initiatePayment'),
        params: { 'X-BicFi': 'ESSESESS', 'payment-service': 'payments', 'payment-product': 'domestic', 'PSU-IP-Address': '10.1.2.3' },
        body: {},
      }),
    );
    assert.deepEqual(exchange.tppMessages, [{ category: 'WARNING', code: 'FORMAT_ERROR' }]);
  });

  it('masks secrets that a server echoes in a body, in the text and the parsed JSON', async () => {
    const h = await start((req, res) => sendJson(res, 200, { echoed: req.headers.authorization, access_token: 'zzzz-not-ours' }));
    const exchange = expectOk(await h.send({ operation: operation('getCountriesList') }));
    assert.ok(!exchange.bodyText.includes(h.tokenServer.issued[0] ?? '?'));
    assert.deepEqual(exchange.json, { echoed: 'Bearer ***', access_token: '***' });
  });
});

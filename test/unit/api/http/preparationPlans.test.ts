import assert from 'node:assert/strict';
import { OPERATIONS } from '../../../../src/client/catalogue/catalogue';
import { PreparationPlans } from '../../../../src/client/http/preparationPlans';
import { prepareRequest, type PrepareInput } from '../../../../src/client/http/requestPreparation';

const API_HOST = 'https://api.example.com/base/';

/** A value for every parameter an operation declares, in the spelling the caller chose. */
function inputFor(operation: PrepareInput['operation'], spelling: (name: string) => string = (n) => n): PrepareInput {
  const params: Record<string, string> = { 'PSU-IP-Address': '10.0.0.1' };
  for (const name of operation.path.match(/\{([^}]+)\}/g) ?? []) params[name.slice(1, -1)] = 'a/b c';
  for (const p of operation.params) params[spelling(p.name)] = p.enum?.[0] ?? p.example ?? 'ESSESESS';
  return { operation, params, apiHost: API_HOST, context: 'corporate', psuHeaders: { psuUserAgent: 'ua', psuCorporateId: 'corp' } };
}

describe('HTTP core preparation plans', () => {
  it('prepares every catalogue operation exactly as without plans, in any header spelling', () => {
    const plans = new PreparationPlans();
    for (const spelling of [(n: string) => n, (n: string) => n.toLowerCase(), (n: string) => n.toUpperCase()]) {
      for (const operation of OPERATIONS) {
        const input = inputFor(operation, spelling);
        const fresh = prepareRequest(input);
        const planned = prepareRequest(input, plans);
        assert.deepEqual(planned, fresh, operation.id);
        assert.equal(planned.ok && planned.request.url.href, fresh.ok && fresh.request.url.href);
      }
    }
  });

  it('reports the same validation problems with and without plans', () => {
    const plans = new PreparationPlans();
    const op = OPERATIONS.find((o) => o.id === 'getTransactionList');
    assert.ok(op);
    const cases: PrepareInput[] = [
      { ...inputFor(op), apiHost: 'not a url' },
      { ...inputFor(op), apiHost: 'http://api.example.com' },
      { ...inputFor(op), apiHost: 'ftp://api.example.com' },
      { ...inputFor(op), params: { ...inputFor(op).params, bookingStatus: '' } },
      { ...inputFor(op), params: { ...inputFor(op).params, 'x-bicfi': 'HANDSESS', 'X-BicFi': '' }, psuHeaders: {} },
      { ...inputFor(op), params: { ...inputFor(op).params, 'Consent-ID': 'bad\r\nvalue' } },
    ];
    for (const input of cases) assert.deepEqual(prepareRequest(input, plans), prepareRequest(input), JSON.stringify(input.apiHost));
  });

  it('keeps one plan per operation and follows a changed API host', () => {
    const plans = new PreparationPlans();
    const [first] = OPERATIONS;
    assert.ok(first);
    assert.equal(plans.forOperation(first), plans.forOperation(first));
    assert.deepEqual(plans.forHost('https://a.example.com/x/'), { ok: true, origin: 'https://a.example.com', basePath: '/x' });
    assert.deepEqual(plans.forHost('http://b.example.com'), { ok: false, code: 'INSECURE_HOST' });
    assert.deepEqual(plans.forHost('http://127.0.0.1:8402'), { ok: true, origin: 'http://127.0.0.1:8402', basePath: '' });
  });
});

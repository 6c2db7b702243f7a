// The sandbox never crashes on bad input; every answer is a proper HTTP error with a tppMessages body.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { readResponse, useSandbox } from './helpers/client';
import { PSU_HEADERS } from './helpers/flows';

describe('sandbox robustness', () => {
  const c = useSandbox({ bodyLimitBytes: 64 * 1024 });
  let headers: Record<string, string>;

  before(async () => {
    headers = {
      authorization: `Bearer ${await c.token('accountinformation private')}`,
      'x-request-id': crypto.randomUUID(),
      'x-bicfi': 'ESSESESS',
      ...PSU_HEADERS,
    };
  });

  const post = async (body: string | Buffer, contentType = 'application/json') =>
    readResponse(await fetch(`${c.sandbox.apiHost}/psd2/consent/v1/consents`, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body }));

  it('malformed JSON → 400 FORMAT_ERROR, wrong content type → 415, JSON that is not an object → 400', async () => {
    const malformed = await post('{"access": {');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.json['tppMessages'][0].code, 'FORMAT_ERROR');
    assert.equal((await post('access=1', 'application/x-www-form-urlencoded')).status, 415);
    assert.equal((await post('[]')).status, 400);
    assert.equal((await post('null')).status, 400);
    const empty = await post('');
    assert.equal(empty.status, 400);
    assert.equal(empty.json['tppMessages'][0].path, 'body');
  });

  it('bodies over the cap → 413, and the server keeps serving', async () => {
    const huge = await post(Buffer.alloc(200 * 1024, 'x'));
    assert.equal(huge.status, 413);
    // Without Content-Length (chunked), the cap is enforced while reading.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${c.sandbox.apiHost}/psd2/consent/v1/consents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(8 * 1024, 'y'));
      req.end();
    });
    assert.equal(chunked, 413);
    assert.equal((await fetch(`${c.sandbox.apiHost}/__sandbox/health`)).status, 200);
  });

  it('unknown paths → 404, wrong methods → 405 with Allow, odd encodings do not crash', async () => {
    const unknown = await readResponse(await fetch(`${c.sandbox.apiHost}/psd2/nothing/here`, { headers }));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json['tppMessages'][0].code, 'RESOURCE_UNKNOWN');
    assert.equal(unknown.headers.get('x-request-id'), headers['x-request-id']);
    const wrong = await fetch(`${c.sandbox.apiHost}/psd2/consent/v1/consents`, { method: 'PUT', headers });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
    const weird = await fetch(`${c.sandbox.apiHost}/psd2/consent/v1/consents/%E0%A4%A/status`, { headers });
    assert.equal(weird.status, 404);
    const root = await fetch(`${c.sandbox.apiHost}/`);
    assert.equal(root.status, 404);
  });

  it('the auth host answers garbage without crashing', async () => {
    const bad = await fetch(`${c.sandbox.authHost}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '%%%' });
    assert.equal(bad.status, 400);
    const noInteraction = await fetch(`${c.sandbox.authHost}/interaction/unknown`, { method: 'POST', body: 'decision=approve' });
    assert.equal(noInteraction.status, 400);
    assert.equal((await fetch(`${c.sandbox.authHost}/.well-known/openid-configuration`)).status, 200);
  });
});

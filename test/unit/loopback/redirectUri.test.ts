import assert from 'node:assert/strict';
import { classifyCallback, finishPathFor, hostHeaderFor, parseLoopbackRedirectUri } from '../../../src/client/auth/loopback';

describe('loopback redirect URI rules', () => {
  it('takes address, port and path from the registered URI', () => {
    assert.deepEqual(parseLoopbackRedirectUri('http://127.0.0.1:53682/callback'), { bindAddress: '127.0.0.1', port: 53682, path: '/callback' });
    assert.deepEqual(parseLoopbackRedirectUri('http://127.0.0.2/cb'), { bindAddress: '127.0.0.2', port: 80, path: '/cb' });
    assert.deepEqual(parseLoopbackRedirectUri('http://[::1]:8080/'), { bindAddress: '::1', port: 8080, path: '/' });
    assert.throws(() => parseLoopbackRedirectUri('http://127.0.0.1:53682/callback#x'), /query or fragment/);
    assert.throws(() => parseLoopbackRedirectUri('http://127.0.0.256/callback'), /not a URL|loopback IP/);
  });

  it('expects the Host header a browser sends, and puts the finish page beside the callback', () => {
    assert.equal(hostHeaderFor('127.0.0.1', 53682), '127.0.0.1:53682');
    assert.equal(hostHeaderFor('::1', 53682), '[::1]:53682');
    assert.equal(hostHeaderFor('127.0.0.1', 80), '127.0.0.1');
    assert.equal(finishPathFor('/callback'), '/done');
    assert.equal(finishPathFor('/oauth/callback'), '/oauth/done');
    assert.equal(finishPathFor('/done'), '/done-done');
    assert.equal(finishPathFor('/'), '/done');
  });

  it('reads only the path of an absolute-form request line, so Host still decides', () => {
    const rules = { callbackPath: '/callback', finishPath: '/done', hosts: ['127.0.0.1:1'], expectedState: 's', mode: 'code' as const, finished: false };
    const absolute = { method: 'GET', url: 'http://evil.example/callback?code=c&state=s', host: '127.0.0.1:1' };
    assert.deepEqual(classifyCallback(absolute, rules), { action: 'accept', result: { kind: 'code', code: 'c' } });
    assert.deepEqual(classifyCallback({ ...absolute, host: 'evil.example' }, rules), { action: 'reject', status: 400, reason: 'host' });
    assert.deepEqual(classifyCallback({ ...absolute, host: '127.0.0.1:1', url: '/callback?code=c&state=S' }, rules), { action: 'reject', status: 400, reason: 'state' });
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildCurl, shellQuote, TOKEN_PLACEHOLDER } from '../../../src/client/codegen/curl';

/** What sh makes of the quoted word: the round trip is the real test of quoting. */
function throughShell(word: string): string {
  return execFileSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });
}

const FRESH_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('cURL for a history entry', () => {
  const request = {
    method: 'POST',
    url: 'https://api.sandbox.openbankingplatform.com/psd2/consent/v1/consents?x=1&y=$HOME',
    headers: { Accept: 'application/json', 'X-BicFi': 'ESSESESS', 'X-Request-ID': '3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b', Authorization: 'Bearer ***' },
    body: '{"note":"it\'s $HOME `id` \\n \n línea ✓ 🚀"}',
  };

  it('keeps hostile and unicode text literal through sh', () => {
    for (const value of ["it's", '$HOME $(id) `id`', 'a\nb\r\nc', 'ünïcødé ✓ 🚀', "''", '\\', '!event', '']) {
      assert.equal(throughShell(shellQuote(value)), value);
    }
  });

  it('includes every header except Authorization, which becomes the placeholder', () => {
    const curl = buildCurl(request, { kind: 'placeholder' }, FRESH_ID);
    assert.match(curl, /^curl --request 'POST' 'https:\/\/api\.sandbox\.openbankingplatform\.com\/psd2\/consent\/v1\/consents\?x=1&y=\$HOME'/);
    for (const header of ["'Accept: application/json'", "'X-BicFi: ESSESESS'", `'X-Request-ID: ${FRESH_ID}'`]) {
      assert.ok(curl.includes(`--header ${header}`), header);
    }
    assert.ok(curl.includes(`--header 'Authorization: Bearer ${TOKEN_PLACEHOLDER}'`));
    assert.ok(!curl.includes('***'), 'the masked value from the record is not used');
    assert.equal((curl.match(/Authorization/g) ?? []).length, 1);
  });

  it('passes the body through sh unchanged', () => {
    const curl = buildCurl(request, { kind: 'placeholder' }, FRESH_ID);
    const quotedBody = curl.slice(curl.indexOf('--data-raw ') + '--data-raw '.length);
    assert.equal(throughShell(quotedBody), request.body);
  });

  it('puts a live token in only when asked', () => {
    const curl = buildCurl({ ...request, body: undefined }, { kind: 'token', token: 'live-token-abc' }, FRESH_ID);
    assert.ok(curl.includes("--header 'Authorization: Bearer live-token-abc'"));
    assert.ok(!curl.includes('--data-raw'));
  });

  it('carries the given X-Request-ID instead of the recorded one, exactly once, whatever case the record used', () => {
    const curl = buildCurl(request, { kind: 'placeholder' }, FRESH_ID);
    assert.ok(!curl.includes(request.headers['X-Request-ID']), 'the recorded id would be sent a second time');
    assert.equal((curl.match(/x-request-id/gi) ?? []).length, 1);
    const lower = buildCurl({ ...request, headers: { 'x-request-id': 'old', 'X-Request-ID': 'older' } }, { kind: 'placeholder' }, FRESH_ID);
    assert.equal((lower.match(/x-request-id/gi) ?? []).length, 1);
    assert.ok(lower.includes(`--header 'x-request-id: ${FRESH_ID}'`));
    const none = buildCurl({ ...request, headers: { Accept: 'application/json' } }, { kind: 'placeholder' }, FRESH_ID);
    assert.ok(none.includes(`--header 'X-Request-ID: ${FRESH_ID}'`), 'a record without one still gets an id');
  });
});

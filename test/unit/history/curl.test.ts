import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildCurl, shellQuote, TOKEN_PLACEHOLDER } from '../../../src/history/curl';

/** What sh makes of the quoted word: the round trip is the real test of quoting. */
function throughShell(word: string): string {
  return execFileSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });
}

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
    const curl = buildCurl(request, { kind: 'placeholder' });
    assert.match(curl, /^curl --request 'POST' 'https:\/\/api\.sandbox\.openbankingplatform\.com\/psd2\/consent\/v1\/consents\?x=1&y=\$HOME'/);
    for (const header of ["'Accept: application/json'", "'X-BicFi: ESSESESS'", "'X-Request-ID: 3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b'"]) {
      assert.ok(curl.includes(`--header ${header}`), header);
    }
    assert.ok(curl.includes(`--header 'Authorization: Bearer ${TOKEN_PLACEHOLDER}'`));
    assert.ok(!curl.includes('***'), 'the masked value from the record is not used');
    assert.equal((curl.match(/Authorization/g) ?? []).length, 1);
  });

  it('passes the body through sh unchanged', () => {
    const curl = buildCurl(request, { kind: 'placeholder' });
    const quotedBody = curl.slice(curl.indexOf('--data-raw ') + '--data-raw '.length);
    assert.equal(throughShell(quotedBody), request.body);
  });

  it('puts a live token in only when asked', () => {
    const curl = buildCurl({ ...request, body: undefined }, { kind: 'token', token: 'live-token-abc' });
    assert.ok(curl.includes("--header 'Authorization: Bearer live-token-abc'"));
    assert.ok(!curl.includes('--data-raw'));
  });
});

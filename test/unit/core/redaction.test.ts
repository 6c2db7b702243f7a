import assert from 'node:assert/strict';
import { MASK, Redactor } from '../../../src/core/redaction';

describe('redaction', () => {
  it('masks every secret field in form bodies and query strings', () => {
    const r = new Redactor();
    const text =
      'grant_type=authorization_code&client_id=demo&client_secret=s3cr3t&code=abc123&code_verifier=vvv&redirect_uri=x&refresh_token=rt&access_token=at&id_token=it';
    const out = r.redact(text);
    for (const secret of ['s3cr3t', 'abc123', 'vvv', '=rt', '=at', '=it']) assert.ok(!out.includes(secret), `${secret} in ${out}`);
    assert.ok(out.includes('client_id=demo'), 'client_id is not a secret');
    assert.ok(out.includes(`client_secret=${MASK}`));
  });

  it('masks secret fields in JSON, keeping the structure', () => {
    const r = new Redactor();
    const out = r.redact('{"access_token":"eyJhbGciOi.x.y","expires_in":3600,"token_type":"Bearer","refresh_token": "r\\"t"}');
    assert.equal(out, `{"access_token":"${MASK}","expires_in":3600,"token_type":"Bearer","refresh_token": "${MASK}"}`);
    assert.deepEqual(JSON.parse(out).expires_in, 3600);
  });

  it('masks Authorization and cookie header lines and bare bearer tokens', () => {
    const r = new Redactor();
    const out = r.redact('Authorization: Bearer abc.def\nCookie: sid=1; x=2\nsent with Bearer zzz-token');
    assert.ok(!out.includes('abc.def') && !out.includes('sid=1') && !out.includes('zzz-token'), out);
  });

  it('does not mask look-alike names such as error_code or countrycode', () => {
    const r = new Redactor();
    assert.equal(r.redact('error_code=E1&isoCountryCode=SE&code=x'), `error_code=E1&isoCountryCode=SE&code=${MASK}`);
  });

  it('masks a registered secret literal anywhere, also URL-encoded, and forgets it when removed', () => {
    const r = new Redactor();
    const secret = 'p@ss word/+=';
    r.addSecret(secret);
    assert.equal(r.redact(`failed for ${secret} (${encodeURIComponent(secret)})`), `failed for ${MASK} (${MASK})`);
    r.removeSecret(secret);
    assert.ok(r.redact(secret).includes('p@ss'));
  });

  it('ignores secrets too short to mask without destroying ordinary text', () => {
    const r = new Redactor();
    r.addSecret('a');
    r.addSecret('   ');
    assert.equal(r.redact('a banana'), 'a banana');
  });

  it('masks secret headers by name, whatever their case, and keeps the scheme', () => {
    const r = new Redactor();
    r.addSecret('topsecretvalue');
    const out = r.redactHeaders({
      authorization: 'Bearer token-123',
      'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
      'X-Request-ID': '7c1f0b5e-3a52-4f1c-9a55-0c6a6c8a1f70',
      'X-Echo': 'contains topsecretvalue',
      'set-cookie': ['a=1', 'b=2'],
      absent: undefined,
    });
    assert.deepEqual(out, {
      authorization: `Bearer ${MASK}`,
      'Proxy-Authorization': `Basic ${MASK}`,
      'X-Request-ID': '7c1f0b5e-3a52-4f1c-9a55-0c6a6c8a1f70',
      'X-Echo': `contains ${MASK}`,
      'set-cookie': MASK,
    });
  });
});

describe('redaction of platform error bodies', () => {
  it('keeps Berlin Group error codes readable while masking OAuth codes in query strings', () => {
    const r = new Redactor();
    const body = '{"tppMessages":[{"category":"ERROR","code":"RESOURCE_UNKNOWN","text":"no such consent"}]}';
    assert.equal(r.redact(body), body);
    assert.equal(r.redact('GET /callback?code=abc&state=xyz'), `GET /callback?code=${MASK}&state=xyz`);
  });
});

import assert from 'node:assert/strict';
import { MASK, Redactor } from '../../../src/client/redaction/redaction';

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

describe('redaction pattern rules that must not stop early', () => {
  const r = new Redactor();

  it('masks a form or query value to its end, past a quote, a space or a #', () => {
    assert.equal(r.redact("client_secret=ab'cd ef#gh&scope=x"), `client_secret=${MASK}&scope=x`);
    assert.equal(r.redact('access_token=ab cd#ef'), `access_token=${MASK}`);
    assert.equal(r.redact("sent Bearer ab'cd ef#gh"), `sent Bearer ${MASK}`);
  });

  it('keeps a Bearer challenge readable: its auth-params carry no token', () => {
    const challenge = 'Bearer realm="openpayments", error="invalid_token", error_description="The token expired"';
    assert.equal(r.redact(challenge), challenge);
    assert.equal(r.redactHeaders({ 'WWW-Authenticate': challenge })['WWW-Authenticate'], challenge);
  });

  it('masks a value inside a JSON string up to its closing quote, so the JSON stays valid', () => {
    const body = JSON.stringify({ url: "https://x/cb?code=ab'c \"d\" e#f", auth: 'Bearer ab\'c "d"', n: 1 });
    const out = r.redact(body);
    assert.deepEqual(JSON.parse(out), { url: `https://x/cb?code=${MASK}`, auth: `Bearer ${MASK}`, n: 1 });
  });

  it('masks Basic credentials anywhere: a JSON object of headers, other header names, plain text', () => {
    const basic = Buffer.from('some-client:some-secret').toString('base64');
    assert.deepEqual(JSON.parse(r.redact(JSON.stringify({ headers: { Authorization: `Basic ${basic}` }, n: 1 }))), {
      headers: { Authorization: `Basic ${MASK}` },
      n: 1,
    });
    assert.equal(r.redact(`X-Forwarded-Auth: Basic ${basic}`), `X-Forwarded-Auth: Basic ${MASK}`);
    assert.equal(r.redact(`retrying with Basic ${basic.replace(/=+$/, '')} now`), `retrying with Basic ${MASK} now`);
    assert.equal(r.redact('Basic authentication is required'), 'Basic authentication is required');
  });

  it('masks user:password in a URL, also inside an error message and with JSON-escaped slashes', () => {
    assert.equal(
      r.redact('TypeError: Request cannot be constructed from a URL that includes credentials: https://user:p@ss@host.example/x'),
      `TypeError: Request cannot be constructed from a URL that includes credentials: https://${MASK}@host.example/x`,
    );
    assert.equal(r.redact('{"u":"https:\\/\\/me:pw@host\\/p"}'), `{"u":"https:\\/\\/${MASK}@host\\/p"}`);
    assert.equal(r.redact('mail me@example.com, see https://host.example/a@b'), 'mail me@example.com, see https://host.example/a@b');
  });

  it('masks secret values of JSON fields that are numbers, keeping the JSON valid', () => {
    assert.deepEqual(JSON.parse(r.redact('{"password": 123456, "amount": 12}')), { password: MASK, amount: 12 });
  });
});

describe('redaction of known secrets', () => {
  it('masks a secret that starts right after a JSON escape without leaving a broken escape', () => {
    const r = new Redactor();
    r.addSecret('nabcdefgh');
    const out = r.redact('{"a":"x\\nabcdefgh y"}');
    assert.doesNotThrow(() => JSON.parse(out), out);
    assert.ok(!out.includes('abcdefgh'), out);
  });

  it('ignores a secret made only of invisible characters', () => {
    const r = new Redactor();
    r.addSecret('\u200B\u200B\u200B\u200B\u200B');
    assert.equal(r.redact('a\u200B\u200B\u200B\u200B\u200Bb'), 'a\u200B\u200B\u200B\u200B\u200Bb');
  });
});

// A client_secret may hold any printable ASCII character (RFC 6749 Appendix A: VSCHAR, which oidc-provider
// enforces when it registers a client); it reaches the token endpoint form-encoded (§2.3.1), in the body or
// inside HTTP Basic, and the sandbox must decode it as the platform does.
import assert from 'node:assert/strict';
import { readResponse, useSandbox } from './helpers/client';

const CLIENT_ID = 'encoding-client';
// The characters that encode differently in JSON, URLs, forms, HTML and shells.
const SECRET = `enc secret "q\\b/s+p%25'h#&<~`;

const form = (values: Record<string, string>): string => new URLSearchParams(values).toString();

describe('sandbox client secrets with special characters', () => {
  const demo = useSandbox({
    clients: [SECRET].map((clientSecret) => ({
      clientId: CLIENT_ID,
      clientSecret,
      redirectUris: ['http://127.0.0.1:53682/callback'],
      products: ['aspspinformation'],
    })),
  });

  async function token(headers: Record<string, string>, body: Record<string, string>) {
    return readResponse(
      await fetch(`${demo.sandbox.authHost}/connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: form({ grant_type: 'client_credentials', scope: 'aspspinformation private', ...body }),
      }),
    );
  }

  it('issues a token for the secret in the form body, as the extension sends it', async () => {
    const ok = await token({}, { client_id: CLIENT_ID, client_secret: SECRET });
    assert.equal(ok.status, 200, ok.text);
    const wrong = await token({}, { client_id: CLIENT_ID, client_secret: SECRET.replace('%25', '%') });
    assert.equal(wrong.status, 401, wrong.text);
  });

  it('issues a token for the secret in HTTP Basic, form-encoded first as RFC 6749 §2.3.1 says', async () => {
    const basic = Buffer.from(`${form({ v: CLIENT_ID }).slice(2)}:${form({ v: SECRET }).slice(2)}`).toString('base64');
    const ok = await token({ authorization: `Basic ${basic}` }, {});
    assert.equal(ok.status, 200, ok.text);
  });
});

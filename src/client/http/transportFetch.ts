// openid-client speaks the Fetch API; this lets it use the same Transport (pools, proxy, timeouts) as the
// API calls, and lets tests see token requests on the same path.
import type { CustomFetch, CustomFetchOptions } from 'openid-client';
import type { Transport } from './transport';

// The Fetch API forbids a body on these statuses.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

async function bodyToString(body: CustomFetchOptions['body']): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return new Response(body).text();
}

export function createTransportFetch(transport: Transport): CustomFetch {
  return async (url, options) => {
    const response = await transport.request({
      url: new URL(url),
      method: options.method,
      headers: options.headers,
      body: await bodyToString(options.body),
      signal: options.signal,
    });
    const body = NULL_BODY_STATUSES.has(response.status) ? null : response.bodyText;
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

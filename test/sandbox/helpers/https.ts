// One https exchange with the sandbox in its https + mTLS mode, with whatever CA and client certificate the test
// gives: Node's fetch cannot present a client certificate, and each test needs the status and the raw body.
import https from 'node:https';

export interface HttpsAnswer {
  readonly status: number;
  readonly body: string;
}

export function httpsRequest(url: string, options: https.RequestOptions & { body?: string; method?: string }): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { ...options, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

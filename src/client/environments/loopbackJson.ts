// One small JSON exchange with the local sandbox over node:http (which the extension host has loaded already: the
// first global fetch() of a process loads its own HTTP client first). Callers check the host is loopback first.
import { request } from 'node:http';

export type LoopbackJsonAnswer = { readonly status: number; readonly body: unknown } | 'unreachable' | 'notSandbox';

/** Sends `payload` as JSON (none when undefined); an answer over `maxBytes` or not JSON is not the sandbox's. */
export function loopbackJson(url: URL, method: string, payload: unknown, timeoutMs: number, maxBytes: number): Promise<LoopbackJsonAnswer> {
  const data = payload === undefined ? undefined : JSON.stringify(payload);
  const headers: Record<string, string> = { accept: 'application/json', ...(data === undefined ? {} : { 'content-type': 'application/json' }) };
  return new Promise((resolve) => {
    const req = request(url, { method, headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy();
          resolve('notSandbox');
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', () => resolve('unreachable'));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        } catch {
          resolve('notSandbox');
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve('unreachable'));
    req.end(data);
  });
}

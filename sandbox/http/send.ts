// Writes JSON responses; every response echoes the caller's X-Request-ID (reference §4.1).
import type { ServerResponse } from 'node:http';
import type { Reply } from './reply';

export function sendReply(res: ServerResponse, reply: Reply, requestId: string | undefined): void {
  if (res.headersSent || res.destroyed) return;
  const payload = reply.rawJson ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body));
  const headers: Record<string, string | number> = { ...reply.headers };
  if (requestId) headers['X-Request-ID'] = requestId;
  if (payload !== undefined) {
    // Only the admin logo route sets its own type; every API answer is JSON.
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
    headers['Content-Length'] = Buffer.byteLength(payload);
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

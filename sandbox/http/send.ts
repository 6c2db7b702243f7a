// Writes JSON responses; every response echoes the caller's X-Request-ID (reference §4.1).
import type { ServerResponse } from 'node:http';
import type { Reply } from './reply';

export function sendReply(res: ServerResponse, reply: Reply, requestId: string | undefined): void {
  if (res.headersSent || res.destroyed) return;
  const text = reply.rawJson ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body));
  const headers: Record<string, string | number> = { ...reply.headers };
  if (requestId) headers['X-Request-ID'] = requestId;
  if (text !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    headers['Content-Length'] = Buffer.byteLength(text);
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}

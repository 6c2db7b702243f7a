// Writes JSON responses; every response echoes the caller's X-Request-ID (reference §4.1).
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { Reply } from './reply';

export function sendReply(res: ServerResponse, reply: Reply, requestId: string | undefined): void {
  if (res.headersSent || res.destroyed) return;
  const payload = reply.rawJson ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body));
  const headers: Record<string, string | number> = { ...reply.headers };
  if (requestId) headers['X-Request-ID'] = requestId;
  if (reply.stream) {
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
    res.writeHead(reply.status, headers);
    // pipeline stops the generator when the client goes away.
    pipeline(Readable.from(reply.stream()), res).catch(() => undefined);
    return;
  }
  if (payload !== undefined && reply.trickleMs !== undefined) {
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
    headers['Content-Length'] = Buffer.byteLength(payload);
    res.writeHead(reply.status, headers);
    void trickle(res, Buffer.from(payload), reply.trickleMs);
    return;
  }
  if (payload !== undefined) {
    // Only the admin logo route sets its own type; every API answer is JSON.
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
    headers['Content-Length'] = Buffer.byteLength(payload);
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

async function trickle(res: ServerResponse, bytes: Buffer, everyMs: number): Promise<void> {
  for (let i = 0; i < bytes.length; i++) {
    if (res.destroyed) return;
    res.write(bytes.subarray(i, i + 1));
    await delay(everyMs);
  }
  if (!res.destroyed) res.end();
}

// The API host: routes from the catalogue, the platform's checks, then the handler. It answers every
// request with a proper status (never crashes on bad input): unknown path 404, wrong method 405,
// huge body 413, wrong content type 415, malformed JSON 400.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { setTimeout as delay } from 'node:timers/promises';
import { OPERATIONS, type Operation } from '../../src/client';
import type { FaultSpec, Faults } from '../faults';
import { acceptsJson } from '../http/accept';
import { BodyTooLargeError, readBody } from '../http/body';
import type { Reply } from '../http/reply';
import { sendReply } from '../http/send';
import { ApiError, formatError } from '../http/tppMessages';
import { ADMIN_PREFIX, handleAdmin, isLoopback } from './admin';
import { authenticate, requireBank, requireRequestId, type Introspect } from './checks';
import { header, REQUEST_LOG_LIMIT, type RequestContext, type SandboxEnv } from './context';
import { handlersFor } from './handlers';
import { createRequestReplay } from './requestReplay';
import { createRouter } from './router';

export interface ApiServerOptions {
  readonly env: () => SandboxEnv;
  readonly introspect: Introspect;
  readonly faults: Faults;
  readonly bodyLimitBytes: number;
  /** https (with the client-certificate demand) instead of http. */
  readonly tls?: https.ServerOptions;
}

function parseJson(raw: Buffer, headers: http.IncomingHttpHeaders): unknown {
  if (raw.length === 0) return undefined;
  const type = header(headers, 'content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError(415, 'FORMAT_ERROR', `Content-Type must be application/json, not "${type || 'none'}".`, 'Content-Type');
  }
  const text = raw.toString('utf8');
  // Postman and the official samples send an empty string as the body of body-less POSTs.
  if (text.trim() === '' || text.trim() === '""') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw formatError('body', 'The request body is not valid JSON.');
  }
}

/** Faults that replace the answer entirely; `slow` and `large-body` are applied around the handler. */
function faultReply(fault: FaultSpec): Reply | undefined {
  switch (fault.kind) {
    case 'token-expired':
      return { status: 401, body: new ApiError(401, 'TOKEN_EXPIRED', 'The access token has expired (injected fault).').toBody() };
    case 'rate-limit':
      return {
        status: 429,
        body: new ApiError(429, 'ACCESS_EXCEEDED', 'Too many requests (injected fault).').toBody(),
        headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 1) },
      };
    case 'server-error':
      return { status: 500 };
    case 'unavailable':
      return { status: 503, headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 1) } };
    case 'malformed-json':
      return { status: 200, rawJson: '{"truncated": [1, 2' };
    case 'empty-body':
      return { status: 200 };
    case 'empty-object':
      // Valid JSON that lacks every field the operation defines: how a client copes with a thin answer.
      return { status: 200, body: {} };
    default:
      return undefined;
  }
}

/** Exactly `sizeBytes` (at least 2) of a JSON array of bank-like objects, generated piece by piece. */
async function* hugeArray(sizeBytes: number): AsyncIterable<string> {
  const item = (i: number) => JSON.stringify({ index: i, name: `Sandbox Bank ${i}`, bicFi: 'SANDSESS', filler: 'x'.repeat(200) });
  const room = Math.max(0, sizeBytes - 2);
  yield '[';
  let sent = 0;
  let i = 0;
  for (;;) {
    const items: string[] = [];
    let piece = 0;
    for (;;) {
      const next = `${i === 0 ? '' : ','}${item(i)}`;
      if (piece >= 64 * 1024 || sent + piece + next.length > room) break;
      items.push(next);
      piece += next.length;
      i++;
    }
    if (items.length === 0) break;
    sent += piece;
    yield items.join('');
  }
  // Whitespace fills what no whole item fits into, so the size is exact and the array stays valid JSON.
  yield `${' '.repeat(room - sent)}]`;
}

/** The OAS gives AIS and ASPSP information a REQUESTED_FORMATS_INVALID body; PIS 406s have none ("no valid message codes"). */
function notAcceptable(op: Operation): Reply {
  if (op.product === 'paymentinitiation') return { status: 406 };
  return { status: 406, body: new ApiError(406, 'REQUESTED_FORMATS_INVALID', 'The API answers in application/json only; send Accept: application/json.', 'Accept').toBody() };
}

function padded(reply: Reply, sizeBytes: number): Reply {
  const base = reply.rawJson?.toString() ?? JSON.stringify(reply.body ?? {});
  const filler = Math.max(0, sizeBytes - base.length);
  const body = typeof reply.body === 'object' && reply.body !== null && !Array.isArray(reply.body) ? reply.body : { body: reply.body };
  return { status: reply.status, body: { ...body, sandboxPadding: 'x'.repeat(filler) }, ...(reply.headers ? { headers: reply.headers } : {}) };
}

export function createApiServer(options: ApiServerOptions): http.Server | https.Server {
  const route = createRouter(OPERATIONS);
  const handlers = handlersFor(OPERATIONS);
  const replay = createRequestReplay();

  async function dispatch(req: IncomingMessage, op: Operation, params: Record<string, string>, raw: Buffer, url: URL): Promise<Reply> {
    const fault = options.faults.take(op.id);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return { status: 0 };
    }
    if (fault?.kind === 'slow') await delay(fault.delayMs ?? 2000);
    const injected = fault && faultReply(fault);
    if (injected) return injected;
    if (fault?.kind === 'huge-body') {
      const size = fault.sizeBytes ?? 50 * 1024 * 1024;
      return { status: 200, stream: () => hugeArray(size) };
    }
    const env = options.env();
    const token = await authenticate(req.headers, op, options.introspect);
    if (!acceptsJson(header(req.headers, 'accept'))) return notAcceptable(op);
    const requestId = requireRequestId(req.headers);
    const bank = op.product === 'aspspinformation' ? undefined : requireBank(req.headers, env.directory);
    const replayed = op.method === 'POST' ? { method: op.method, target: url.pathname + url.search, bicFi: header(req.headers, 'x-bicfi'), body: raw } : undefined;
    const earlier = replayed && replay.recall(token.clientId, requestId, replayed);
    if (earlier) return earlier;
    const body = op.bodyTemplate === undefined ? undefined : parseJson(raw, req.headers);
    const ctx: RequestContext = { op, params, query: url.searchParams, headers: req.headers, body, requestId, token, env, ...(bank ? { bank } : {}) };
    const reply = await handlers.get(op.id)!(ctx);
    if (replayed) replay.remember(token.clientId, requestId, replayed, reply);
    if (fault?.kind === 'trickle') return { ...reply, trickleMs: fault.delayMs ?? 1000 };
    return fault?.kind === 'large-body' ? padded(reply, fault.sizeBytes ?? 5 * 1024 * 1024) : reply;
  }

  function recordRequest(req: IncomingMessage, status: number, requestId: string | undefined, closedEarly = false): void {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    if (path.startsWith(ADMIN_PREFIX)) return;
    let env: SandboxEnv;
    try {
      env = options.env();
    } catch {
      return;
    }
    const seq = (env.requestLog.at(-1)?.seq ?? 0) + 1;
    env.requestLog.push({ seq, method: req.method ?? 'GET', path, status, ...(requestId ? { requestId } : {}), ...(closedEarly ? { closedEarly: true as const } : {}) });
    if (env.requestLog.length > REQUEST_LOG_LIMIT) env.requestLog.splice(0, env.requestLog.length - REQUEST_LOG_LIMIT);
  }

  async function handle(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const raw = await readBody(req, options.bodyLimitBytes);
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      if (!isLoopback(req)) throw new ApiError(403, 'RESOURCE_UNKNOWN', 'Admin endpoints answer loopback callers only.');
      return handleAdmin(options.env(), { faults: options.faults, forgetRequestIds: () => replay.forget() }, req.method ?? 'GET', url.pathname, raw.length ? parseJson(raw, req.headers) : undefined);
    }
    const match = route(req.method ?? 'GET', url.pathname);
    if (match.kind === 'none') throw new ApiError(404, 'RESOURCE_UNKNOWN', `No operation at ${url.pathname}.`);
    if (match.kind === 'wrongMethod') {
      throw new ApiError(405, 'SERVICE_INVALID', `${req.method} is not allowed here.`, undefined, { Allow: match.allowed.join(', ') });
    }
    return dispatch(req, match.op, { ...match.params }, raw, url);
  }

  const listener: http.RequestListener = (req, res) => {
    const requestId = header(req.headers, 'x-request-id');
    res.on('finish', () => recordRequest(req, res.statusCode, requestId));
    // A response the client did not wait for never finishes; the log says it was cut off.
    res.on('close', () => {
      if (!res.writableFinished) recordRequest(req, res.headersSent ? res.statusCode : 0, requestId, true);
    });
    handle(req).then(
      (reply) => {
        if (reply.status !== 0) sendReply(res, reply, requestId);
      },
      (error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          const body = formatError('body', error.message).toBody();
          res.setHeader('Connection', 'close');
          sendReply(res, { status: 413, body }, requestId);
          // Stop reading the rest of the upload once the answer is out.
          res.on('finish', () => req.destroy());
          return;
        }
        if (error instanceof ApiError) {
          sendReply(res, { status: error.status, body: error.toBody(), headers: error.headers }, requestId);
          return;
        }
        console.error('sandbox: unexpected error', error);
        sendReply(res, { status: 500 }, requestId);
      },
    );
  };
  return options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
}

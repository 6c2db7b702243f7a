// A one-shot HTTP listener on the registered loopback redirect URI. It resolves with the first callback that
// carries our state and then closes; requests with a wrong or missing state are answered 400 and ignored, so
// a stray or hostile request (another local process, a web page probing ports) cannot end the user's login.
// Only timeout, the caller's signal or close() end it without a valid callback.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyCallback, type CallbackMode, type CallbackResult } from './callbackRequest';
import { isClientError } from '../../errors';
import { LoopbackError } from './loopbackError';
import { BAD_REQUEST_HTML, DEFAULT_SUCCESS_HTML, GONE_HTML, MALFORMED_HTML, NOT_FOUND_HTML, denialHtml, sendPage, sendRedirect } from './pages';
import { finishPathFor, hostHeaderFor, parseLoopbackRedirectUri } from './redirectUri';

export interface RedirectListenerOptions {
  /** The redirect URI registered with the platform, e.g. http://127.0.0.1:53682/callback. */
  readonly redirectUri: string;
  readonly expectedState: string;
  readonly mode?: CallbackMode;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** A static page for success; it must not depend on the callback (it never sees the code). */
  readonly successHtml?: string;
  /** How long the finish page stays reachable after the callback before the listener closes anyway. */
  readonly finishGraceMs?: number;
}

export interface RedirectListener {
  /** The URI to send to the auth server: the registered one, with the real port when it asked for port 0. */
  readonly redirectUri: string;
  /** Never rejects: timeout and cancellation are results too. */
  readonly result: Promise<CallbackResult>;
  /** Stops listening; a result not yet settled becomes "cancelled". */
  close(): Promise<void>;
}

export interface RedirectListenersOptions {
  /** Receives one line per event; lines name reasons and ports, never codes, states or tokens. */
  readonly log?: (line: string) => void;
}

export const DEFAULT_LISTENER_TIMEOUT_MS = 300_000;
const DEFAULT_FINISH_GRACE_MS = 5_000;
// A callback is one short GET; a connection that dawdles longer than this is not a browser redirect.
const REQUEST_TIMEOUT_MS = 10_000;

function bindError(error: unknown, port: number): LoopbackError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return new LoopbackError({ kind: 'port_in_use', port });
  return new LoopbackError({ kind: 'listen_failed', port, ...(code ? { causeCode: code } : {}) });
}

function bind(server: http.Server, address: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: unknown): void => reject(bindError(error, port));
    server.once('error', onError);
    // exclusive: never share the port with a cluster sibling that could receive our callback.
    server.listen({ host: address, port, exclusive: true }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Owns the loopback ports this extension listens on, so a second login on a port already waiting is refused
 * instead of racing the first for its callback. One instance per extension session.
 */
export class RedirectListeners {
  private readonly busy = new Set<string>();
  private readonly log: (line: string) => void;

  constructor(options: RedirectListenersOptions = {}) {
    this.log = options.log ?? (() => undefined);
  }

  async listen(options: RedirectListenerOptions): Promise<RedirectListener> {
    const uri = parseLoopbackRedirectUri(options.redirectUri);
    if (!options.expectedState) throw new LoopbackError({ kind: 'invalid_redirect_uri', reason: 'no state to expect was given' });
    const keyOf = (port: number): string => `${uri.bindAddress}|${port}`;
    if (uri.port !== 0 && this.busy.has(keyOf(uri.port))) throw new LoopbackError({ kind: 'login_in_progress', port: uri.port });
    // Reserved before the bind so two listen() calls in the same tick cannot both pass the check above.
    if (uri.port !== 0) this.busy.add(keyOf(uri.port));
    const server = http.createServer();
    let port: number;
    try {
      port = await bind(server, uri.bindAddress, uri.port);
    } catch (error) {
      this.busy.delete(keyOf(uri.port));
      this.log(`redirect listener: could not listen on port ${uri.port} (${isClientError(error, 'loopback') ? error.kind : 'error'})`);
      throw error;
    }
    const key = keyOf(port);
    this.busy.add(key);
    const host = hostHeaderFor(uri.bindAddress, port);
    const session = new ListenerSession(server, {
      ...options,
      callbackPath: uri.path,
      hosts: port === 80 ? [host, `${host}:80`] : [host],
      log: this.log,
      release: () => this.busy.delete(key),
    });
    this.log(`redirect listener: waiting for the callback on ${host}`);
    // The platform compares redirect_uri as a string with the registered one, so it is sent exactly as the
    // user wrote it (URL would add a trailing "/" or drop ":80"); only an OS-chosen port is filled in.
    const redirectUri = uri.port === 0 ? withPort(options.redirectUri, port) : options.redirectUri;
    return { redirectUri, result: session.result, close: () => session.close() };
  }
}

function withPort(redirectUri: string, port: number): string {
  const url = new URL(redirectUri);
  url.port = String(port);
  return url.toString();
}

interface SessionConfig extends RedirectListenerOptions {
  readonly callbackPath: string;
  readonly hosts: readonly string[];
  readonly log: (line: string) => void;
  readonly release: () => void;
}

/** One listener's life: waiting, then (after a callback) serving only the finish page, then closed. */
class ListenerSession {
  readonly result: Promise<CallbackResult>;
  private resolve!: (result: CallbackResult) => void;
  private settled = false;
  private finishHtml = DEFAULT_SUCCESS_HTML;
  private closing: Promise<void> | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly finishPath: string;
  private readonly onAbort = (): void => this.end({ kind: 'cancelled' });

  constructor(
    private readonly server: http.Server,
    private readonly config: SessionConfig,
  ) {
    this.result = new Promise((resolve) => (this.resolve = resolve));
    this.finishPath = finishPathFor(config.callbackPath);
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    server.headersTimeout = REQUEST_TIMEOUT_MS;
    server.keepAliveTimeout = 1_000;
    server.on('request', (req, res) => this.handle(req, res));
    server.on('clientError', (_error, socket) => socket.destroy());
    this.timers.push(setTimeout(() => this.end({ kind: 'timeout' }), config.timeoutMs ?? DEFAULT_LISTENER_TIMEOUT_MS));
    if (config.signal?.aborted) this.onAbort();
    else config.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.on('error', () => undefined);
    const decision = classifyCallback(
      { method: req.method, url: req.url, host: req.headers.host },
      {
        callbackPath: this.config.callbackPath,
        finishPath: this.finishPath,
        hosts: this.config.hosts,
        expectedState: this.config.expectedState,
        mode: this.config.mode ?? 'code',
        finished: this.settled,
      },
    );
    switch (decision.action) {
      case 'reject': {
        this.config.log(`redirect listener: refused a request (${decision.reason}, HTTP ${decision.status})`);
        const html = decision.status === 404 ? NOT_FOUND_HTML : decision.status === 410 ? GONE_HTML : BAD_REQUEST_HTML;
        sendPage(res, decision.status, html, decision.status === 405 ? { Allow: 'GET' } : {});
        return;
      }
      case 'finish_page':
        if (!this.settled) {
          sendPage(res, 404, NOT_FOUND_HTML);
          return;
        }
        sendPage(res, 200, this.finishHtml);
        // The browser has its page; nothing else may reach this listener.
        res.on('finish', () => void this.close());
        return;
      case 'accept': {
        const { result } = decision;
        this.finishHtml =
          result.kind === 'denied' ? denialHtml(result) : result.kind === 'malformed' ? MALFORMED_HTML : (this.config.successHtml ?? DEFAULT_SUCCESS_HTML);
        this.config.log(`redirect listener: callback received (${result.kind})`);
        // Redirect so the code and state leave the address bar and history before any page renders.
        sendRedirect(res, this.finishPath);
        this.settle(result);
        this.timers.push(setTimeout(() => void this.close(), this.config.finishGraceMs ?? DEFAULT_FINISH_GRACE_MS));
        return;
      }
    }
  }

  private settle(result: CallbackResult): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.config.signal?.removeEventListener('abort', this.onAbort);
    this.resolve(result);
    return true;
  }

  private end(result: CallbackResult): void {
    if (this.settle(result)) this.config.log(`redirect listener: ended (${result.kind})`);
    void this.close();
  }

  close(): Promise<void> {
    this.settle({ kind: 'cancelled' });
    this.closing ??= new Promise<void>((resolve) => {
      for (const timer of this.timers) clearTimeout(timer);
      this.server.close(() => {
        this.config.release();
        this.config.log('redirect listener: closed');
        resolve();
      });
      this.server.closeAllConnections();
    });
    return this.closing;
  }
}

// What a handler returns; the server writes it (JSON, X-Request-ID echo, faults applied on the way).
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** Already serialised JSON (bytes for large cached responses, so they are not re-encoded per request). */
  readonly rawJson?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  /** A body too large to build in memory, written as it is generated (chunked, no Content-Length). */
  readonly stream?: () => AsyncIterable<string>;
  /** Send the body one byte every this many milliseconds (headers at once). */
  readonly trickleMs?: number;
}

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, ...(headers ? { headers } : {}) });
export const created = (body: unknown, location: string, headers: Record<string, string> = {}): Reply => ({
  status: 201,
  body,
  headers: { location, ...headers },
});
export const noContent = (): Reply => ({ status: 204 });

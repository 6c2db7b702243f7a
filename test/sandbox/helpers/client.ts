// A small HTTP client for the sandbox tests: real HTTP on loopback (fetch), one call per catalogue operation,
// every response's headers and JSON body checked against the OAS when the reference folder is present, and
// the X-Request-ID it sent checked for the echo.
import crypto from 'node:crypto';
import { catalogueOperation, type Operation, type OperationId } from '../../../src/client/catalogue/catalogue';
import { start, type Sandbox, type SandboxOptions } from '../../../sandbox/index';
import { validateResponse, validateResponseHeaders } from './oas';
import { hasReference, OAS_FILE } from './reference';

export interface Response {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON body (object shape unknown to the test until asserted). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response fields and assert them
  readonly json: Record<string, any>;
}

export interface CallOptions {
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly token?: string;
  readonly bic?: string;
  readonly scope?: string;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return start({ authPort: 0, apiPort: 0, ...options });
}

/**
 * One sandbox for the describe block that calls this: started before its tests, closed after them. Returns the
 * demo client's SandboxClient for it; its `sandbox` is there from the block's first hook on. Hooks the block
 * registers after this call run after the start, so they can already call the sandbox.
 */
export function useSandbox(options: SandboxOptions = {}): SandboxClient {
  let started: Sandbox | undefined;
  before(async () => {
    started = await startSandbox(options);
  });
  after(async () => {
    await started?.close();
    started = undefined;
  });
  return new SandboxClient(() => {
    if (!started) throw new Error('useSandbox: the sandbox runs only inside the describe block\'s hooks and tests');
    return started;
  });
}

export async function readResponse(res: globalThis.Response): Promise<Response> {
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Response.json
  let json: Record<string, any> = {};
  if ((res.headers.get('content-type') ?? '').includes('json') && text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = {};
    }
  }
  return { status: res.status, headers: res.headers, text, json };
}

const CHECK_OAS = hasReference(OAS_FILE);
// Said once, loudly: without the reference folder every call still checks behaviour, but no longer the OAS schema.
if (!CHECK_OAS) console.log(`      (OAS checks of sandbox responses are off: ${OAS_FILE} is not in ../shared/reference)`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class SandboxClient {
  private readonly tokens = new Map<string, string>();
  private readonly sandboxNow: () => Sandbox;

  /**
   * `sandbox`: the sandbox, or how to reach it once started (useSandbox); `as`: the OAuth client this test client
   * acts as (the sandbox's demo client unless told).
   */
  constructor(
    sandbox: Sandbox | (() => Sandbox),
    private readonly as?: Sandbox['client'],
  ) {
    this.sandboxNow = typeof sandbox === 'function' ? sandbox : () => sandbox;
  }

  get sandbox(): Sandbox {
    return this.sandboxNow();
  }

  get identity(): Sandbox['client'] {
    return this.as ?? this.sandbox.client;
  }

  async tokenResponse(scope: string, client = this.identity, extra: Record<string, string> = {}): Promise<Response> {
    const form = new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret, grant_type: 'client_credentials', scope, ...extra });
    const res = await fetch(`${this.sandbox.authHost}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
    });
    return readResponse(res);
  }

  async token(scope: string): Promise<string> {
    let token = this.tokens.get(scope);
    if (!token) {
      const res = await this.tokenResponse(scope);
      if (res.status !== 200) throw new Error(`token for "${scope}" failed: ${res.status} ${res.text}`);
      token = String(res.json['access_token']);
      this.tokens.set(scope, token);
    }
    return token;
  }

  /** Calls one catalogue operation by id. */
  async call(operationId: OperationId, options: CallOptions = {}): Promise<Response> {
    const op = catalogueOperation(operationId);
    const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const value = options.params?.[name] ?? (name === 'payment-service' ? 'payments' : undefined);
      if (value === undefined) throw new Error(`${operationId}: missing path parameter ${name}`);
      return encodeURIComponent(value);
    });
    const url = new URL(`${this.sandbox.apiHost}${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const token = options.token ?? (await this.token(options.scope ?? `${op.product} private`));
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      'x-request-id': crypto.randomUUID(),
      ...(options.bic ? { 'x-bicfi': options.bic } : {}),
      ...(options.body !== undefined || options.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    };
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const res = await readResponse(await fetch(url, { method: op.method, headers, ...(body === undefined ? {} : { body }) }));
    const sent = headers['x-request-id'];
    if (sent !== undefined && res.headers.get('x-request-id') !== sent) {
      throw new Error(`${operationId} ${res.status}: X-Request-ID "${res.headers.get('x-request-id')}" is not the "${sent}" sent`);
    }
    // A test that sends a malformed X-Request-ID gets it echoed verbatim (checked above), which cannot match the OAS's uuid format.
    this.check(op, res, sent !== undefined && !UUID.test(sent) ? ['X-Request-ID'] : []);
    return res;
  }

  /** OAS check of a response to a catalogue operation: headers always, the body when it is JSON (no-op without the reference folder). */
  check(op: Operation, res: Response, exceptHeaders: readonly string[] = []): void {
    if (!CHECK_OAS) return;
    validateResponseHeaders(op.id, op.method, op.path, res.status, res.headers, exceptHeaders);
    if (res.text && (res.headers.get('content-type') ?? '').includes('json')) {
      validateResponse(op.id, op.method, op.path, res.status, res.json);
    }
  }
}

// The MCP protocol as this server speaks it: JSON-RPC 2.0 messages (https://modelcontextprotocol.io/specification)
// for a server that has tools and nothing else: initialize with version negotiation, ping, tools/list, tools/call,
// and the client's cancellation of a call. Ours rather than the MCP SDK's server, whose every message is checked by
// zod schemas: zod alone was 97 KB of the 141 KB that server bundle took, and it held the VSIX over its budget.
// The SDK's own client drives this in the tests, so a change that breaks a real client fails there.

/** Newest first: what initialize answers when the client asks for a version it does not know. */
export const PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'] as const;

export const JsonRpcError = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
} as const;
export type JsonRpcErrorCode = (typeof JsonRpcError)[keyof typeof JsonRpcError];

export type JsonRpcId = string | number;
export type Message = Readonly<Record<string, unknown>>;

export interface ServerInfo {
  readonly name: string;
  readonly version: string;
  readonly instructions: string;
}

/** What the server offers: its tool list, and a call that never throws and stops when `signal` aborts. */
export interface ToolProvider {
  listTools(): readonly object[];
  callTool(name: string, args: Readonly<Record<string, unknown>>, signal: AbortSignal): Promise<object>;
}

/** A JSON-RPC answer that carries a result. */
function resultAnswer(id: JsonRpcId, result: object): Message {
  return { jsonrpc: '2.0', id, result };
}

/** A JSON-RPC error answer; `id` is null when the request's own id could not be read. */
export function errorAnswer(id: JsonRpcId | null, code: JsonRpcErrorCode, message: string): Message {
  return { jsonrpc: '2.0', id, error: { code, message } };
}

const isRecord = (value: unknown): value is Message => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is JsonRpcId => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/**
 * One client's session. Messages come in through receive(); answers leave through `send`, in the order their work
 * finishes (JSON-RPC matches them by id). A call the client cancelled is stopped and gets no answer, as the
 * specification asks.
 */
export class McpProtocol {
  private readonly inFlight = new Map<JsonRpcId, AbortController>();

  constructor(
    private readonly info: ServerInfo,
    private readonly tools: ToolProvider,
    private readonly send: (message: Message | readonly Message[]) => void,
  ) {}

  receive(message: unknown): void {
    if (!Array.isArray(message)) {
      void this.answer(message).then((reply) => reply && this.send(reply));
      return;
    }
    // A batch (protocol 2025-03-26): one array of answers, without the notifications'.
    if (message.length === 0) {
      this.send(errorAnswer(null, JsonRpcError.InvalidRequest, 'Invalid request: an empty batch.'));
      return;
    }
    void Promise.all(message.map((item) => this.answer(item))).then((replies) => {
      const answers = replies.filter((reply): reply is Message => reply !== undefined);
      if (answers.length) this.send(answers);
    });
  }

  /** Stops every call still running: the connection is gone, so no one waits for their answers. */
  close(): void {
    for (const controller of this.inFlight.values()) controller.abort();
    this.inFlight.clear();
  }

  private async answer(message: unknown): Promise<Message | undefined> {
    if (!isRecord(message) || message.jsonrpc !== '2.0') {
      return errorAnswer(isRecord(message) && isId(message.id) ? message.id : null, JsonRpcError.InvalidRequest, 'Invalid request: not a JSON-RPC 2.0 message.');
    }
    if (typeof message.method !== 'string') {
      // An answer to a request of ours; this server sends none, so there is nothing to match it with.
      if ('result' in message || 'error' in message) return undefined;
      return errorAnswer(isId(message.id) ? message.id : null, JsonRpcError.InvalidRequest, 'Invalid request: it has no method.');
    }
    if (!('id' in message)) {
      this.notified(message.method, message.params);
      return undefined;
    }
    if (!isId(message.id)) return errorAnswer(null, JsonRpcError.InvalidRequest, 'Invalid request: its id is neither a string nor a number.');
    try {
      return await this.request(message.id, message.method, message.params);
    } catch {
      // Our handlers return every failure as a value; whatever this was, its text could carry a secret.
      return errorAnswer(message.id, JsonRpcError.InternalError, 'Internal error: the server failed to answer; its stderr has what it could say.');
    }
  }

  private notified(method: string, params: unknown): void {
    if (method === 'notifications/cancelled' && isRecord(params) && isId(params.requestId)) {
      this.inFlight.get(params.requestId)?.abort();
    }
    // notifications/initialized and every other notification need nothing from a tools-only server.
  }

  private async request(id: JsonRpcId, method: string, params: unknown): Promise<Message | undefined> {
    switch (method) {
      case 'initialize': {
        const asked = isRecord(params) ? params.protocolVersion : undefined;
        const version = PROTOCOL_VERSIONS.find((v) => v === asked) ?? PROTOCOL_VERSIONS[0];
        return resultAnswer(id, {
          protocolVersion: version,
          capabilities: { tools: { listChanged: false } },
          serverInfo: { name: this.info.name, version: this.info.version },
          instructions: this.info.instructions,
        });
      }
      case 'ping':
        return resultAnswer(id, {});
      case 'tools/list':
        return resultAnswer(id, { tools: this.tools.listTools() });
      case 'tools/call':
        return this.call(id, params);
      default:
        return errorAnswer(id, JsonRpcError.MethodNotFound, `Method not found: ${method.slice(0, 80)}. This server offers tools only (tools/list, tools/call).`);
    }
  }

  private async call(id: JsonRpcId, params: unknown): Promise<Message | undefined> {
    if (!isRecord(params) || typeof params.name !== 'string') {
      return errorAnswer(id, JsonRpcError.InvalidParams, 'Invalid params: tools/call needs the tool\'s name.');
    }
    const args = params.arguments ?? {};
    if (!isRecord(args)) return errorAnswer(id, JsonRpcError.InvalidParams, 'Invalid params: a tool\'s arguments are an object.');
    if (this.inFlight.has(id)) return errorAnswer(id, JsonRpcError.InvalidRequest, `Invalid request: a call with id ${JSON.stringify(id)} is still running.`);
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    try {
      const outcome = await this.tools.callTool(params.name, args, controller.signal);
      return controller.signal.aborted ? undefined : resultAnswer(id, outcome);
    } finally {
      if (this.inFlight.get(id) === controller) this.inFlight.delete(id);
    }
  }
}

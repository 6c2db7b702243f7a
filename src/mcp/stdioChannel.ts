// MCP's stdio transport: one JSON-RPC message per line, UTF-8, in on stdin and out on stdout. A line is bounded
// (MAX_LINE_BYTES): a client that never sends a newline cannot grow the server's memory without end.
import type { Readable, Writable } from 'node:stream';
import { JsonRpcError, errorAnswer, type Message } from './protocol';

/** Far above any tool call (a consent or payment body is a few KB), far below what would hurt. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export interface ChannelEvents {
  message(message: unknown): void;
  /** stdin ended or stdout broke: the client is gone. Called once. */
  closed(): void;
}

export class StdioChannel {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Inside a line that was too long: everything up to its newline is dropped. */
  private skipping = false;
  private closed = false;
  private events: ChannelEvents | undefined;
  private readonly onData = (chunk: Buffer | string): void => this.read(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  private readonly onEnd = (): void => this.close();

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  start(events: ChannelEvents): void {
    this.events = events;
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.input.on('close', this.onEnd);
    // EPIPE once the client has gone: the same as stdin ending, never an uncaught error.
    this.output.on('error', this.onEnd);
  }

  send(message: Message | readonly Message[]): void {
    if (this.closed) return;
    this.output.write(`${JSON.stringify(message)}\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.off('close', this.onEnd);
    this.input.pause();
    this.pending = [];
    this.events?.closed();
  }

  private read(chunk: Buffer): void {
    let start = 0;
    // Splitting bytes at '\n' is safe for UTF-8: no byte of a multi-byte character is 0x0A.
    for (let newline = chunk.indexOf(0x0a); newline !== -1 && !this.closed; newline = chunk.indexOf(0x0a, start)) {
      this.keep(chunk.subarray(start, newline));
      this.line();
      start = newline + 1;
    }
    if (start < chunk.length && !this.closed) this.keep(chunk.subarray(start));
  }

  private keep(part: Buffer): void {
    if (this.skipping) return;
    if (this.pendingBytes + part.length > this.maxLineBytes) {
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = true;
      this.send(errorAnswer(null, JsonRpcError.ParseError, `Parse error: a message longer than ${this.maxLineBytes} bytes was dropped.`));
      return;
    }
    if (part.length) {
      this.pending.push(part);
      this.pendingBytes += part.length;
    }
  }

  private line(): void {
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    const text = bytes.toString('utf8').replace(/\r$/, '');
    if (!text.trim()) return;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.send(errorAnswer(null, JsonRpcError.ParseError, 'Parse error: a line that is not JSON was dropped.'));
      return;
    }
    this.events?.message(message);
  }
}

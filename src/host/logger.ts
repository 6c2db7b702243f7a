// The extension's one log: the "Open Payments" LogOutputChannel, with every line redacted first and tagged with
// the part of the extension that wrote it ("[http] GET /psd2/… 200 …"), so one part's lines can be filtered.
import type * as vscode from 'vscode';
import type { Redactor } from '../client/redaction/redaction';

export class Logger {
  constructor(
    private readonly channel: vscode.LogOutputChannel,
    private readonly redactor: Redactor,
    private readonly component = 'extension',
  ) {}

  /** The same log, its lines tagged with `component` (a short lower-case name: "http", "sca", "setup"). */
  for(component: string): Logger {
    return new Logger(this.channel, this.redactor, component);
  }

  trace(message: string): void {
    this.channel.trace(this.line(message));
  }

  debug(message: string): void {
    this.channel.debug(this.line(message));
  }

  info(message: string): void {
    this.channel.info(this.line(message));
  }

  warn(message: string): void {
    this.channel.warn(this.line(message));
  }

  /** Logs the error's message (redacted), never its stack: stacks can carry request bodies and tokens. */
  error(message: string, error?: unknown): void {
    const detail = error === undefined ? '' : `: ${describeError(error)}`;
    this.channel.error(this.line(message + detail));
  }

  private line(message: string): string {
    return this.redactor.redact(`[${this.component}] ${message}`);
  }

  show(): void {
    this.channel.show(true);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

// Sends the request-file block at a line through the extension's runner: the active environment's hosts, a
// token for the operation's scope, a fresh X-Request-ID and the PSU headers from settings (asked for when a
// call cannot go without one). The block is resolved as every action on it is (see blockResolution); a block
// that is no catalogue operation is refused with a message.
import * as vscode from 'vscode';
import type { ApiResult } from '../../client/http/requestFailure';
import type { RequestRunner } from '../../host/requestRunner';
import type { BlockResolver } from './blockResolution';

/** What a send came to; the command returns it (the extension-host tests read it). */
export type SendBlockOutcome = { readonly sent: true; readonly result: ApiResult | undefined } | { readonly sent: false; readonly message: string };

export class SendBlockCommand {
  constructor(
    private readonly runner: RequestRunner,
    private readonly blocks: BlockResolver,
  ) {}

  async run(uriArg?: unknown, lineArg?: unknown): Promise<SendBlockOutcome> {
    const resolved = await this.blocks.resolve(uriArg, lineArg);
    if (!resolved.ok) {
      const message = vscode.l10n.t('Nothing was sent. {0}', resolved.reason);
      void vscode.window.showWarningMessage(message);
      return { sent: false, message };
    }
    const { match, context } = resolved;
    const result = await this.runner.run({
      operation: match.operation,
      params: match.params,
      ...(match.body === undefined ? {} : { body: match.body }),
      ...(context ? { context } : {}),
    });
    return { sent: true, result };
  }
}

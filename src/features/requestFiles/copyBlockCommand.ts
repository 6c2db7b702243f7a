// Copy as Code on a request-file block: resolved exactly as Send resolves it (the same file variables, last
// consent and payment, active environment), then handed as a request description to the Copy as Code command,
// which the copyAsCode feature owns; features meet through VS Code's command registry, never by import.
import * as vscode from 'vscode';
import type { RequestDescription } from '../../client/codegen/describedRequest';
import type { BlockResolver } from './blockResolution';
import { COPY_AS_CODE_COMMAND } from './requestFileIds';

/**
 * What a copy came to; the command returns it (the extension-host tests read it). No `message` when Copy as Code
 * itself copied nothing (the user cancelled the language pick, or it told them why).
 */
export type CopyBlockOutcome = { readonly copied: true; readonly code: string } | { readonly copied: false; readonly message?: string };

export class CopyBlockCommand {
  constructor(private readonly blocks: BlockResolver) {}

  async run(uriArg?: unknown, lineArg?: unknown, languageId?: unknown): Promise<CopyBlockOutcome> {
    const resolved = await this.blocks.resolve(uriArg, lineArg);
    if (!resolved.ok) {
      const message = vscode.l10n.t('Nothing was copied. {0}', resolved.reason);
      void vscode.window.showWarningMessage(message);
      return { copied: false, message };
    }
    const { match, context, environmentId } = resolved;
    const description: RequestDescription = {
      operationId: match.operation.id,
      params: match.params,
      ...(match.body === undefined ? {} : { body: match.body }),
      ...(context ? { context } : {}),
      environmentId,
    };
    const code = await vscode.commands.executeCommand<string | undefined>(COPY_AS_CODE_COMMAND, description, ...(typeof languageId === 'string' ? [languageId] : []));
    return code === undefined ? { copied: false } : { copied: true, code };
  }
}

// Sends the request-file block at a line through the extension's runner: the active environment's hosts, a
// token for the operation's scope, a fresh X-Request-ID and the PSU headers from settings (asked for when a
// call cannot go without one). `{{consentId}}` and `{{paymentId}}` come from the file, else from the last
// consent and payment of the environment. A block that is no catalogue operation is refused with a message.
import * as vscode from 'vscode';
import type { ApiResult } from '../../client/http/requestFailure';
import type { ConsentStore } from '../../client/consents/consentStore';
import type { PaymentStore } from '../../client/payments/paymentRecords';
import { blockAt, parseHttpFile, problemAt } from '../../client/requestFiles/httpFileSyntax';
import { matchBlock, type BlockMatch } from '../../client/requestFiles/operationMatch';
import type { ActiveEnvironment } from '../../host/activeEnvironment';
import type { RequestRunner } from '../../host/requestRunner';
import { describeSyntaxProblem } from './requestFileLens';

/** What a send came to; the command returns it (the extension-host tests read it). */
export type SendBlockOutcome = { readonly sent: true; readonly result: ApiResult | undefined } | { readonly sent: false; readonly message: string };

export class SendBlockCommand {
  constructor(
    private readonly runner: RequestRunner,
    private readonly environment: ActiveEnvironment,
    private readonly consents: ConsentStore,
    private readonly payments: PaymentStore,
  ) {}

  async run(uriArg?: unknown, lineArg?: unknown): Promise<SendBlockOutcome> {
    const target = await this.target(uriArg, lineArg);
    if (!target) return this.refuse(vscode.l10n.t('Open a request file (.http) and put the cursor in the request to send.'));
    const { document, line } = target;
    const file = parseHttpFile(document.getText());
    const problem = problemAt(file, line);
    const block = blockAt(file, line);
    if (problem) {
      return this.refuse(vscode.l10n.t('Line {0} cannot be read, so nothing was sent: {1}', problem.line + 1, describeSyntaxProblem(problem)));
    }
    if (!block) return this.refuse(vscode.l10n.t('There is no request at line {0}, so nothing was sent. Put the cursor in a request that starts with METHOD URL.', line + 1));

    const environmentId = this.environment.state.id;
    const match = matchBlock(block, { variables: file.variables, supplied: (name) => this.lastId(environmentId, name) });
    if (match.kind !== 'operation') return this.refuse(describeRefusal(match, block.requestLine));
    const consentId = match.params['Consent-ID'] ?? match.params.consentId;
    const consent = consentId === undefined ? undefined : this.consents.get(environmentId, consentId);
    const result = await this.runner.run({
      operation: match.operation,
      params: match.params,
      ...(match.body === undefined ? {} : { body: match.body }),
      // Account calls must be made in the context the consent was given in.
      ...(consent ? { context: consent.context } : {}),
    });
    return { sent: true, result };
  }

  /** The newest consent or payment of the environment, for a file that does not define its id. */
  private lastId(environmentId: string, name: string): string | undefined {
    if (name === 'consentId') return newest(this.consents.list(environmentId))?.consentId;
    if (name === 'paymentId') return newest(this.payments.list(environmentId))?.paymentId;
    return undefined;
  }

  private async target(uriArg: unknown, lineArg: unknown): Promise<{ document: vscode.TextDocument; line: number } | undefined> {
    if (uriArg instanceof vscode.Uri && typeof lineArg === 'number') return { document: await vscode.workspace.openTextDocument(uriArg), line: lineArg };
    const editor = vscode.window.activeTextEditor;
    return editor ? { document: editor.document, line: editor.selection.active.line } : undefined;
  }

  private refuse(message: string): SendBlockOutcome {
    void vscode.window.showWarningMessage(message);
    return { sent: false, message };
  }
}

function newest<T extends { readonly createdAt: string }>(records: readonly T[]): T | undefined {
  return [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

function describeRefusal(match: Exclude<BlockMatch, { kind: 'operation' }>, requestLine: number): string {
  const line = requestLine + 1;
  switch (match.kind) {
    case 'unknownVariable':
      return vscode.l10n.t(
        'Nothing was sent: line {0} uses {{{1}}}, which neither the file nor the extension defines. Define it at the top of the file, e.g. @{1} = value.',
        match.line + 1,
        match.name,
      );
    case 'unknownQuery':
      return vscode.l10n.t('Nothing was sent: {0} takes no query parameter "{1}" (line {2}). Remove it, or check its spelling.', match.operation.title, match.name, line);
    case 'notCatalogue':
      if (match.reason === 'authHost') {
        return vscode.l10n.t('Nothing was sent: the request at line {0} goes to the authorization server. Open Payments gets tokens itself; send the API request that needs one.', line);
      }
      if (match.reason === 'otherHost') {
        return vscode.l10n.t(
          'Nothing was sent: the request at line {0} names its own host. Write its URL as {{API_HOST}}/psd2/… so it goes to the active environment.',
          line,
        );
      }
      return vscode.l10n.t('Nothing was sent: {0} {1} at line {2} is no Open Payments operation. Send Request… lists the operations there are.', match.method, match.path, line);
  }
}

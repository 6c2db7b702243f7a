// Which request a request-file block is, resolved the same way for every action on it (send, copy as code):
// the document and line (the lens's arguments, or the editor's cursor), the file's variables, then the last
// consent and payment of the active environment for `{{consentId}}` and `{{paymentId}}`, and the PSU context
// the consent was given in. A block that is no operation gets one reason, worded here for whichever action.
import * as vscode from 'vscode';
import type { PsuContext } from '../../client/catalogue/operationTypes';
import type { ConsentStore } from '../../client/consents/consentStore';
import type { PaymentStore } from '../../client/payments/paymentRecords';
import { operationAtLine, type OperationAtLine, type OperationMatch } from '../../client/requestFiles/operationAtLine';
import type { ActiveEnvironment } from '../../host/activeEnvironment';
import { describeSyntaxProblem } from './requestFileLens';

export interface ResolvedBlock {
  readonly ok: true;
  readonly environmentId: string;
  readonly match: OperationMatch;
  /** Account calls must be made in the context the consent was given in. */
  readonly context?: PsuContext;
}

/** `reason`: full sentences saying why the block is no request and what to do; the action says what did not happen. */
export type BlockResolution = ResolvedBlock | { readonly ok: false; readonly reason: string };

export class BlockResolver {
  constructor(
    private readonly environment: Pick<ActiveEnvironment, 'state'>,
    private readonly consents: ConsentStore,
    private readonly payments: PaymentStore,
  ) {}

  async resolve(uriArg: unknown, lineArg: unknown): Promise<BlockResolution> {
    const target = await this.target(uriArg, lineArg);
    if (!target) return { ok: false, reason: vscode.l10n.t('Open a request file (.http or .rest) and put the cursor in a request.') };
    const environmentId = this.environment.state.id;
    const found = operationAtLine(target.document.getText(), target.line, (name) => this.lastId(environmentId, name));
    if (found.kind !== 'operation') return { ok: false, reason: describeNoOperation(found) };
    const { match } = found;
    const consentId = match.params['Consent-ID'] ?? match.params.consentId;
    const consent = consentId === undefined ? undefined : this.consents.get(environmentId, consentId);
    return { ok: true, environmentId, match, ...(consent ? { context: consent.context } : {}) };
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
}

function newest<T extends { readonly createdAt: string }>(records: readonly T[]): T | undefined {
  return [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

function describeNoOperation(found: Exclude<OperationAtLine, { kind: 'operation' }>): string {
  switch (found.kind) {
    case 'syntax':
      return vscode.l10n.t('Line {0} cannot be read: {1}', found.problem.line + 1, describeSyntaxProblem(found.problem));
    case 'noRequest':
      return vscode.l10n.t('There is no request at line {0}. Put the cursor in a request that starts with METHOD URL.', found.line + 1);
    case 'notOperation':
      return describeNotOperation(found.match, found.requestLine + 1);
  }
}

function describeNotOperation(match: Extract<OperationAtLine, { kind: 'notOperation' }>['match'], line: number): string {
  switch (match.kind) {
    case 'unknownVariable':
      return vscode.l10n.t(
        'Line {0} uses {{{1}}}, which neither the file nor the extension defines. Define it at the top of the file, e.g. @{1} = value.',
        match.line + 1,
        match.name,
      );
    case 'unknownQuery':
      return vscode.l10n.t('{0} takes no query parameter "{1}" (line {2}). Remove it, or check its spelling.', match.operation.title, match.name, line);
    case 'notCatalogue':
      if (match.reason === 'authHost') {
        return vscode.l10n.t('The request at line {0} goes to the authorization server. Open Payments gets tokens itself; use the API request that needs one.', line);
      }
      if (match.reason === 'otherHost') {
        return vscode.l10n.t('The request at line {0} names its own host. Write its URL as {{API_HOST}}/psd2/… so it goes to the active environment.', line);
      }
      return vscode.l10n.t('{0} {1} at line {2} is no Open Payments operation. Send Request… lists the operations there are.', match.method, match.path, line);
  }
}

// Save as Request File: from the last request sent, a History entry, or a tree item an operation applies to.
// Appends a block to a .http or .rest file the user picks (or a new one), never writing a secret: the writer puts
// variables in place of the token, the X-Request-ID, the host and the ids, and the redactor masks any value
// that is a secret the extension knows, as a last guard.
import * as vscode from 'vscode';
import { catalogueOperation, findOperation } from '../../client/catalogue/catalogue';
import type { HistoryStore } from '../../client/history/historyStore';
import type { Redactor } from '../../client/redaction/redaction';
import { appendRequestBlock, requestBlock, type SavedRequest } from '../../client/requestFiles/httpFileWriter';
import { Disposable } from '../../host/disposable';
import type { Prompter } from '../../host/prompter';
import type { ExchangeRecord } from '../../host/requestRunner';
import type { ResponseViews } from '../../host/responseViews';
import type { BankNode, ConsentNode } from '../../host/treeNodes';
import { REQUEST_FILE_EXTENSIONS, REQUEST_FILE_GLOB } from './requestFileIds';

const NEW_FILE = 'openPayments.newRequestFile';

export class SaveRequestCommands extends Disposable {
  private last: ExchangeRecord | undefined;

  constructor(
    responses: ResponseViews,
    private readonly history: HistoryStore,
    private readonly prompter: Prompter,
    private readonly redactor: Redactor,
  ) {
    super();
    this._register(responses.onDidShow((record) => (this.last = record)));
  }

  /** The request last sent for the user to see (in the response view), in whichever way it was sent. */
  async saveLast(): Promise<vscode.Uri | undefined> {
    const record = this.last;
    if (!record) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No request has been sent in this window yet. Send one, then save it as a request file.'));
      return undefined;
    }
    return this.save({ operation: record.operation, params: record.input.params, ...(record.input.body === undefined ? {} : { body: record.input.body }) });
  }

  async saveFromHistory(arg: unknown): Promise<vscode.Uri | undefined> {
    const id = typeof arg === 'object' && arg !== null ? (arg as { id?: unknown }).id : undefined;
    const entry = typeof id === 'string' ? this.history.get(id) : undefined;
    if (!entry) {
      void vscode.window.showInformationMessage(vscode.l10n.t('That request is no longer in the history.'));
      return undefined;
    }
    const operation = findOperation(entry.operationId);
    if (!entry.replay || !operation) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} cannot be saved as a request file: its request was too large to keep in History.', entry.operationTitle));
      return undefined;
    }
    return this.save({ operation, params: entry.replay.params, ...(entry.replay.body === undefined ? {} : { body: entry.replay.body }) });
  }

  async saveFromTree(node: unknown): Promise<vscode.Uri | undefined> {
    const request = requestForNode(node as BankNode | ConsentNode | undefined);
    if (!request) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Choose a bank, consent, account or payment in the Open Payments views to save its request as a request file.'));
      return undefined;
    }
    return this.save(request);
  }

  private async save(request: SavedRequest): Promise<vscode.Uri | undefined> {
    const target = await this.pickFile();
    if (!target) return undefined;
    // Values only: the block's own lines (Authorization: Bearer {{token}}) are no secret, and masking them would
    // leave a line no tool can send.
    const params = Object.fromEntries(Object.entries(request.params).map(([name, value]) => [name, value === undefined ? undefined : this.redactor.redact(value)]));
    const body = request.body === undefined ? undefined : this.redactor.redact(typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
    const masked = requestBlock({ operation: request.operation, params, ...(body === undefined ? {} : { body }) });
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === target.toString());
    const before = open ? open.getText() : await readText(target);
    const after = appendRequestBlock(before, masked);
    if (open) {
      // An open file may hold unsaved text of the user's: the block goes into the editor, then the file is saved.
      const editor = await vscode.window.showTextDocument(open, { preview: false });
      await editor.edit((builder) => builder.replace(new vscode.Range(open.positionAt(0), open.positionAt(before.length)), after));
      await open.save();
    } else {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(after));
    }
    const document = await vscode.workspace.openTextDocument(target);
    const line = Math.max(0, document.lineCount - 1 - (masked.text.split('\n').length - 2));
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(line, 0, line, 0), preview: false });
    return target;
  }

  private async pickFile(): Promise<vscode.Uri | undefined> {
    const files = await vscode.workspace.findFiles(REQUEST_FILE_GLOB, '**/node_modules/**', 200);
    files.sort((a, b) => vscode.workspace.asRelativePath(a).localeCompare(vscode.workspace.asRelativePath(b)));
    const items = [
      ...files.map((uri) => ({ id: uri.toString(), label: vscode.workspace.asRelativePath(uri), uri })),
      { id: NEW_FILE, label: vscode.l10n.t('New file…'), uri: undefined },
    ];
    const picked = await this.prompter.pick(items, { placeHolder: vscode.l10n.t('The request file to add this request to') });
    if (!picked) return undefined;
    if (picked.uri) return picked.uri;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({
      filters: { [vscode.l10n.t('Request files')]: REQUEST_FILE_EXTENSIONS },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'open-payments.http') } : {}),
      saveLabel: vscode.l10n.t('Save Request'),
    });
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // A new file: nothing to append to.
    return '';
  }
}

/** The request a tree item stands for: a bank's details, a consent's status, an account's balances, a payment's status. */
export function requestForNode(node: BankNode | ConsentNode | undefined): SavedRequest | undefined {
  switch (node?.kind) {
    case 'bank':
      return { operation: catalogueOperation('getASPSPDetails'), params: { bicFi: node.bank.bicFi } };
    case 'consent':
      return { operation: catalogueOperation('getConsentStatus'), params: { consentId: node.consent.consentId, 'X-BicFi': node.consent.bicFi } };
    case 'account':
    case 'balances':
      return {
        operation: catalogueOperation('getBalances'),
        params: { 'account-id': node.account.resourceId, 'Consent-ID': node.consent.consentId, 'X-BicFi': node.consent.bicFi },
      };
    case 'transactions':
      return {
        operation: catalogueOperation('getTransactionList'),
        params: {
          'account-id': node.account.resourceId,
          bookingStatus: 'both',
          dateFrom: node.period.dateFrom,
          ...(node.period.dateTo ? { dateTo: node.period.dateTo } : {}),
          'Consent-ID': node.consent.consentId,
          'X-BicFi': node.consent.bicFi,
        },
      };
    case 'payment': {
      const { payment } = node;
      return {
        operation: catalogueOperation('getPaymentInitiationStatus'),
        params: { 'payment-service': payment.paymentService, 'payment-product': payment.paymentProduct, paymentId: payment.paymentId, 'X-BicFi': payment.bicFi },
      };
    }
    default:
      return undefined;
  }
}

// POST/PUT bodies are edited as JSON documents with a Send action (a code lens and an editor title button).
// Each body is a file of our in-memory file system named for its operation and bank ("Create Consent
// (NDEASESS).json"), saved there as the user types, so its tab has a real name and closing it never asks to
// save. The pending request is kept per document until it is closed, so nothing the user typed is lost when
// the body is invalid or the request fails.
import * as vscode from 'vscode';
import type { Operation } from '../../../client/catalogue/catalogue';
import type { PsuContext } from '../../../client/catalogue/operationTypes';
import type { ApiResult } from '../../../client/http/requestFailure';
import { Disposable } from '../../../host/disposable';
import { registerCommands, type UseSignal } from '../../../host/commands';
import { MemoryFileSystem } from '../../../host/memoryFileSystem';
import type { SettingsReader } from '../../../host/settings/settingsReader';
import type { RequestRunner } from '../../../host/requestRunner';
import { consentIbanProblems, normaliseConsentIbans } from '../../../client/consents/consentDraft';
import { parseJson } from './jsonPosition';

export const BODY_EDITOR_CONTEXT = 'openPayments.bodyEditorActive';
export const BODY_SCHEME = 'openpayments-body';

/** How long typing must pause before the body is saved into memory. */
const SAVE_DELAY_MS = 400;

interface PendingBody {
  readonly operation: Operation;
  readonly params: Record<string, string>;
  readonly context?: PsuContext;
  readonly requestId?: string;
}

export class BodyEditor extends Disposable implements vscode.CodeLensProvider {
  private readonly pending = new Map<string, PendingBody>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('openPayments.body'));
  private readonly files = new MemoryFileSystem(BODY_SCHEME);
  private readonly saving = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly runner: RequestRunner,
    private readonly settings: Pick<SettingsReader, 'saveRewrites'>,
  ) {
    super();
  }

  register(use: UseSignal): vscode.Disposable {
    this._register(this.files.register());
    this._register(vscode.languages.registerCodeLensProvider({ scheme: BODY_SCHEME }, this));
    this._register(registerCommands({ 'openPayments.sendBody': (uri?: vscode.Uri) => this.send(uri) }, use));
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this.updateContext(editor)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.saveLater(event.document)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.pending.delete(document.uri.toString());
        this.diagnostics.delete(document.uri);
        clearTimeout(this.saving.get(document.uri.toString()));
        this.saving.delete(document.uri.toString());
      }),
    );
    return this;
  }

  async open(request: PendingBody, template: unknown): Promise<vscode.TextDocument> {
    // A name still open keeps its document (and what was typed in it); a new body gets the next free name.
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const uri = this.files.freeUri(bodyName(request), '.json', (candidate) => open.has(candidate.toString()) || this.pending.has(candidate.toString()));
    this.files.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(template ?? {}, null, 2)}\n`), { create: true, overwrite: true });
    const document = await vscode.workspace.openTextDocument(uri);
    this.pending.set(document.uri.toString(), request);
    this.changed.fire();
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    this.updateContext(editor);
    // The response view starts beside the body now, while the user edits: started at Send, it took longer than
    // the request itself.
    this.runner.prepare(request);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Edit the body of {0}, then choose "Send" above it (or the Send button in the editor title).', request.operation.title),
    );
    return document;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const request = this.pending.get(document.uri.toString());
    if (!request) return [];
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: vscode.l10n.t('$(play) Send {0}', request.operation.title),
        command: 'openPayments.sendBody',
        arguments: [document.uri],
      }),
    ];
  }

  /** Sends the document's body; invalid JSON is reported at its position and nothing is sent. */
  async send(uri: vscode.Uri | undefined): Promise<ApiResult | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const request = target ? this.pending.get(target.toString()) : undefined;
    const document = target ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()) : undefined;
    if (!request || !document) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This editor holds no request body to send. Start with "Open Payments: Send Request…".'));
      return undefined;
    }
    // Saved first, so whatever happens to the send, the body is kept and its tab closes without a question.
    await this.keep(document);
    const parsed = parseJson(document.getText());
    if (!parsed.ok) {
      const where = parsed.problem.line !== undefined ? vscode.l10n.t(' at line {0}, column {1}', parsed.problem.line, parsed.problem.column ?? 1) : '';
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The body of {0} is not valid JSON{1}: {2}. Nothing was sent; fix it and send again.', request.operation.title, where, parsed.problem.message),
      );
      if (parsed.problem.offset !== undefined) {
        const position = document.positionAt(parsed.problem.offset);
        const editor = await vscode.window.showTextDocument(document, { preview: false });
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(new vscode.Range(position, position));
      }
      return undefined;
    }
    const body = await this.normalise(request, parsed.value);
    const problems = await this.validate(request, document, body);
    if (problems > 0) return undefined;
    const result = await this.runner.run({ ...request, body });
    if (request.requestId !== undefined && wentOut(result)) {
      // The X-Request-ID the user typed named that send; sending the document again is a new request.
      const { requestId: _used, ...next } = request;
      this.pending.set(document.uri.toString(), next);
    }
    return result;
  }

  /** IBANs typed in their printed form (spaces, lower case) in a payment or consent are sent as banks expect them. */
  private async normalise(request: PendingBody, body: unknown): Promise<unknown> {
    if (createsConsent(request)) return normaliseConsentIbans(body);
    if (!createsPayment(request)) return body;
    const { normalisePaymentIbans } = await import('../../../client/payments/paymentValidation');
    return normalisePaymentIbans(body);
  }

  /**
   * Payment bodies are checked before sending (amount pattern, account references, required fields, giro
   * references); each problem is marked on its field, the first one gets the cursor, and nothing is sent.
   */
  private async validate(request: PendingBody, document: vscode.TextDocument, body: unknown): Promise<number> {
    const product = request.params['payment-product'];
    const consent = createsConsent(request);
    if ((!createsPayment(request) || !product) && !consent) {
      this.diagnostics.delete(document.uri);
      return 0;
    }
    const text = document.getText();
    // Loaded on first use, like the rest of the code that only a payment needs.
    const { nearestPathOffset, validatePaymentBody } = await import('../../../client/payments/paymentValidation');
    const problems = consent
      ? consentIbanProblems(body).map(({ path, reason }) => ({
          path,
          // The path, not the value: the body can come from anywhere (history), and notifications render markdown.
          message:
            reason === 'checksum'
              ? vscode.l10n.t('{0} is not a valid IBAN: its check digits (the 3rd and 4th characters) do not match the rest (ISO 13616), so a character is probably mistyped.', path)
              : vscode.l10n.t('{0} is not an IBAN: an IBAN is a country code, two check digits and up to 30 letters or digits, like SE45 5000 0000 0583 9825 7466.', path),
        }))
      : validatePaymentBody(product ?? '', body, { t: (message, ...args) => vscode.l10n.t(message, ...args) });
    this.diagnostics.set(
      document.uri,
      problems.map((problem) => {
        const start = document.positionAt(nearestPathOffset(text, problem.path) ?? 0);
        const diagnostic = new vscode.Diagnostic(new vscode.Range(start, start.translate(0, 1)), problem.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'Open Payments';
        return diagnostic;
      }),
    );
    if (problems.length === 0) return 0;
    const first = problems[0];
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} was not sent: {1} The body has {2} problem(s), marked in the editor; fix them and send again.', request.operation.title, first?.message ?? '', problems.length),
    );
    const position = document.positionAt(nearestPathOffset(text, first?.path ?? '') ?? 0);
    void vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(position, position) });
    return problems.length;
  }

  /** Saves a body into memory once typing pauses, so closing it never asks whether to save. */
  private saveLater(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.pending.has(key)) return;
    clearTimeout(this.saving.get(key));
    this.saving.set(
      key,
      setTimeout(() => {
        this.saving.delete(key);
        void this.keep(document);
      }, SAVE_DELAY_MS),
    );
  }

  /**
   * Saves the body into memory. Not when the user's save runs formatters or trims whitespace: that would
   * rewrite the text under the cursor while they type; their body then asks to save like any file.
   */
  private async keep(document: vscode.TextDocument): Promise<void> {
    if (!document.isDirty || document.isClosed) return;
    if (this.settings.saveRewrites(document)) return;
    await document.save();
  }

  hasPending(uri: vscode.Uri): boolean {
    return this.pending.has(uri.toString());
  }

  private updateContext(editor: vscode.TextEditor | undefined): void {
    const active = editor ? this.pending.has(editor.document.uri.toString()) : false;
    void vscode.commands.executeCommand('setContext', BODY_EDITOR_CONTEXT, active);
  }

  override dispose(): void {
    super.dispose();
    for (const timer of this.saving.values()) clearTimeout(timer);
    this.saving.clear();
    this.pending.clear();
  }
}

/** "Create Consent (NDEASESS)": the operation and, when the request names one, the bank's BIC. */
function bodyName(request: PendingBody): string {
  const bic = request.params['X-BicFi'] ?? request.params.bicFi;
  // The BIC may come from a server (the bank directory); only a well-formed one goes into the tab's name.
  return bic && /^[A-Z0-9]{8}([A-Z0-9]{3})?$/i.test(bic) ? `${request.operation.title} (${bic})` : request.operation.title;
}

/** Whether a request reached the wire (so its X-Request-ID was used), as opposed to being stopped before it. */
function wentOut(result: ApiResult | undefined): boolean {
  if (!result) return false;
  return result.ok || result.failure.attempts.length > 0 || result.failure.exchange !== undefined;
}

function createsPayment(request: PendingBody): boolean {
  return request.operation.method === 'POST' && request.operation.path.endsWith('/{payment-product}') && Boolean(request.params['payment-product']);
}

function createsConsent(request: PendingBody): boolean {
  return request.operation.id === 'createConsent';
}

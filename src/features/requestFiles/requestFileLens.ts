// The code lenses "Send with Open Payments" and "Copy as Code" above each block that is a catalogue operation,
// and a diagnostic at each line the request-file syntax cannot read. Other blocks get no lens: they are the user's, for another tool.
import * as vscode from 'vscode';
import { parseHttpFile, type HttpFile, type SyntaxProblem } from '../../client/requestFiles/httpFileSyntax';
import { matchBlock } from '../../client/requestFiles/operationMatch';
import { Disposable } from '../../host/disposable';
import { REQUEST_FILE_COMMANDS, REQUEST_FILE_SELECTOR } from './requestFileIds';

export class RequestFileLens extends Disposable implements vscode.CodeLensProvider {
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('openPayments.requestFiles'));

  register(): vscode.Disposable {
    this._register(vscode.languages.registerCodeLensProvider([...REQUEST_FILE_SELECTOR], this));
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.check(document)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.check(event.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.diagnostics.delete(document.uri)));
    for (const document of vscode.workspace.textDocuments) this.check(document);
    return this;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const file = parseHttpFile(document.getText());
    this.report(document, file);
    const lenses: vscode.CodeLens[] = [];
    for (const block of file.blocks) {
      // Whether it is an operation depends on method, host and path only; values the send fills or asks for
      // (an id, a header) do not hide the lens, so the user still gets told what is missing when sending.
      const match = matchBlock(block, { variables: file.variables, supplied: () => 'x', freshId: () => 'x' });
      if (match.kind !== 'operation' && match.kind !== 'unknownQuery') continue;
      const range = new vscode.Range(block.requestLine, 0, block.requestLine, 0);
      const args = [document.uri, block.requestLine];
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Send with Open Payments'),
          tooltip: vscode.l10n.t('Send {0} with the active environment, a fresh token and a fresh X-Request-ID.', match.operation.title),
          command: REQUEST_FILE_COMMANDS.send,
          arguments: args,
        }),
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Copy as Code'),
          tooltip: vscode.l10n.t('Copy {0} as a program that gets its own token and X-Request-ID; no secret is copied.', match.operation.title),
          command: REQUEST_FILE_COMMANDS.copyAsCode,
          arguments: args,
        }),
      );
    }
    return lenses;
  }

  private check(document: vscode.TextDocument): void {
    if (vscode.languages.match([...REQUEST_FILE_SELECTOR], document) === 0) return;
    this.report(document, parseHttpFile(document.getText()));
  }

  private report(document: vscode.TextDocument, file: HttpFile): void {
    this.diagnostics.set(
      document.uri,
      file.problems.map((problem) => {
        const line = document.lineAt(Math.min(problem.line, document.lineCount - 1));
        const diagnostic = new vscode.Diagnostic(line.range, describeSyntaxProblem(problem), vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'Open Payments';
        return diagnostic;
      }),
    );
  }
}

export function describeSyntaxProblem(problem: SyntaxProblem): string {
  const example = 'GET {{API_HOST}}/psd2/aspspinformation/v1/countries';
  switch (problem.kind) {
    case 'notAMethod':
      return vscode.l10n.t('"{0}" is not an HTTP method. A request line reads METHOD URL, for example {1}.', problem.word ?? '', example);
    case 'requestLine':
      return vscode.l10n.t('This is not a request line. A request line reads METHOD URL, for example {0}.', example);
    case 'header':
      return vscode.l10n.t('This is not a header line. Headers read Name: value, and a blank line comes before the body.');
  }
}

// Shows the decoupled SCA challenge while the flow polls; closing the panel cancels the flow.
import * as vscode from 'vscode';
import type { ScaChallenge } from '../sca/types';

export class ChallengePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private lastHtml = '';
  /** Renders finish in the order the polls asked for them; an older one never replaces a newer page. */
  private renders = 0;

  constructor(
    private readonly title: string,
    private readonly onClosed: () => void,
  ) {}

  show(challenge: ScaChallenge): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('openPayments.challenge', this.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.onClosed();
      });
    }
    void this.render(challenge, ++this.renders);
  }

  private async render(challenge: ScaChallenge, render: number): Promise<void> {
    // Loaded on first use: the QR code generator is the largest part of the extension that activation never needs.
    const { renderChallengeHtml } = await import('./challengeHtml');
    if (!this.panel || render !== this.renders) return;
    const html = renderChallengeHtml(
      challenge,
      {
        title: this.title,
        scan: vscode.l10n.t('Scan the code with the Mobile BankID app (sandbox: any test app), or start BankID on this device.'),
        status: vscode.l10n.t('Status: {0}', challenge.scaStatus ?? vscode.l10n.t('waiting')),
        cancelHint: vscode.l10n.t('Close this tab or press Cancel on the progress notification to stop.'),
      },
      this.panel.webview.cspSource,
    );
    if (html !== this.lastHtml) {
      this.lastHtml = html;
      this.panel.webview.html = html;
    }
  }

  get html(): string {
    return this.lastHtml;
  }

  dispose(): void {
    const panel = this.panel;
    this.panel = undefined;
    panel?.dispose();
  }
}

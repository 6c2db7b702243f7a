// Shows the decoupled SCA challenge while the flow polls, re-rendered after every read; the user closing the
// panel cancels the flow, the flow closing it when done does not.
import * as vscode from 'vscode';
import { newNonce } from '../../client/text/html';
import type { ScaChallenge } from '../../client/sca/types';
import type { ChallengeView, ChallengeViewFactory } from './scaSession';

export type ChallengeRenderer = Pick<typeof import('./challengeHtml'), 'renderChallengeHtml' | 'scanSentence'>;

export interface ChallengePanelOptions {
  /** Where the page renderer comes from; by default loaded on first use (the QR generator is large). */
  readonly load?: () => Promise<ChallengeRenderer>;
  /** Sees every page that reached the panel (the test API keeps the last one). */
  readonly onRendered?: (html: string) => void;
}

export class ChallengePanel implements ChallengeView, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private lastHtml = '';
  /** Renders finish in any order; only the one the latest show() asked for may write the page. */
  private renders = 0;
  private latest: Promise<void> = Promise.resolve();
  /** Once closed, by the user or the flow, a late poll must not open the panel again. */
  private closed = false;
  private readonly load: () => Promise<ChallengeRenderer>;
  private readonly nonce = newNonce();

  constructor(
    private readonly title: string,
    private readonly onClosed: () => void,
    private readonly options: ChallengePanelOptions = {},
  ) {
    this.load = options.load ?? (() => import('./challengeHtml'));
  }

  show(challenge: ScaChallenge): void {
    if (this.closed) return;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel('openPayments.challenge', this.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panel = panel;
      panel.onDidDispose(() => {
        // dispose() clears the field first: only a panel the user closed still counts as ours here.
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.closed = true;
        this.onClosed();
      });
    }
    this.latest = this.render(challenge, ++this.renders);
  }

  /** Resolves when the page of the latest show() is written (or dropped because the panel closed). */
  rendered(): Promise<void> {
    return this.latest;
  }

  private async render(challenge: ScaChallenge, render: number): Promise<void> {
    let renderer: ChallengeRenderer;
    try {
      renderer = await this.load();
    } catch {
      // The page stays as it was; the flow and the progress notification go on.
      return;
    }
    if (!this.panel || render !== this.renders) return;
    const html = renderer.renderChallengeHtml(
      challenge,
      {
        title: this.title,
        // The sentence is the English key of the challenge's view; each view's key is a literal in challengeHtml.
        scan: vscode.l10n.t(renderer.scanSentence(challenge)),
        status: vscode.l10n.t('Status: {0}', challenge.scaStatus ?? vscode.l10n.t('waiting')),
        cancelHint: vscode.l10n.t('Close this tab or press Cancel on the progress notification to stop.'),
      },
      { cspSource: this.panel.webview.cspSource, nonce: this.nonce },
    );
    if (html !== this.lastHtml) {
      this.lastHtml = html;
      this.panel.webview.html = html;
      this.options.onRendered?.(html);
    }
  }

  get html(): string {
    return this.lastHtml;
  }

  /** The flow is over: close the panel without cancelling anything. */
  dispose(): void {
    this.closed = true;
    const panel = this.panel;
    this.panel = undefined;
    panel?.dispose();
  }
}

/** Creates the flows' challenge panels and remembers the last page any of them showed (read by tests). */
export class ChallengePanels {
  private last: string | undefined;

  readonly create: ChallengeViewFactory = (title, onClosed) => new ChallengePanel(title, onClosed, { onRendered: (html) => (this.last = html) });

  get lastHtml(): string | undefined {
    return this.last;
  }
}

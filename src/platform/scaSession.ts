// Runs strong customer authentication for a consent or payment in VS Code: the pure ScaFlow with the
// extension's runner, the loopback listener on the registered redirect URI, the browser, the code exchange,
// a progress notification with Cancel and, for decoupled SCA, the challenge panel.
import * as vscode from 'vscode';
import type { RedirectListeners } from '../auth/loopback';
import type { CredentialStore } from '../auth/credentialStore';
import type { PsuContext } from '../api/operationTypes';
import type { ApiResult } from '../api/http/requestFailure';
import type { Redactor } from '../core/redaction';
import { preferredMethod } from '../sca/methodChoice';
import type { ScaChallenge, ScaFlowDeps, ScaMethod, ScaOutcome, ScaSubject } from '../sca/types';
import type { ActiveEnvironment } from './activeEnvironment';
import type { HttpSession } from './httpSession';
import type { Logger } from './logger';
import type { Prompter } from './prompter';
import type { RequestRunner } from './requestRunner';
import { describeScaOutcome, subjectLabel } from './scaMessages';
import { catalogueOperation } from './viewLoader';

export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:53682/callback';

export type BrowserOpener = (url: string) => Promise<boolean>;

/** Shows a decoupled challenge while a flow polls; closing it calls onClosed (the views layer builds it). */
export interface ChallengeView {
  show(challenge: ScaChallenge): void;
  dispose(): void;
}
export type ChallengeViewFactory = (title: string, onClosed: () => void) => ChallengeView;

export class ScaSession implements vscode.Disposable {
  /** Created on the first login: activation does not load the listener or node:http. */
  private listeners: Promise<RedirectListeners> | undefined;
  /** One per flow under way, so closing the window ends them and closes their listeners. */
  private readonly running = new Set<AbortController>();
  private opener: BrowserOpener;
  private remoteNoticeShown = false;

  constructor(
    private readonly runner: RequestRunner,
    private readonly http: HttpSession,
    private readonly credentials: CredentialStore,
    private readonly environment: ActiveEnvironment,
    private readonly prompter: Prompter,
    private readonly redactor: Redactor,
    private readonly logger: Logger,
    private readonly createChallengeView: ChallengeViewFactory,
  ) {
    this.opener = (url) => this.openExternal(url);
  }

  /** Tests play the PSU's browser; VS Code's openExternal is used otherwise. */
  useBrowserOpener(opener: BrowserOpener): vscode.Disposable {
    this.opener = opener;
    return new vscode.Disposable(() => {
      if (this.opener === opener) this.opener = (url) => this.openExternal(url);
    });
  }

  async authorise(subject: ScaSubject, context?: PsuContext): Promise<ScaOutcome | undefined> {
    const state = await this.environment.refresh();
    if (!state.resolution.ok || !state.hasCredentials) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Set client credentials and a valid environment before authorising.'));
      return undefined;
    }
    const env = state.resolution.environment;
    const creds = await this.credentials.get(state.id);
    if (!creds) return undefined;
    const redirectUri = vscode.workspace.getConfiguration('openPayments').get<string>('redirectUri')?.trim() || DEFAULT_REDIRECT_URI;
    void this.noticeRemote(redirectUri);
    const label = subjectLabel({ subject });
    const abort = new AbortController();
    this.running.add(abort);
    const challenge = this.createChallengeView(vscode.l10n.t('Authorise {0}', label), () => abort.abort());

    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Open Payments: authorising {0}', label), cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        const deps: ScaFlowDeps = {
          send: (operationId, params, body, signal) => this.send(operationId, params, body, signal ?? abort.signal, context),
          openBrowser: (url) => this.opener(url),
          startListener: async (request) => (await this.loopback()).listen({ ...request, redirectUri }),
          exchangeCode: async (request) =>
            // Loaded on first use: openid-client is not needed until a bank login comes back.
            (await import('../auth/authorizationCode/codeExchange')).exchangeAuthorizationCode({
              ...request,
              environmentId: env.id,
              authHost: env.authHost,
              clientId: creds.clientId,
              clientSecret: creds.clientSecret,
              fetch: await this.http.authFetch(env),
              context: context ?? 'private',
              redactor: this.redactor,
            }),
          sleep: (ms, signal) => sleep(ms, signal),
          onChallenge: (c) => challenge.show(c),
          onStatus: (p) => progress.report({ message: [p.phase, p.scaStatus, p.parentStatus].filter(Boolean).join(' · ') }),
          chooseMethod: (methods, approach) => this.chooseMethod(methods, approach),
        };
        // Loaded on first use: the flow pulls in PKCE and openid-client, which activation does not need.
        const { ScaFlow } = await import('../sca/scaFlow');
        return new ScaFlow(deps, { authHost: env.authHost, clientId: creds.clientId }).authorise(subject, abort.signal);
      },
    );
    this.running.delete(abort);
    challenge.dispose();
    this.report(outcome);
    return outcome;
  }

  private loopback(): Promise<RedirectListeners> {
    this.listeners ??= import('../auth/loopback').then(({ RedirectListeners }) => new RedirectListeners({ log: (line) => this.logger.debug(line) }));
    return this.listeners;
  }

  private async send(operationId: string, params: Record<string, string | undefined>, body: unknown, signal: AbortSignal, context?: PsuContext): Promise<ApiResult> {
    const clean: Record<string, string> = {};
    for (const [name, value] of Object.entries(params)) if (value !== undefined) clean[name] = value;
    const result = await this.runner.run({ operation: catalogueOperation(operationId), params: clean, body, context }, { show: false, quietInView: 'openPayments.consents', signal });
    return (
      result ?? {
        ok: false,
        failure: { kind: 'validation', operationId, causeCode: 'NO_CREDENTIALS', attempts: [], summary: `${operationId}: no credentials or environment` },
      }
    );
  }

  private async chooseMethod(methods: readonly ScaMethod[], approach: Parameters<typeof preferredMethod>[1]): Promise<string | undefined> {
    const preferred = preferredMethod(methods, approach);
    if (methods.length <= 1) return preferred;
    const items = [...methods]
      .sort((a, b) => (a.authenticationMethodId === preferred ? -1 : b.authenticationMethodId === preferred ? 1 : 0))
      .map((m) => ({ id: m.authenticationMethodId, label: m.name ?? m.authenticationMethodId, description: [m.authenticationType, m.authenticationMethodId === preferred ? vscode.l10n.t('recommended') : undefined].filter(Boolean).join(' · ') }));
    const picked = await this.prompter.pick(items, { title: vscode.l10n.t('Choose how the PSU authenticates'), ignoreFocusOut: true });
    return picked?.id;
  }

  private report(outcome: ScaOutcome): void {
    const { text, success } = describeScaOutcome(outcome);
    this.logger.info(`SCA ${outcome.subject.kind} ${outcome.kind}${outcome.kind === 'failed' ? ` (${outcome.reason})` : ''}; X-Request-IDs ${outcome.requestIds.join(', ')}`);
    if (outcome.kind === 'denied' && outcome.errorDescription) this.logger.warn(`The bank said: ${outcome.errorDescription}`);
    if (success) void vscode.window.showInformationMessage(text);
    else if (outcome.kind === 'cancelled') void vscode.window.showInformationMessage(text);
    else void vscode.window.showErrorMessage(text);
  }

  private async openExternal(url: string): Promise<boolean> {
    // Parsed strictly and passed as is: the filled template is already encoded.
    return vscode.env.openExternal(vscode.Uri.parse(url, true));
  }

  /**
   * In a remote window the listener runs on the remote machine. VS Code's port forwarding may change the
   * address, and the platform accepts only the registered redirect URI, so it is never rewritten: the user
   * is told what must be reachable instead.
   */
  private async noticeRemote(redirectUri: string): Promise<void> {
    if (!vscode.env.remoteName || this.remoteNoticeShown) return;
    let external: vscode.Uri;
    try {
      external = await vscode.env.asExternalUri(vscode.Uri.parse(redirectUri));
    } catch {
      // No port forwarding here: the listener is still reachable where the extension runs.
      return;
    }
    if (external.toString(true).replace(/\/$/, '') === redirectUri.replace(/\/$/, '')) return;
    this.remoteNoticeShown = true;
    this.logger.info(`Remote window: the redirect URI ${redirectUri} must be reachable from the browser; VS Code would forward it as ${external.toString(true)}.`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The login returns to {0} on the machine where the extension runs. If your browser runs on another machine, forward that port to it (same port number), since the platform accepts only the registered redirect URI.', redirectUri),
    );
  }

  dispose(): void {
    // A flow that is aborted closes its listener and stops polling on its way out.
    for (const abort of this.running) abort.abort();
    this.running.clear();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

// Runs strong customer authentication for a consent or payment in VS Code: the pure ScaFlow with the
// extension's runner, the loopback listener on the registered redirect URI, the browser, the code exchange,
// a progress notification with Cancel and, for decoupled SCA, the challenge panel. An authorised payment is
// then followed in the background to a final status; its reads update the Banks view like any other.
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import { catalogueOperation, type OperationId } from '../../client/catalogue/catalogue';
import type { RedirectListeners } from '../../client/auth/loopback';
import type { CredentialStore } from '../../client/auth/credentialStore';
import type { PsuContext } from '../../client/catalogue/operationTypes';
import type { ApiResult } from '../../client/http/requestFailure';
import { preferredMethod } from '../../client/sca/methodChoice';
import type { FollowUpEnd, FollowUpSettings, PaymentSubject } from '../../client/sca/paymentFollowUp';
import { paymentSettlement } from '../../client/sca/statusRules';
import type { ScaChallenge, ScaFlowDeps, ScaMethod, ScaOutcome, ScaSubject } from '../../client/sca/types';
import type { ActiveEnvironment } from '../../host/activeEnvironment';
import type { HttpSession } from '../../host/httpSession';
import type { Logger } from '../../host/logger';
import type { Prompter } from '../../host/prompter';
import type { SettingsReader } from '../../host/settings/settingsReader';
import type { RequestRunner } from '../../host/requestRunner';
import { describeFollowUpEnd, describeScaOutcome, progressText, subjectLabel } from './scaMessages';

export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:53682/callback';

export type BrowserOpener = (url: string) => Promise<boolean>;

/** Shows a decoupled challenge while a flow polls; closing it calls onClosed (the views layer builds it). */
export interface ChallengeView {
  show(challenge: ScaChallenge): void;
  dispose(): void;
}
export type ChallengeViewFactory = (title: string, onClosed: () => void) => ChallengeView;

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * A consent the flow creates before authorising it, under the same progress notification, so Create Consent
 * and its authorisation are one flow to the user. `create` reports its own failure and then returns undefined.
 */
export interface ConsentToCreate {
  readonly kind: 'newConsent';
  readonly bicFi: string;
  create(signal: AbortSignal): Promise<ScaSubject | undefined>;
}

export interface ScaSessionOptions {
  /** How an authorised payment is followed to a final status (default FOLLOW_UP_DEFAULTS). */
  readonly followUp?: FollowUpSettings;
  readonly sleep?: Sleep;
}

export class ScaSession implements vscode.Disposable {
  /** Created on the first login: activation does not load the listener or node:http. */
  private listeners: Promise<RedirectListeners> | undefined;
  /** One per flow or payment follow-up under way, so closing the window ends them and closes their listeners. */
  private readonly running = new Set<AbortController>();
  /** Payments being followed, by environment and paymentId, so one payment is never followed twice. */
  private readonly following = new Map<string, Promise<FollowUpEnd>>();
  private opener: BrowserOpener;
  /** Redirect URIs the remote-window notice was considered for: at most once per window for each. */
  private readonly remoteNoticeChecked = new Set<string>();
  private disposed = false;
  private readonly sleep: Sleep;

  constructor(
    private readonly runner: RequestRunner,
    private readonly http: HttpSession,
    private readonly credentials: CredentialStore,
    private readonly environment: ActiveEnvironment,
    private readonly prompter: Prompter,
    private readonly logger: Logger,
    private readonly createChallengeView: ChallengeViewFactory,
    /** Where the login redirect comes back to (openPayments.redirectUri). */
    private readonly settings: Pick<SettingsReader, 'get'>,
    private readonly options: ScaSessionOptions = {},
  ) {
    this.opener = (url) => this.openExternal(url);
    // Node's abortable timer; an aborted pause rejects, which the SCA run and the follow-up both expect.
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
  }

  /** Tests play the PSU's browser; VS Code's openExternal is used otherwise. */
  useBrowserOpener(opener: BrowserOpener): vscode.Disposable {
    this.opener = opener;
    return new vscode.Disposable(() => {
      if (this.opener === opener) this.opener = (url) => this.openExternal(url);
    });
  }

  async authorise(subject: ScaSubject | ConsentToCreate, context?: PsuContext): Promise<ScaOutcome | undefined> {
    if (this.disposed) return undefined;
    // Registered before the first await, so closing the window at any point ends this flow.
    const abort = new AbortController();
    this.running.add(abort);
    try {
      return await this.authoriseWith(abort, subject, context);
    } finally {
      this.running.delete(abort);
    }
  }

  private async authoriseWith(abort: AbortController, request: ScaSubject | ConsentToCreate, context: PsuContext | undefined): Promise<ScaOutcome | undefined> {
    const state = await this.environment.refresh();
    if (!state.resolution.ok || !state.hasCredentials) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Set client credentials and a valid environment before authorising.'));
      return undefined;
    }
    const env = state.resolution.environment;
    // Only the client ID, for the bank login URL: the secret reaches the auth server through the HTTP session.
    const clientId = (await this.credentials.get(state.id))?.clientId;
    if (!clientId || abort.signal.aborted) return undefined;
    const redirectUri = this.settings.get('redirectUri')?.trim() || DEFAULT_REDIRECT_URI;
    const title =
      request.kind === 'newConsent'
        ? vscode.l10n.t('Open Payments: creating and authorising {0}', subjectLabel({ subject: { kind: 'consent', bicFi: request.bicFi, consentId: '' } }))
        : vscode.l10n.t('Open Payments: authorising {0}', subjectLabel({ subject: request }));
    let challenge: ChallengeView | undefined;

    // The one progress notification of this flow: every request in it shows on a view or not at all.
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token): Promise<ScaOutcome | undefined> => {
        token.onCancellationRequested(() => abort.abort());
        let subject: ScaSubject;
        if (request.kind === 'newConsent') {
          progress.report({ message: vscode.l10n.t('creating the consent') });
          const created = await request.create(abort.signal);
          if (!created || abort.signal.aborted) return undefined;
          subject = created;
        } else {
          subject = request;
        }
        const label = subjectLabel({ subject });
        const view = this.createChallengeView(vscode.l10n.t('Authorise {0}', label), () => abort.abort());
        challenge = view;
        const deps: ScaFlowDeps = {
          send: (operationId, params, body, signal) => this.send(operationId, params, body, signal ?? abort.signal, context, viewOf(subject)),
          openBrowser: (url) => this.opener(url),
          startListener: async (listen) => {
            // Only a redirect login comes back to the loopback listener, so only it needs the remote notice.
            void this.noticeRemote(redirectUri);
            return (await this.loopback()).listen({ ...listen, redirectUri });
          },
          exchangeCode: (exchange) => this.http.exchangeCode(env, { ...exchange, context: context ?? 'private' }),
          sleep: this.sleep,
          onChallenge: (c) => view.show(c),
          onStatus: (p) => progress.report({ message: progressText(p) }),
          chooseMethod: (methods, approach) => this.chooseMethod(methods, approach),
          onInternalError: (error) => this.logger.error(`Authorising the ${label} failed inside the extension`, error),
        };
        // Loaded on first use: the flow pulls in PKCE and openid-client, which activation does not need.
        const { ScaFlow } = await import('../../client/sca/scaFlow');
        return new ScaFlow(deps, { authHost: env.authHost, clientId }).authorise(subject, abort.signal);
      },
    );
    challenge?.dispose();
    if (!outcome) return undefined;
    this.report(outcome);
    if (outcome.kind === 'finalised' && outcome.subject.kind === 'payment') this.follow(outcome.subject, outcome.parentStatus, state.id, context);
    return outcome;
  }

  /** The follow-up of a payment under way (for tests and callers that wait for settlement). */
  followUpOf(environmentId: string, paymentId: string): Promise<FollowUpEnd> | undefined {
    return this.following.get(`${environmentId}|${paymentId}`);
  }

  /**
   * Keeps reading an authorised payment's status until it settles or ends, within a bounded time. Each read
   * goes through the runner, so the exchange tracker stores the status and the Banks view shows it.
   */
  private follow(subject: PaymentSubject, lastStatus: string | undefined, environmentId: string, context: PsuContext | undefined): void {
    const key = `${environmentId}|${subject.paymentId}`;
    if (this.disposed || this.following.has(key) || paymentSettlement(lastStatus) !== 'open') return;
    const abort = new AbortController();
    this.running.add(abort);
    // Another environment's reads would go to the wrong bank; switching ends the follow-up.
    const environmentChanged = this.environment.onDidChange((state) => {
      if (state.id !== environmentId) abort.abort();
    });
    const followed = import('../../client/sca/paymentFollowUp')
      .then(({ followPayment }) =>
        followPayment(
          subject,
          { send: (operationId, params, body, signal) => this.send(operationId, params, body, signal ?? abort.signal, context, viewOf(subject)), sleep: this.sleep },
          this.options.followUp ?? {},
          abort.signal,
          lastStatus,
        ),
      )
      .catch((error: unknown): FollowUpEnd => {
        // Only loading the follow-up can fail here (followPayment never rejects); the payment stays as last read.
        this.logger.error('Payment follow-up could not start', error);
        return { kind: 'gaveUp', ...(lastStatus ? { status: lastStatus } : {}), reads: 0 };
      })
      .then((end) => {
        this.reportFollowUp(subject, end);
        return end;
      })
      .finally(() => {
        environmentChanged.dispose();
        this.running.delete(abort);
        this.following.delete(key);
      });
    this.following.set(key, followed);
  }

  private reportFollowUp(subject: PaymentSubject, end: FollowUpEnd): void {
    this.logger.info(`Payment follow-up ${end.kind} after ${end.reads} status reads; last status ${end.status ?? 'unknown'}`);
    if (end.kind === 'failed') this.logger.warn(`Payment follow-up stopped: ${end.failure.summary}`);
    const message = describeFollowUpEnd(subject, end);
    if (!message) return;
    if (message.severity === 'info') void vscode.window.showInformationMessage(message.text);
    else void vscode.window.showWarningMessage(message.text);
  }

  private loopback(): Promise<RedirectListeners> {
    this.listeners ??= import('../../client/auth/loopback').then(({ RedirectListeners }) => new RedirectListeners({ log: (line) => this.logger.debug(line) }));
    return this.listeners;
  }

  /** One call of a flow or follow-up: traced like any request, its progress shown on the view that lists the subject. */
  private async send(operationId: OperationId, params: Record<string, string | undefined>, body: unknown, signal: AbortSignal, context: PsuContext | undefined, view: string): Promise<ApiResult> {
    const clean: Record<string, string> = {};
    for (const [name, value] of Object.entries(params)) if (value !== undefined) clean[name] = value;
    const result = await this.runner.run({ operation: catalogueOperation(operationId), params: clean, body, context }, { show: false, quietInView: view, signal });
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
    // JSON-quoted: the bank's words cannot forge log lines.
    if (outcome.kind === 'denied') this.logger.warn(`The bank's error: ${JSON.stringify(outcome.error)}${outcome.errorDescription ? `, description: ${JSON.stringify(outcome.errorDescription)}` : ''}`);
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
    // Marked before the first await: a second login right after this one must not explain it again.
    if (!vscode.env.remoteName || this.remoteNoticeChecked.has(redirectUri)) return;
    this.remoteNoticeChecked.add(redirectUri);
    let external: vscode.Uri;
    try {
      external = await vscode.env.asExternalUri(vscode.Uri.parse(redirectUri));
    } catch {
      // No port forwarding here: the listener is still reachable where the extension runs.
      return;
    }
    if (external.toString(true).replace(/\/$/, '') === redirectUri.replace(/\/$/, '')) return;
    this.logger.info(`Remote window: the redirect URI ${redirectUri} must be reachable from the browser; VS Code would forward it as ${external.toString(true)}.`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The login returns to {0} on the machine where the extension runs. If your browser runs on another machine, forward that port to it (same port number), since the platform accepts only the registered redirect URI.', redirectUri),
    );
  }

  dispose(): void {
    this.disposed = true;
    // A flow that is aborted closes its listener and stops polling on its way out; follow-ups stop reading.
    for (const abort of this.running) abort.abort();
    this.running.clear();
  }
}

/** Consents are listed in the Consents & Accounts view, payments under their bank. */
function viewOf(subject: ScaSubject): string {
  return subject.kind === 'consent' ? 'openPayments.consents' : 'openPayments.banks';
}

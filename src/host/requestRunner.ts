// Sends one operation for the user: checks the environment and credentials, shows a cancellable progress
// notification, logs one line per exchange, tells listeners (history, response view) and words failures.
import * as vscode from 'vscode';
import { requestFailure, type ApiResult, type RequestFailure } from '../client/http/requestFailure';
import type { ParamValues } from '../client/http/requestPreparation';
import type { Exchange } from '../client/http/exchange';
import type { Operation } from '../client/catalogue/catalogue';
import type { PsuContext } from '../client/catalogue/operationTypes';
import type { Environment, EnvironmentId } from '../client/environments/environments';
import type { ActiveEnvironment } from './activeEnvironment';
import { describeResolutionProblem } from './environmentMessages';
import { CLIENT_CERTIFICATE_CAUSES, describeFailure, type FailureAction } from './failureMessages';
import { isClientError } from '../client/errors';
import type { HttpSession } from './httpSession';
import { describeError, type Logger } from './logger';
import { Disposable } from './disposable';
import type { MissingHeaderPrompt } from './missingHeaderPrompt';

export interface RequestInput {
  readonly operation: Operation;
  readonly params: ParamValues;
  /** Parsed JSON (object) or JSON text. */
  readonly body?: unknown;
  readonly context?: PsuContext;
  /**
   * The X-Request-ID the user typed for this request (must be a UUID); used for its first attempt only.
   * Without it every attempt gets a fresh UUID.
   */
  readonly requestId?: string;
}

/** What history and the response view receive for every request that was attempted. */
export interface ExchangeRecord {
  readonly operation: Operation;
  readonly environmentId: EnvironmentId;
  readonly input: RequestInput;
  readonly result: ApiResult;
}

/** A request about to be sent, as the response view shows it before anything went out. */
export interface PendingRequestView {
  readonly title: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly environment: string;
}

export interface ResponseViewer {
  show(record: ExchangeRecord): void;
  /** Opens the view for a request about to be sent, so it is running when the response comes. */
  prepare(pending: PendingRequestView): void;
  /** Replaces what an open view shows with this call (so it never shows an older, unrelated one); opens nothing. */
  showIfOpen(record: ExchangeRecord): void;
}

export interface RunOptions {
  /** Open the response view on success (default true). Views that load data pass false. */
  readonly show?: boolean;
  /** A view that shows its own errors: no notifications, progress shown on the view. */
  readonly quietInView?: string;
  /** Cancels the request from outside (a flow's own Cancel button). */
  readonly signal?: AbortSignal;
  /**
   * One step of a flow that shows its own progress notification (Create Consent inside the authorisation):
   * no second notification for this request, so the user sees one per flow. Failures are still reported.
   */
  readonly inFlowProgress?: boolean;
  /**
   * The caller words the outcome itself (an assistant's tool call, whose result goes to the model): no
   * notification, no progress, no prompt for a missing header. History and the stores still hear of the call.
   */
  readonly silent?: boolean;
  /**
   * Send only if this is still the environment in force: the user confirmed a call to one environment, so a
   * switch in between must not carry it to another. Nothing is sent (undefined) otherwise.
   */
  readonly onlyTo?: EnvironmentId;
}

export class RequestRunner extends Disposable {
  private readonly exchanged = this._register(new vscode.EventEmitter<ExchangeRecord>());
  readonly onDidExchange = this.exchanged.event;

  constructor(
    private readonly session: HttpSession,
    private readonly environment: ActiveEnvironment,
    private readonly logger: Logger,
    /** The response view; it creates its webview on first show, so passing it costs nothing at activation. */
    private readonly viewer: ResponseViewer,
    /** Asks for a settings header a call could not go without, so the user can send it at once. */
    private readonly missingHeaders: MissingHeaderPrompt,
  ) {
    super();
  }

  /** Shows an exchange in the response view (e.g. the details behind a tree item). */
  show(record: ExchangeRecord): void {
    this.viewer.show(record);
  }

  /**
   * Gets ready for a request the user is about to send (its body is open in an editor): the response view
   * starts beside it, and the HTTP code and the access token load, so Send waits for none of them. Nothing goes
   * to the API; a token that cannot be had now is asked for again, and reported, when the request is sent.
   */
  prepare(input: Omit<RequestInput, 'body' | 'requestId'>): void {
    const state = this.environment.state;
    const env = state.resolution.ok ? state.resolution.environment : undefined;
    const { operation, params } = input;
    this.viewer.prepare({
      title: operation.title,
      operationId: operation.id,
      method: operation.method,
      path: operation.path.replace(/\{([^}]+)\}/g, (placeholder, name: string) => params[name] ?? placeholder),
      environment: env?.label ?? state.id,
    });
    this.session.warm();
    if (env && state.hasCredentials) void this.session.warmToken(env, operation.product, input.context).catch(() => undefined);
  }

  /**
   * Sends and reports. Returns undefined when nothing could be attempted (no valid environment or
   * credentials: the user has been told what to do).
   */
  async run(input: RequestInput, options: RunOptions = {}): Promise<ApiResult | undefined> {
    const state = await this.environment.refresh();
    const quiet = options.quietInView !== undefined || options.silent === true;
    if (!state.resolution.ok) {
      if (!quiet) void this.offer(describeResolutionProblem(state.resolution) ?? '', ['openSettings'], `openPayments.${state.resolution.setting}`);
      return undefined;
    }
    const env = state.resolution.environment;
    if (options.onlyTo !== undefined && env.id !== options.onlyTo) return undefined;
    if (!state.hasCredentials) {
      if (!quiet) {
        void this.offer(vscode.l10n.t('{0} needs client credentials for the {1} environment. Set them first.', input.operation.title, env.label), ['setCredentials']);
      }
      return undefined;
    }

    const result =
      options.silent || (options.inFlowProgress && !quiet)
        ? await this.send(env, input, undefined, options.signal)
        : await vscode.window.withProgress(
            {
              location: quiet ? { viewId: options.quietInView ?? '' } : vscode.ProgressLocation.Notification,
              title: vscode.l10n.t('Open Payments: sending {0}…', input.operation.title),
              cancellable: !quiet,
            },
            (_progress, token) => this.send(env, input, token, options.signal),
          );

    const record: ExchangeRecord = { operation: input.operation, environmentId: env.id, input, result };
    this.log(record);
    if (!result.ok && !quiet) {
      const answer = await this.missingHeaders.ask(input.operation.title, result.failure);
      // Sent again with the value the user gave; the stopped attempt reached no server, so only the log has it.
      if (answer) return this.run({ ...input, params: { ...input.params, [answer.header]: answer.value } }, options);
    }
    this.exchanged.fire(record);
    if (result.ok) {
      if (options.show !== false) this.viewer.show(record);
    } else if (!quiet) {
      if (options.show !== false) this.viewer.showIfOpen(record);
      void this.reportFailure(record, result.failure, options.show !== false);
    }
    return result;
  }

  private async send(env: Environment, input: RequestInput, token: vscode.CancellationToken | undefined, outer?: AbortSignal): Promise<ApiResult> {
    const abort = new AbortController();
    const cancellation = token?.onCancellationRequested(() => abort.abort());
    const onOuterAbort = () => abort.abort();
    if (outer?.aborted) abort.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      return await this.session.send(env, {
        operation: input.operation,
        params: input.params,
        body: input.body,
        context: input.context,
        requestId: input.requestId,
        signal: abort.signal,
      });
    } catch (error) {
      if (isClientError(error, 'clientCertificate')) {
        // A setting the user can fix, not a defect: worded as a request that was not sent, naming the setting.
        const causeCode = CLIENT_CERTIFICATE_CAUSES[error.kind];
        const certificateDate = error.details.date?.toISOString().slice(0, 10);
        return {
          ok: false,
          failure: requestFailure({ kind: 'validation', operationId: input.operation.id, causeCode, param: error.details.setting, attempts: [], ...(certificateDate ? { certificateDate } : {}) }),
        };
      }
      // Otherwise the session only throws for local problems this client did not foresee.
      this.logger.error(`${input.operation.id} could not be sent`, error);
      return {
        ok: false,
        failure: { kind: 'internal', operationId: input.operation.id, attempts: [], summary: `${input.operation.id}: internal ${describeError(error)}` },
      };
    } finally {
      cancellation?.dispose();
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  private log(record: ExchangeRecord): void {
    const { result } = record;
    const exchange: Exchange | undefined = result.ok ? result.exchange : result.failure.exchange;
    if (exchange) {
      const path = new URL(exchange.url).pathname;
      const retries = exchange.attempts.length > 1 ? ` (attempts: ${exchange.attempts.map((a) => `${a.requestId} ${a.status ?? a.error ?? ''}`.trim()).join(', ')})` : '';
      const line = `${exchange.method} ${path} ${exchange.status} ${exchange.durationMs} ms X-Request-ID ${exchange.requestId}${retries}`;
      if (result.ok) this.logger.info(line);
      else this.logger.warn(line);
    }
    if (!result.ok && !exchange) {
      // No response to take method, path and time from: the catalogue path (its template, so no id the user
      // typed) and the attempts' time stand in, so this line reads like the others.
      const { attempts } = result.failure;
      const outcome = attempts.length === 0 ? 'not sent' : `failed after ${attempts.reduce((sum, a) => sum + a.durationMs, 0)} ms`;
      this.logger.warn(`${record.operation.method} ${record.operation.path} ${outcome}: ${result.failure.summary}`);
    }
    if (!result.ok && exchange) this.logger.debug(result.failure.summary);
  }

  private async reportFailure(record: ExchangeRecord, failure: RequestFailure, showResponse: boolean): Promise<void> {
    const message = describeFailure(record.operation.title, failure);
    if (failure.kind === 'cancelled') {
      void vscode.window.showInformationMessage(message.text);
      return;
    }
    const actions = message.actions.filter((action) => action !== 'showResponse' || (showResponse && failure.exchange));
    const chosen = await this.offer(message.text, actions, message.setting);
    if (chosen === 'showResponse') this.viewer.show(record);
    if (chosen === 'retry') await this.run(withoutTypedRequestId(record.input));
  }

  /** `setting` is the one setting Open Settings opens (the messages name it); without one, the extension's settings. */
  private async offer(text: string, actions: readonly FailureAction[], setting = 'openPayments'): Promise<FailureAction | undefined> {
    const labels: Record<FailureAction, string> = {
      showResponse: vscode.l10n.t('Show Response'),
      showLog: vscode.l10n.t('Show Log'),
      retry: vscode.l10n.t('Retry'),
      openSettings: vscode.l10n.t('Open Settings'),
      setCredentials: vscode.l10n.t('Set Client Credentials'),
      setCertificatePassphrase: vscode.l10n.t('Set Client Certificate Passphrase'),
    };
    const picked = await vscode.window.showErrorMessage(text, ...actions.map((action) => labels[action]));
    const action = actions.find((candidate) => labels[candidate] === picked);
    if (action === 'showLog') this.logger.show();
    if (action === 'openSettings') void vscode.commands.executeCommand('workbench.action.openSettings', setting);
    if (action === 'setCredentials') void vscode.commands.executeCommand('openPayments.setClientCredentials');
    if (action === 'setCertificatePassphrase') void vscode.commands.executeCommand('openPayments.setCertificatePassphrase');
    return action;
  }

}

/**
 * A retry is a new request: the X-Request-ID the user typed traces the attempt they asked for, and the
 * platform and its support must be able to tell the retry apart from it.
 */
function withoutTypedRequestId(input: RequestInput): RequestInput {
  const { requestId: _typedForTheFirstSend, ...rest } = input;
  return rest;
}

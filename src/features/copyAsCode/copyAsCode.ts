// Copy as Code…: a complete program for one request, in the language the user picks (the last choice first),
// copied to the clipboard. The request comes from a History entry (as it was sent), a tree item (the read it
// stands for), or a request description passed by another command (request files). The program carries no
// secret: credentials and the certificate come from environment variables, the token and X-Request-ID are
// made when it runs.
import * as vscode from 'vscode';
import type { CodeLanguage, CodeRequest } from '../../client/codegen/index';
import type { RequestDescription } from '../../client/codegen/describedRequest';
import { findOperation } from '../../client/catalogue/catalogue';
import { type EnvironmentId, type Environment, isEnvironmentId } from '../../client/environments/environments';
import type { HistoryEntry } from '../../client/history/historyEntry';
import type { HistoryStore } from '../../client/history/historyStore';
import type { RequestSnapshot, ResponseRecord } from '../../client/history/responseRecord';
import { isShape, isString, isStringRecord, optional } from '../../client/history/shapeChecks';
import type { PsuContext } from '../../client/catalogue/operationTypes';
import type { SettledState } from '../../host/settledState';
import { settingOfHeader } from '../../host/failureMessages';
import { historyEntryFor } from '../../host/historyEntryArgument';
import type { Prompter } from '../../host/prompter';
import type { EnvironmentSettings } from '../../host/settings/environmentSettings';
import type { RequestSettingsReader } from '../../host/settings/requestSettings';
import { isTreeNode, requestForNode } from './nodeRequests';

/** The generators, loaded on first use: their program templates are most of this feature's size. */
type Generators = typeof import('../../client/codegen/index');

export const COPY_AS_CODE_COMMAND = 'openPayments.copyAsCode';
export const COPY_SHOWN_AS_CODE_COMMAND = 'openPayments.copyShownAsCode';

/** A request as it went out (the response view's record has these fields), for callers that hold no History id. */
export interface RecordedRequest {
  readonly operationId: string;
  readonly environmentId: string;
  readonly request: RequestSnapshot;
  readonly context?: PsuContext;
}

function isRecordedRequest(value: unknown): value is RecordedRequest {
  if (!isShape(value) || !isString(value.operationId) || !isString(value.environmentId) || !isShape(value.request)) return false;
  const request = value.request;
  return isString(request.url) && isStringRecord(request.headers) && optional(request.body, isString) && optional(value.context, (c) => c === 'private' || c === 'corporate');
}
const LAST_LANGUAGE_KEY = 'openPayments.copyAsCode.lastLanguage';

export class CopyAsCode {
  constructor(
    private readonly history: HistoryStore,
    private readonly environments: EnvironmentSettings,
    private readonly requestSettings: RequestSettingsReader,
    private readonly state: SettledState,
    private readonly prompter: Prompter,
  ) {}

  /** The response view's button: the request the view shows (a pick from History when it shows none). */
  runShown(shown: Pick<ResponseRecord, 'operationId' | 'environmentId' | 'request'> | undefined, languageId?: string): Promise<string | undefined> {
    return this.run(shown?.request ? { operationId: shown.operationId, environmentId: shown.environmentId, request: shown.request } : undefined, languageId);
  }

  /**
   * `arg`: a History entry ({ id }), a Banks or Consents tree node, a RequestDescription, or a RecordedRequest
   * (what the response view holds); nothing to pick a
   * History entry. `languageId` skips the language pick (for callers that already know). Resolves to the
   * copied text, or undefined when nothing was copied (the user was told why).
   */
  async run(arg?: unknown, languageId?: string): Promise<string | undefined> {
    const gen = await import('../../client/codegen/index');
    const request = await this.requestFor(gen, arg);
    if (!request) return undefined;
    const language = gen.codeLanguage(languageId) ?? (await this.pickLanguage(gen));
    if (!language) return undefined;
    const code = language.generate(request);
    await vscode.env.clipboard.writeText(code);
    await this.state.update(LAST_LANGUAGE_KEY, language.id);
    void vscode.window.showInformationMessage(
      request.clientCertificate
        ? vscode.l10n.t(
            'The {0} program for {1} was copied to the clipboard. Before you run it, set {2} and {3}, and the client certificate variables its first lines name.',
            language.label,
            request.title,
            gen.CODE_ENV.clientId,
            gen.CODE_ENV.clientSecret,
          )
        : vscode.l10n.t('The {0} program for {1} was copied to the clipboard. Before you run it, set {2} and {3}.', language.label, request.title, gen.CODE_ENV.clientId, gen.CODE_ENV.clientSecret),
    );
    return code;
  }

  private async pickLanguage(gen: Generators): Promise<CodeLanguage | undefined> {
    const last = this.state.get<string>(LAST_LANGUAGE_KEY);
    const ordered = [...gen.CODE_LANGUAGES].sort((a, b) => Number(b.id === last) - Number(a.id === last));
    const items = ordered.map((language) => ({
      label: language.label,
      description: language.id === last ? vscode.l10n.t('last used') : undefined,
      language,
    }));
    return (await this.prompter.pick(items, { placeHolder: vscode.l10n.t('Choose the language of the program to copy') }))?.language;
  }

  private async requestFor(gen: Generators, arg: unknown): Promise<CodeRequest | undefined> {
    if (gen.isRequestDescription(arg)) return this.fromDescription(gen, arg);
    if (isRecordedRequest(arg)) return this.fromRecorded(gen, arg, undefined, arg.environmentId);
    if (isTreeNode(arg)) {
      const description = requestForNode(arg);
      if (description) return this.fromDescription(gen, description);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copy as Code works on a bank, consent, account, balances, transactions or payment item. Nothing was copied.'));
      return undefined;
    }
    const entry = await this.entryFor(arg);
    return entry ? this.fromEntry(gen, entry) : undefined;
  }

  private entryFor(arg: unknown): Promise<HistoryEntry | undefined> {
    return historyEntryFor(this.history, this.prompter, arg, {
      placeHolder: vscode.l10n.t('Choose the request to copy as code'),
      empty: vscode.l10n.t('There is no request to copy yet. Send a request, then run Copy as Code on it in the History view, or on an item in the Banks or Consents views.'),
      item: (entry) => ({ label: entry.operationTitle, description: `${entry.method} ${entry.pathAndQuery}`, detail: entry.time }),
      matchOnDescription: true,
    });
  }

  /** The request as it was sent, when History still has it and it went to its environment's current API host. */
  private async fromEntry(gen: Generators, entry: HistoryEntry): Promise<CodeRequest | undefined> {
    const record = await this.history.loadResponse(entry.id);
    const recorded = record?.request
      ? { operationId: entry.operationId, environmentId: entry.environmentId, request: record.request, context: entry.context ?? entry.replay?.context }
      : undefined;
    return this.fromRecorded(gen, recorded, entry.replay, entry.environmentId);
  }

  /**
   * A recorded request (History, or the response view's record), as long as it went to its environment's
   * current API host; otherwise rebuilt from its replay description when there is one.
   */
  private fromRecorded(gen: Generators, recorded: RecordedRequest | undefined, replay: RequestDescription | undefined, environmentId: string): CodeRequest | undefined {
    const environment = this.environment(environmentId);
    if (!environment) return undefined;
    const operation = recorded ? findOperation(recorded.operationId) : undefined;
    if (recorded && operation && sameOrigin(recorded.request.url, environment.apiHost)) {
      return gen.codeRequestFrom({
        operation,
        url: recorded.request.url,
        headers: recorded.request.headers,
        ...(recorded.request.body !== undefined ? { body: recorded.request.body } : {}),
        context: recorded.context ?? 'private',
        authHost: environment.authHost,
        clientCertificate: this.needsCertificate(environment),
      });
    }
    if (replay) return this.fromDescription(gen, replay);
    void vscode.window.showInformationMessage(
      recorded && operation
        ? vscode.l10n.t('This request went to a host that is no longer the API host of its environment, so it was not copied. Send it again, then copy the new one.')
        : vscode.l10n.t('The details of this request are no longer stored, so it cannot be copied as code. Send it again, then copy the new entry.'),
    );
    return undefined;
  }

  private fromDescription(gen: Generators, description: RequestDescription): CodeRequest | undefined {
    const environment = this.environment(description.environmentId);
    if (!environment) return undefined;
    const settings = this.requestSettings.read();
    const result = gen.codeRequestFromDescription(description, {
      ...environment,
      context: settings.context,
      psuHeaders: settings.psuHeaders,
      clientCertificate: this.needsCertificate(environment),
    });
    if (result.ok) return result.request;
    if (result.reason === 'unknownOperation') {
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was copied: {0} is not an Open Payments operation.', description.operationId));
      return undefined;
    }
    const param = result.problem.param ?? '';
    const setting = settingOfHeader(result.problem.param);
    if (setting) {
      const open = vscode.l10n.t('Open Settings');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('Nothing was copied: the request needs the header {0}, and the setting {1} that fills it is empty. Set {1}, then copy again.', param, setting), open)
        .then((choice) => (choice === open ? vscode.commands.executeCommand('workbench.action.openSettings', setting) : undefined));
      return undefined;
    }
    void vscode.window.showErrorMessage(
      param
        ? vscode.l10n.t('Nothing was copied: the request has no valid value for {0}. Give it a value, then copy again.', param)
        : vscode.l10n.t('Nothing was copied: the request is not valid for this environment\'s hosts. Check the environment settings, then copy again.'),
    );
    return undefined;
  }

  private environment(id: string | undefined): Environment | undefined {
    const environmentId: EnvironmentId | undefined = id === undefined ? this.environments.currentId() : isEnvironmentId(id) ? id : undefined;
    const resolution = environmentId ? this.environments.resolve(environmentId) : undefined;
    if (resolution?.ok) return resolution.environment;
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Nothing was copied: the environment of this request has no valid hosts. Check the environment settings, then copy again.'),
    );
    return undefined;
  }

  /** Production always asks for the client certificate; the custom hosts when one is configured for them. */
  private needsCertificate(environment: Environment): boolean {
    if (environment.isProduction) return true;
    return environment.id === 'custom' && this.requestSettings.read().transport.customClientCertificatePath !== undefined;
  }
}

function sameOrigin(url: string, host: string): boolean {
  try {
    return new URL(url).origin === new URL(host).origin;
  } catch {
    return false;
  }
}

// Open Payments: Send Request… — pick an operation, give its parameters, edit its body, send.
// Called with an argument (history's "send again", tests, other commands) it skips what the argument gives.
import * as vscode from 'vscode';
import { findOperation, paymentBodyTemplate, type Operation } from '../../../client/catalogue/catalogue';
import type { ApiResult } from '../../../client/http/requestFailure';
import type { PsuContext } from '../../../client/catalogue/operationTypes';
import { ENVIRONMENT_LABELS, isEnvironmentId } from '../../../client/environments/environments';
import { notificationSafeId } from '../../../client/text/notificationSafe';
import type { ActiveEnvironment } from '../../../host/activeEnvironment';
import { registerCommands, type UseSignal } from '../../../host/commands';
import type { ParamMemory } from '../../../host/paramMemory';
import type { Prompter } from '../../../host/prompter';
import type { RequestRunner } from '../../../host/requestRunner';
import type { RequestSettingsReader } from '../../../host/settings/requestSettings';
import type { BodyEditor } from './bodyEditor';
import { operationItems } from './operationPick';
import { ParamPrompts } from './paramPrompts';

/** The command's optional argument; everything is optional and validated, since any caller can pass it. */
export interface SendRequestArgs {
  readonly operationId?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** JSON text or a JSON value; with it no body editor opens. */
  readonly body?: unknown;
  /** What the body editor starts from instead of the catalogue's template (e.g. prefilled from an account). */
  readonly bodyTemplate?: unknown;
  readonly context?: PsuContext;
  readonly requestId?: string;
  /** The environment the request was first sent to (history); a different active one is confirmed. */
  readonly environmentId?: string;
}

export class SendRequestCommand {
  private readonly prompts: ParamPrompts;

  constructor(
    private readonly runner: RequestRunner,
    private readonly bodies: BodyEditor,
    private readonly environment: ActiveEnvironment,
    private readonly settings: RequestSettingsReader,
    private readonly prompter: Prompter,
    memory: ParamMemory,
  ) {
    this.prompts = new ParamPrompts(prompter, memory);
  }

  register(use: UseSignal): vscode.Disposable {
    return registerCommands({ 'openPayments.sendRequest': (args?: unknown) => this.run(sanitize(args)) }, use);
  }

  async run(args: SendRequestArgs = {}): Promise<ApiResult | undefined> {
    const operation = args.operationId ? findOperation(args.operationId) : await this.pickOperation();
    if (!operation) {
      if (args.operationId) {
        // Any caller can pass the argument (a link, a stored history entry), so the name is checked before it is shown.
        const name = notificationSafeId(args.operationId);
        void vscode.window.showErrorMessage(
          name ? vscode.l10n.t('There is no Open Payments operation named {0}.', name) : vscode.l10n.t('There is no Open Payments operation by that name.'),
        );
      }
      return undefined;
    }
    const state = await this.environment.refresh();
    if (args.environmentId && args.environmentId !== state.id) {
      const proceed = await this.prompter.confirm(
        vscode.l10n.t('Send {0} to {1}?', operation.title, state.resolution.ok ? state.resolution.environment.label : state.id),
        isEnvironmentId(args.environmentId)
          ? vscode.l10n.t('This request was first sent to the {0} environment; the active environment is now {1}.', ENVIRONMENT_LABELS[args.environmentId], state.id)
          : vscode.l10n.t('This request was first sent to another environment; the active environment is now {0}.', state.id),
        vscode.l10n.t('Send'),
      );
      if (!proceed) return undefined;
    }

    const given = args.params ?? {};
    const complete = operation.params.every((p) => !p.required || (given[p.name] ?? '') !== '' || p.in === 'header');
    const collected =
      args.operationId && args.params && complete
        ? { params: { ...given }, requestId: args.requestId }
        : await this.prompts.collect(operation, state.id, given, this.settings.read().psuHeaders);
    if (!collected) return undefined;

    const input = { operation, params: collected.params, context: args.context, requestId: collected.requestId ?? args.requestId };
    if (needsBody(operation) && args.body === undefined) {
      await this.bodies.open(input, args.bodyTemplate ?? bodyTemplate(operation, collected.params));
      return undefined;
    }
    return this.runner.run({ ...input, body: args.body });
  }

  private async pickOperation(): Promise<Operation | undefined> {
    const picked = await this.prompter.pick(operationItems(), {
      title: vscode.l10n.t('Open Payments: Send Request'),
      placeHolder: vscode.l10n.t('Choose an operation (type to filter by name or path)'),
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    return picked?.operation;
  }
}

function needsBody(operation: Operation): boolean {
  return operation.bodyTemplate !== undefined;
}

/** Payment initiation takes a different body per payment product, and some banks want their own debtor form. */
function bodyTemplate(operation: Operation, params: Readonly<Record<string, string>>): unknown {
  const product = params['payment-product'];
  const createsPayment = operation.method === 'POST' && operation.path.endsWith('/{payment-product}');
  return createsPayment && product ? paymentBodyTemplate(product, params['X-BicFi']) : operation.bodyTemplate;
}

function sanitize(args: unknown): SendRequestArgs {
  if (typeof args !== 'object' || args === null) return {};
  const record = args as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const params: Record<string, string> = {};
  if (typeof record.params === 'object' && record.params !== null) {
    for (const [name, value] of Object.entries(record.params)) if (typeof value === 'string') params[name] = value;
  }
  return {
    operationId: text(record.operationId),
    params: typeof record.params === 'object' && record.params !== null ? params : undefined,
    body: record.body,
    bodyTemplate: typeof record.bodyTemplate === 'object' && record.bodyTemplate !== null ? record.bodyTemplate : undefined,
    context: record.context === 'corporate' || record.context === 'private' ? record.context : undefined,
    requestId: text(record.requestId),
    environmentId: text(record.environmentId),
  };
}

// One core tool as a VS Code language-model tool. prepareInvocation says what will be sent and where, and in
// production asks the user to confirm; invoke runs the core tool and confirms production to it only when this
// very call was confirmed. The tool table and its context load on the first call (see toolInvocation).
import * as vscode from 'vscode';
import { ProductionConfirmations } from './productionConfirmations';
import type { ToolHostParts } from './toolHostParts';

type ToolInvocationModule = typeof import('./toolInvocation');
type Input = Readonly<Record<string, unknown>>;

export class LanguageModelToolAdapter implements vscode.LanguageModelTool<Input> {
  constructor(
    /** The name in the tool table (findBanks), not VS Code's prefixed one. */
    private readonly coreName: string,
    private readonly parts: ToolHostParts,
    private readonly confirmations: ProductionConfirmations,
    private readonly load: () => Promise<ToolInvocationModule> = () => import('./toolInvocation'),
  ) {}

  async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<Input>): Promise<vscode.PreparedToolInvocation> {
    const module = await this.load();
    const input = options.input ?? {};
    const plan = module.planOf(this.coreName, input);
    const environment = module.toolEnvironmentOf(await this.parts.environment.refresh());
    if (!plan) return { invocationMessage: vscode.l10n.t('Open Payments: {0}.', this.coreName) };
    if (!plan.sendsRequests) {
      return { invocationMessage: plan.readOnly ? vscode.l10n.t('Open Payments: {0} (nothing is sent).', plan.title) : vscode.l10n.t('Open Payments: {0} (local sandbox only).', plan.title) };
    }
    // The model wrote the input: what it puts in a path is masked like anything else that is shown.
    const calls = this.parts.redactor.redact(plan.calls.map((call) => `${call.method} ${call.path}`).join(', '));
    const invocationMessage = calls
      ? vscode.l10n.t('Open Payments: {0}: {1} to the {2} environment.', plan.title, calls, environment.label)
      : vscode.l10n.t('Open Payments: {0} in the {1} environment.', plan.title, environment.label);
    if (!environment.isProduction) return { invocationMessage };
    this.confirmations.remember(ProductionConfirmations.keyOf(this.coreName, environment.id, input));
    this.parts.logger.info(`Tool ${this.coreName}: asked the user to confirm a call to the ${environment.label} environment.`);
    const message = new vscode.MarkdownString().appendText(
      calls
        ? vscode.l10n.t('{0} will send {1} to the {2} environment: real banks, real money. Continue only if you meant to.', plan.title, calls, environment.label)
        : vscode.l10n.t('{0} will call the {1} environment: real banks, real money. Continue only if you meant to.', plan.title, environment.label),
    );
    return { invocationMessage, confirmationMessages: { title: vscode.l10n.t('Call the {0} environment?', environment.label), message } };
  }

  /** A refusal or failure is thrown with the core's message (already masked): VS Code hands it to the model. */
  async invoke(options: vscode.LanguageModelToolInvocationOptions<Input>, token?: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const module = await this.load();
    const state = await this.parts.environment.refresh();
    const environment = module.toolEnvironmentOf(state);
    const confirmed = environment.isProduction && this.confirmations.take(ProductionConfirmations.keyOf(this.coreName, environment.id, options.input ?? {}));
    if (confirmed) this.parts.logger.info(`Tool ${this.coreName}: the user confirmed the call to the ${environment.label} environment.`);
    const context = await module.createToolContext(this.parts, state);
    // The user stopped the agent: the request under way stops too, and History records it as cancelled.
    const cancel = new AbortController();
    const cancelled = token?.onCancellationRequested(() => cancel.abort());
    if (token?.isCancellationRequested) cancel.abort();
    const outcome = await module.runCoreTool(this.coreName, context, options.input, confirmed, cancel.signal).finally(() => cancelled?.dispose());
    if (!outcome.ok) {
      if (outcome.error.kind === 'production_unconfirmed') this.parts.logger.info(`Tool ${this.coreName}: refused, the call to the ${environment.label} environment was not confirmed.`);
      throw new Error(outcome.error.message);
    }
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(outcome.result, null, 2))]);
  }
}

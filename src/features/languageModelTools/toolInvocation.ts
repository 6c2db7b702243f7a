// The heavy half of the language-model tools, loaded on the first tool call: the tool table, and the extension's
// ToolContext, whose calls take Send Request's path (the request runner: the environment's tokens, the PSU
// headers from settings, a new X-Request-ID per attempt, History) and whose secrets the host's redactor knows.
import * as vscode from 'vscode';
import { ENVIRONMENT_LABELS } from '../../client/environments/environments';
import { ToolError } from '../../client/tools/toolError';
import { TOOLS } from '../../client/tools/toolTable';
import { findTool, runTool, type ToolOutcome } from '../../client/tools/runTool';
import { CONFIRM_PRODUCTION_PROPERTY } from '../../client/tools/inputSchema';
import { plannedCalls, type PlannedCall } from '../../client/tools/languageModelToolsManifest';
import type { ToolContext, ToolEnvironment } from '../../client/tools/toolContext';
import type { EnvironmentState } from '../../host/activeEnvironment';
import { describeResolutionProblem } from '../../host/environmentMessages';
import type { ToolHostParts } from './toolHostParts';
import { historyCalls } from './historyCalls';

export interface ToolPlan {
  readonly title: string;
  readonly sendsRequests: boolean;
  /** False with sendsRequests false: it changes the local sandbox through its admin endpoints (sandboxScenario). */
  readonly readOnly: boolean;
  readonly calls: readonly PlannedCall[];
}

/** What a call of this tool would do, or undefined for a name the table lacks. */
export function planOf(coreName: string, input: Readonly<Record<string, unknown>>): ToolPlan | undefined {
  const tool = findTool(coreName, TOOLS);
  if (!tool) return undefined;
  return { title: tool.title, sendsRequests: tool.sendsRequests, readOnly: tool.readOnly, calls: tool.sendsRequests ? plannedCalls(coreName, input) : [] };
}

export function toolEnvironmentOf(state: EnvironmentState): ToolEnvironment {
  const resolved = state.resolution.ok ? state.resolution.environment : undefined;
  return {
    id: state.id,
    label: resolved?.label ?? ENVIRONMENT_LABELS[state.id],
    isProduction: resolved?.isProduction ?? state.id === 'production',
    authHost: resolved?.authHost ?? '',
  };
}

/** The tools' context for one invocation, in the environment that was in force when it started. */
export async function createToolContext(parts: ToolHostParts, state: EnvironmentState): Promise<ToolContext> {
  const environment = toolEnvironmentOf(state);
  const credentials = state.hasCredentials ? await parts.credentials.get(state.id) : undefined;
  const redirectUri = parts.redirectUri();
  return {
    environment,
    redactor: parts.redactor,
    history: historyCalls(parts.history),
    ...(credentials && redirectUri ? { client: { clientId: credentials.clientId, redirectUri } } : {}),
    // sandboxScenario refuses it unless the API host is loopback, as the Local Sandbox view shows only then.
    ...(state.resolution.ok ? { sandboxAdmin: parts.sandboxAdmin(state.resolution.environment.apiHost) } : {}),
    async send(request) {
      if (!state.resolution.ok) throw new ToolError('unavailable', describeResolutionProblem(state.resolution) ?? '');
      if (!state.hasCredentials) {
        throw new ToolError(
          'unavailable',
          vscode.l10n.t('No client credentials are set for the {0} environment, so nothing was sent. Ask the user to run Open Payments: Set Client Credentials.', environment.label),
        );
      }
      const result = await parts.runner.run(
        { operation: request.operation, params: request.params, ...(request.body === undefined ? {} : { body: request.body }), ...(request.context ? { context: request.context } : {}) },
        { show: false, silent: true, onlyTo: state.id, ...(request.signal ? { signal: request.signal } : {}) },
      );
      if (!result) {
        throw new ToolError('unavailable', vscode.l10n.t('The environment or its credentials changed while {0} was prepared, so nothing was sent. Call the tool again.', request.operation.id));
      }
      return result;
    },
  };
}

/**
 * Runs a core tool. The input's own confirmProduction is dropped: in VS Code only the user's answer to VS Code's
 * confirmation counts, which `confirmed` carries.
 */
export function runCoreTool(coreName: string, context: ToolContext, input: unknown, confirmed: boolean, signal?: AbortSignal): Promise<ToolOutcome> {
  const given = typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...(input as Record<string, unknown>) } : input;
  if (typeof given === 'object' && given !== null && !Array.isArray(given)) {
    const record = given as Record<string, unknown>;
    delete record[CONFIRM_PRODUCTION_PROPERTY];
    if (confirmed) record[CONFIRM_PRODUCTION_PROPERTY] = true;
  }
  return runTool(coreName, context, given, TOOLS, signal);
}

// Runs one tool by name: checks the input against its schema, applies the production guard, runs it, and masks
// every secret the context knows in what comes back. Every outcome is a value; nothing here throws.
import { isClientError } from '../errors';
import type { Redactor } from '../redaction/redaction';
import { CONFIRM_PRODUCTION_PROPERTY, checkObject } from './inputSchema';
import type { ToolContext } from './toolContext';
import { ToolError, type ToolErrorKind } from './toolError';
import { TOOLS, type ToolDefinition, type ToolResult } from './toolTable';

export type ToolOutcome =
  | { readonly ok: true; readonly result: ToolResult }
  | { readonly ok: false; readonly error: { readonly kind: ToolErrorKind; readonly message: string; readonly requestId?: string } };

export function findTool(name: string, tools: readonly ToolDefinition[] = TOOLS): ToolDefinition | undefined {
  return tools.find((tool) => tool.name === name);
}

/** The guard's refusal, or undefined when the call may go: production calls need confirmProduction: true. */
export function productionRefusal(tool: ToolDefinition, context: ToolContext, input: Readonly<Record<string, unknown>>): ToolError | undefined {
  if (!tool.sendsRequests || !context.environment.isProduction || input[CONFIRM_PRODUCTION_PROPERTY] === true) return undefined;
  return new ToolError(
    'production_unconfirmed',
    `${tool.name} would call the ${context.environment.label} environment (real banks, real money), so it was not run. Ask the user to confirm, then call it again with "${CONFIRM_PRODUCTION_PROPERTY}": true.`,
  );
}

/** A result as JSON with every known secret masked, parsed back: what leaves is what a log could show. */
function masked(result: ToolResult, redactor: Redactor): ToolResult {
  return JSON.parse(redactor.redact(JSON.stringify(result))) as ToolResult;
}

/**
 * The context for one call that `signal` can cancel: every request the tool sends carries it. A prototype link,
 * not a copy, so that the context's getters (the MCP server's client, known once the demo client is fetched)
 * still answer for the current state.
 */
function cancellable(context: ToolContext, signal: AbortSignal | undefined): ToolContext {
  if (!signal) return context;
  const scoped = Object.create(context) as { send: ToolContext['send'] };
  scoped.send = (request) => context.send({ ...request, signal });
  return scoped as unknown as ToolContext;
}

export async function runTool(name: string, context: ToolContext, input: unknown, tools: readonly ToolDefinition[] = TOOLS, signal?: AbortSignal): Promise<ToolOutcome> {
  const fail = (error: ToolError): ToolOutcome => ({
    ok: false,
    error: { kind: error.kind, message: context.redactor.redact(error.message), ...(error.requestId ? { requestId: error.requestId } : {}) },
  });
  const tool = findTool(name, tools);
  if (!tool) return fail(new ToolError('unknown_tool', `There is no tool "${name}"; the tools are ${tools.map((t) => t.name).join(', ')}.`));
  const given = input ?? {};
  // The guard first: whatever else is wrong with the input, the caller must hear that this is production.
  const refusal = productionRefusal(tool, context, typeof given === 'object' && given !== null ? (given as Readonly<Record<string, unknown>>) : {});
  if (refusal) return fail(refusal);
  const problem = checkObject(tool.inputSchema, given);
  if (problem) return fail(new ToolError('invalid_input', `${tool.name}: ${problem}`));
  const record = given as Readonly<Record<string, unknown>>;
  try {
    if (signal?.aborted) return fail(new ToolError('request_failed', `${tool.name} was cancelled before it sent anything.`));
    return { ok: true, result: masked(await tool.run(cancellable(context, signal), record), context.redactor) };
  } catch (error) {
    if (isClientError(error, 'tool')) return fail(error);
    // A defect: its message could carry anything, so only the tool's name leaves.
    return fail(new ToolError('request_failed', `${tool.name} failed unexpectedly; the server's log has the details.`));
  }
}

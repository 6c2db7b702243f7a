// The package.json `languageModelTools` entries, derived from the tool table so VS Code's copy cannot drift from
// the one source (a unit test compares them; `npm run generate:tools` writes them). Also what the VS Code side
// says before a tool runs: which operation goes where.
import { catalogueOperation, isOperationId, type OperationId } from '../catalogue/catalogue';
import { CONFIRM_PRODUCTION_PROPERTY, type ObjectSchema } from './inputSchema';
import type { ToolDefinition, ToolInput } from './toolTable';

/** VS Code's tool names are global across extensions, so ours carry the extension's prefix. */
export const LANGUAGE_MODEL_TOOL_PREFIX = 'openPayments_';

export interface LanguageModelToolEntry {
  readonly name: string;
  readonly toolReferenceName: string;
  readonly displayName: string;
  readonly userDescription: string;
  readonly modelDescription: string;
  readonly canBeReferencedInPrompt: boolean;
  readonly inputSchema: ObjectSchema;
}

export const languageModelToolName = (tool: Pick<ToolDefinition, 'name'>): string => `${LANGUAGE_MODEL_TOOL_PREFIX}${tool.name}`;

/** The core tool's name for a VS Code tool name, or undefined when it is not one of ours. */
export function coreToolName(languageModelName: string): string | undefined {
  return languageModelName.startsWith(LANGUAGE_MODEL_TOOL_PREFIX) ? languageModelName.slice(LANGUAGE_MODEL_TOOL_PREFIX.length) : undefined;
}

/**
 * The schema VS Code publishes: the core's, without confirmProduction. In VS Code the user confirms a production
 * call in VS Code's own dialog, so a model must not be able to claim that confirmation by setting a field.
 */
export function languageModelInputSchema(schema: ObjectSchema): ObjectSchema {
  if (!Object.hasOwn(schema.properties, CONFIRM_PRODUCTION_PROPERTY)) return schema;
  const { [CONFIRM_PRODUCTION_PROPERTY]: _confirmedInVsCode, ...properties } = schema.properties;
  return { ...schema, properties };
}

const PRODUCTION_NOTE = ' In the Production environment VS Code asks the user to confirm the call first.';

export function languageModelToolEntry(tool: ToolDefinition): LanguageModelToolEntry {
  const name = languageModelToolName(tool);
  return {
    name,
    toolReferenceName: name,
    displayName: `Open Payments: ${tool.title}`,
    userDescription: tool.description,
    modelDescription: tool.sendsRequests ? `${tool.description}${PRODUCTION_NOTE}` : tool.description,
    canBeReferencedInPrompt: true,
    inputSchema: languageModelInputSchema(tool.inputSchema),
  };
}

/** What one tool call will send: the operations, each as method and path with the given values filled in. */
export interface PlannedCall {
  readonly operationId: OperationId;
  readonly method: string;
  readonly path: string;
}

const text = (input: ToolInput, name: string): string | undefined => (typeof input[name] === 'string' ? (input[name] as string) : undefined);

/** The operations each sending tool calls; sendRequest calls the one it is given. */
function operationsOf(toolName: string, input: ToolInput): readonly OperationId[] {
  switch (toolName) {
    case 'findBanks':
      return [text(input, 'bic') !== undefined ? 'getASPSPDetails' : 'getASPSPList'];
    case 'bankRequirements':
      return ['getASPSPDetails'];
    case 'consentStatus':
      return ['getConsentStatus'];
    case 'paymentStatus':
      return ['getPaymentInitiationStatus'];
    case 'startAuthorisation':
      return text(input, 'kind') === 'payment' ? ['startPaymentAuthorisation'] : ['startConsentAuthorisation'];
    case 'sendRequest': {
      const id = text(input, 'operationId');
      return id !== undefined && isOperationId(id) ? [id] : [];
    }
    default:
      return [];
  }
}

/** The path values a tool's input gives, by the catalogue's wire names. */
function pathValues(toolName: string, input: ToolInput): Readonly<Record<string, string>> {
  if (toolName === 'sendRequest') {
    const params = input.params;
    return typeof params === 'object' && params !== null ? (params as Record<string, string>) : {};
  }
  const values: Record<string, string> = {};
  for (const [from, to] of [
    ['bicFi', 'bicFi'],
    ['bic', 'bicFi'],
    ['consentId', 'consentId'],
    ['paymentId', 'paymentId'],
    ['paymentProduct', 'payment-product'],
    ['paymentService', 'payment-service'],
  ] as const) {
    const value = text(input, from);
    if (value !== undefined) values[to] = value;
  }
  if (values['payment-product'] !== undefined) values['payment-service'] ??= 'payments';
  return values;
}

/** The calls a tool would make for this input, or none for a tool that sends nothing (or an unknown operation). */
export function plannedCalls(toolName: string, input: ToolInput): readonly PlannedCall[] {
  const values = pathValues(toolName, input);
  return operationsOf(toolName, input).map((id) => {
    const operation = catalogueOperation(id);
    const path = operation.path.replace(/\{([^}]+)\}/g, (placeholder, name: string) => {
      const value = values[name];
      return typeof value === 'string' && value !== '' ? encodeURIComponent(value) : placeholder;
    });
    return { operationId: id, method: operation.method, path };
  });
}

// The tools' input schemas as JSON Schema (what MCP and vscode.lm tools both publish), built from the catalogue's
// own parameters, and the small check of an input against them. Only the subset of JSON Schema these builders
// write is understood; the check is ours rather than a validator library's so the MCP bundle stays small.
import { OPERATIONS, catalogueOperation, type Operation, type OperationId } from '../catalogue/catalogue';
import type { OperationParam } from '../catalogue/operationTypes';

export interface StringSchema {
  readonly type: 'string';
  readonly description?: string;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly examples?: readonly string[];
}

/** A whole number within bounds (how many calls a fault answers, seconds of Retry-After). */
export interface IntegerSchema {
  readonly type: 'integer';
  readonly description?: string;
  readonly minimum: number;
  readonly maximum: number;
}

export interface BooleanSchema {
  readonly type: 'boolean';
  readonly description?: string;
}

/** A JSON body: an object, or JSON text. */
export interface BodySchema {
  readonly type: readonly ['object', 'string'];
  readonly description?: string;
}

export interface ObjectSchema {
  readonly type: 'object';
  readonly description?: string;
  readonly properties: Readonly<Record<string, PropertySchema>>;
  readonly required?: readonly string[];
  /** false: an unknown name is refused; a schema: every further name must match it. */
  readonly additionalProperties: false | StringSchema;
}

export type PropertySchema = StringSchema | IntegerSchema | BooleanSchema | BodySchema | ObjectSchema;

/** The schema of one catalogue parameter, with the catalogue's description, enum, pattern and example. */
export function paramSchema(param: OperationParam, description = param.description): StringSchema {
  return {
    type: 'string',
    description,
    ...(param.enum ? { enum: param.enum } : {}),
    ...(param.pattern ? { pattern: param.pattern } : {}),
    ...(param.example ? { examples: [param.example] } : {}),
  };
}

/** The catalogue parameter `name` of `operationId`; a name the operation lacks is a defect here, so it throws. */
export function catalogueParam(operationId: OperationId, name: string): OperationParam {
  const found = catalogueOperation(operationId).params.find((p) => p.name === name);
  if (!found) throw new Error(`${operationId} has no parameter ${name}`);
  return found;
}

/** The parameters of one operation as an object schema, keyed by their wire names. */
export function operationParamsSchema(operation: Operation): ObjectSchema {
  const properties: Record<string, StringSchema> = {};
  for (const p of operation.params) properties[p.name] = paramSchema(p, `${p.description} (${p.in})`);
  return {
    type: 'object',
    description: `Path, query and header values of ${operation.id} by wire name.`,
    properties,
    // A header the pipeline fills from the settings (or the MCP server's variables) need not come from the caller;
    // when neither has it, the pipeline's own check names it.
    required: operation.params.filter((p) => p.required && p.source !== 'setting').map((p) => p.name),
    additionalProperties: false,
  };
}

/** Every operation id of the catalogue, in its order. */
export function operationIdSchema(description: string): StringSchema {
  return { type: 'string', description, enum: OPERATIONS.map((op) => op.id) };
}

export const CONFIRM_PRODUCTION_PROPERTY = 'confirmProduction';

export const CONFIRM_PRODUCTION_SCHEMA: BooleanSchema = {
  type: 'boolean',
  description: 'Must be true, and only after the user confirmed it, for a call that would reach the production environment (real banks, real money).',
};

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

/** A short, printable form of a value the caller sent, for a message; never more than 60 characters. */
function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

function checkString(schema: StringSchema, value: unknown, where: string): string | undefined {
  if (typeof value !== 'string') return `${where} must be a string, not ${typeName(value)}.`;
  if (schema.enum && !schema.enum.includes(value)) return `${where} is ${shown(value)}; it must be one of ${quoted(schema.enum)}.`;
  if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
    const example = schema.examples?.[0];
    return `${where} is ${shown(value)}, which does not have the expected form${example ? `, for example "${example}"` : ''} (pattern ${schema.pattern}).`;
  }
  return undefined;
}

function checkProperty(schema: PropertySchema, value: unknown, where: string): string | undefined {
  switch (schema.type) {
    case 'string':
      return checkString(schema, value, where);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= schema.minimum && value <= schema.maximum
        ? undefined
        : `${where} must be a whole number from ${schema.minimum} to ${schema.maximum}, not ${typeof value === 'string' ? shown(value) : typeName(value) === 'number' ? String(value) : typeName(value)}.`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${where} must be true or false, not ${typeName(value)}.`;
    case 'object':
      return checkObject(schema, value, where);
    default:
      return typeName(value) === 'object' || typeof value === 'string' ? undefined : `${where} must be a JSON object or JSON text, not ${typeName(value)}.`;
  }
}

/**
 * The first problem of `value` against `schema`, as a sentence naming the field and what it must be; undefined
 * when it fits. `where` names the value in the sentence ("The input", "params").
 */
export function checkObject(schema: ObjectSchema, value: unknown, where = 'The input'): string | undefined {
  if (typeName(value) !== 'object') return `${where} must be a JSON object, not ${typeName(value)}.`;
  const record = value as Readonly<Record<string, unknown>>;
  const missing = (schema.required ?? []).filter((name) => record[name] === undefined);
  if (missing.length > 0) return `${where} lacks ${quoted(missing)}, which ${missing.length === 1 ? 'is' : 'are'} required.`;
  for (const [name, field] of Object.entries(record)) {
    if (field === undefined) continue;
    const known = Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
    const fieldWhere = `${where === 'The input' ? '' : `${where}.`}${name}`;
    if (known) {
      const problem = checkProperty(known, field, `"${fieldWhere}"`);
      if (problem) return problem;
      continue;
    }
    if (schema.additionalProperties === false) {
      const names = Object.keys(schema.properties);
      return `${where} has "${name}", which is not one of its fields${names.length ? ` (${quoted(names)})` : ''}.`;
    }
    const problem = checkString(schema.additionalProperties, field, `"${fieldWhere}"`);
    if (problem) return problem;
  }
  return undefined;
}

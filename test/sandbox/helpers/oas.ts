// Validates sandbox responses against the OAS 1.3.3 response schemas with ajv, counting what it checked.
// Two documented OAS defects are patched in memory only (the reference file is never changed or copied):
//  - challengeData.data is typed string, but the platform sends an array of strings (reference §6.3);
//  - boolean exclusiveMinimum (OAS 3.0 / draft 4) is rewritten in the draft-7 form ajv reads;
//  - response `oneOf`s whose branches overlap (scaStatusResponse matches everything) are read as `anyOf`;
//  - the ASPSP list schemas are bare arrays, but the OAS's own examples and the docs wrap them
//    ({"countries": […]}, {"cities": […]}, {"aspsps": […]}, and {"tppMessages": […]} for its errors):
//    the wrapper is validated, the content by the OAS schema;
//  - frequencyPerDay has minimum 1, but the platform accepts 0 and Get Consent returns the body as sent
//    (reference §4.3.1, §4.3.2), so 0 is allowed;
//  - response headers typed `format: url` (Location) are URI references: RFC 9110 §10.2.2 allows a relative
//    Location, and ajv-formats' "url" refuses loopback hosts, which is all a local sandbox has.
// Response headers are checked from the same file: each header the OAS declares for the status is validated
// against its schema when present, and must be present when the OAS marks it required or the reference says
// the platform sends it (REFERENCE_SENT_HEADERS).
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { OPERATIONS } from '../../../src/client/catalogue/catalogue';
import { loadOas, type OasDocument } from './reference';

type JsonNode = Record<string, unknown>;

function patch(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(patch);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonNode = {};
  for (const [key, value] of Object.entries(node)) out[key === 'oneOf' ? 'anyOf' : key] = patch(value);
  // OAS 3.0 writes exclusiveMinimum/Maximum as booleans (JSON Schema draft 4); ajv wants draft-7 numbers.
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true) out[flag] = out[bound];
    else delete out[flag];
    if (out[flag] !== undefined) delete out[bound];
  }
  return out;
}

let ajv: Ajv | undefined;
let oas: OasDocument | undefined;
const compiled = new Map<string, ValidateFunction | null>();

interface ValidationStats {
  validated: number;
  byOperation: Map<string, number>;
  /** Responses whose headers were checked, and how many header values were validated in all. */
  headerResponses: number;
  headerValues: number;
}
// Each test file is its own bundle with its own copy of this module; share the count through globalThis
// and print it once, after the whole run (a root hook registered by the first bundle only).
const shared = globalThis as typeof globalThis & { __sandboxOasStats?: ValidationStats };
export const validationStats: ValidationStats = (shared.__sandboxOasStats ??= (() => {
  after(() => {
    const s = shared.__sandboxOasStats!;
    console.log(`\n  OAS schema validation: ${s.validated} responses of ${s.byOperation.size} operations validated with ajv`);
    console.log(`  OAS response headers: ${s.headerValues} header values on ${s.headerResponses} responses validated`);
    const missed = OPERATIONS.filter((op) => !s.byOperation.has(op.id)).map((op) => op.id);
    if (s.validated > 0 && missed.length > 0) console.log(`  (no JSON response validated for: ${missed.join(', ')})`);
  });
  return { validated: 0, byOperation: new Map<string, number>(), headerResponses: 0, headerValues: 0 };
})());

function setup(): { ajv: Ajv; oas: OasDocument } {
  if (!ajv || !oas) {
    oas = patch(structuredClone(loadOas())) as OasDocument;
    const schemas = oas.components['schemas'] as Record<string, JsonNode>;
    (schemas['frequencyPerDay'] as JsonNode)['minimum'] = 0;
    for (const declared of Object.values(oas.components['headers'] as Record<string, { schema?: JsonNode }>)) {
      if (declared.schema?.['format'] === 'url') declared.schema['format'] = 'uri-reference';
    }
    const challenge = schemas['challengeData']!['properties'] as JsonNode;
    challenge['data'] = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    const responses = oas.components['responses'] as Record<string, { content: Record<string, { schema: JsonNode }> }>;
    const wrap = (name: string, key: string) => {
      const json = responses[name]?.content?.['application/json'];
      if (json) json.schema = { type: 'object', required: [key], properties: { [key]: json.schema } };
    };
    wrap('OK_200_CountryList', 'countries');
    wrap('OK_200_CityList', 'cities');
    wrap('OK_200_ASPSPList', 'aspsps');
    // Same defect for ASPSP Information errors: schema tppMessages4xx is the array, the example wraps it.
    const isTppArray = (n: string) => JSON.stringify(responses[n]?.content?.['application/json']?.schema ?? '').includes('tppMessages');
    for (const name of Object.keys(responses).filter((n) => n.endsWith('_ASPSP') && isTppArray(n))) wrap(name, 'tppMessages');
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(oas as unknown as JsonNode, 'oas');
  }
  return { ajv, oas };
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The OAS response object for a status, and the JSON pointer (in the "oas" schema) it lives at. */
function responseObject(doc: OasDocument, path: string, method: string, status: number): { response: JsonNode; base: string } | undefined {
  const responses = (doc.paths[path]?.[method] as JsonNode | undefined)?.['responses'] as JsonNode | undefined;
  let response = responses?.[String(status)] as JsonNode | undefined;
  let base = `oas#/${pointer('paths', path, method, 'responses', String(status))}`;
  const ref = response?.['$ref'];
  if (typeof ref === 'string') {
    const name = ref.split('/').pop()!;
    response = (doc.components['responses'] as JsonNode)[name] as JsonNode;
    base = `oas#/${pointer('components', 'responses', name)}`;
  }
  return response ? { response, base } : undefined;
}

function responseSchemaRef(doc: OasDocument, path: string, method: string, status: number): string | undefined {
  const found = responseObject(doc, path, method, status);
  const content = found?.response['content'] as JsonNode | undefined;
  if (!found || !content?.['application/json']) return undefined;
  return `${found.base}/content/application~1json/schema`;
}

/**
 * Headers the reference says the platform sends although the OAS marks them optional (reference §4.1,
 * "Response headers"): ASPSP-SCA-Approach wherever the OAS declares it (Create Consent, Start Authorisation,
 * Update PSU Data, Create Payment), and Location on every 201, including Start Authorisation, whose Location
 * the platform's draft guide uses for the next PUT (reference §4.3.5).
 */
export const REFERENCE_SENT_HEADERS: Readonly<Record<string, (status: number, declared: boolean) => boolean>> = {
  'ASPSP-SCA-Approach': (_status, declared) => declared,
  Location: (status) => status === 201,
};

interface HeaderRule {
  readonly name: string;
  readonly required: boolean;
  readonly validate: ValidateFunction;
}

const headerRuleCache = new Map<string, readonly HeaderRule[]>();

function headerRules(validator: Ajv, doc: OasDocument, path: string, method: string, status: number): readonly HeaderRule[] {
  const key = `${method} ${path} ${status}`;
  const cached = headerRuleCache.get(key);
  if (cached) return cached;
  const found = responseObject(doc, path, method, status);
  const declared = (found?.response['headers'] ?? {}) as Record<string, JsonNode>;
  const rules = new Map<string, HeaderRule>();
  const rule = (name: string, definition: JsonNode, at: string, declaredHere: boolean) => {
    const ref = definition['$ref'];
    const resolved = typeof ref === 'string' ? ((doc.components['headers'] as JsonNode)[ref.split('/').pop()!] as JsonNode) : definition;
    const schemaAt = typeof ref === 'string' ? `oas#/${pointer('components', 'headers', ref.split('/').pop()!, 'schema')}` : `${at}/schema`;
    const promoted = REFERENCE_SENT_HEADERS[name]?.(status, declaredHere) ?? false;
    rules.set(name.toLowerCase(), { name, required: resolved['required'] === true || promoted, validate: validator.compile({ $ref: schemaAt }) });
  };
  if (found) for (const [name, definition] of Object.entries(declared)) rule(name, definition, `${found.base}/${pointer('headers', name)}`, true);
  // A promoted header the OAS does not declare for this response is still checked against its OAS definition.
  for (const name of Object.keys(REFERENCE_SENT_HEADERS)) {
    if (found && !rules.has(name.toLowerCase()) && REFERENCE_SENT_HEADERS[name]!(status, false)) {
      rule(name, { $ref: `#/components/headers/${name}` }, '', false);
    }
  }
  const list = [...rules.values()];
  headerRuleCache.set(key, list);
  return list;
}

/**
 * Validates the headers of one response against what the OAS declares for its status. Returns how many
 * header values were checked; throws naming every missing or invalid header.
 */
export function validateResponseHeaders(operationId: string, method: string, path: string, status: number, headers: Headers, except: readonly string[] = []): number {
  const { ajv: validator, oas: doc } = setup();
  const rules = headerRules(validator, doc, path.replace(/^\/psd2/, ''), method.toLowerCase(), status);
  const problems: string[] = [];
  let checked = 0;
  for (const rule of rules) {
    if (except.includes(rule.name)) continue;
    const value = headers.get(rule.name);
    if (value === null) {
      if (rule.required) problems.push(`${rule.name} is missing`);
      continue;
    }
    checked += 1;
    if (!rule.validate(value)) problems.push(`${rule.name} "${value}": ${validator.errorsText(rule.validate.errors)}`);
  }
  if (problems.length > 0) throw new Error(`${operationId} ${status} headers do not match the OAS: ${problems.join('; ')}`);
  if (rules.length > 0) {
    validationStats.headerResponses += 1;
    validationStats.headerValues += checked;
  }
  return checked;
}

/**
 * Validates one JSON response body. `path` is the catalogue path (with /psd2). Returns false when the OAS
 * declares no JSON body for this status (nothing to validate); throws with ajv's errors when invalid.
 */
export function validateResponse(operationId: string, method: string, path: string, status: number, body: unknown): boolean {
  const { ajv: validator, oas: doc } = setup();
  const oasPath = path.replace(/^\/psd2/, '');
  const key = `${method} ${oasPath} ${status}`;
  if (!compiled.has(key)) {
    const ref = responseSchemaRef(doc, oasPath, method.toLowerCase(), status);
    compiled.set(key, ref ? validator.compile({ $ref: ref }) : null);
  }
  const validate = compiled.get(key);
  if (!validate) return false;
  if (!validate(body)) {
    throw new Error(`${operationId} ${status} does not match the OAS: ${validator.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 600)}`);
  }
  validationStats.validated += 1;
  validationStats.byOperation.set(operationId, (validationStats.byOperation.get(operationId) ?? 0) + 1);
  return true;
}

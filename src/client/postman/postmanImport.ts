// Turns a Postman collection (and optionally an environment) into request files: each request goes through the
// request-file matcher to its catalogue operation and is written by the request-file writer, so an imported
// block is exactly what Save as Request File writes (token `{{token}}`, X-Request-ID `{{$guid}}`, host
// `{{API_HOST}}`). Postman's token and OAuth requests are steps the extension takes itself; they are mapped to
// those steps and left as a comment where they were, so each file still reads in the collection's order.
// Secrets (client id and secret, tokens, codes, anything Postman marks secret) are handed back apart and never
// written: a `{{variable}}` stays a reference, and values are defined in a file only when they are no secret.
import type { OperationId } from '../catalogue/catalogue';
import { Redactor } from '../redaction/redaction';
import type { RequestBlock } from '../requestFiles/httpFileSyntax';
import { parseHttpFile } from '../requestFiles/httpFileSyntax';
import { API_HOST_VARIABLE, appendRequestBlock, requestBlock, TOKEN_VARIABLE, type RequestBlockText } from '../requestFiles/httpFileWriter';
import { matchBlock } from '../requestFiles/operationMatch';
import { referencedNames } from '../requestFiles/variables';
import type { PostmanCollection, PostmanEnvironment, PostmanRequest } from './postmanFiles';

/** What the extension does in place of a Postman request to the auth server. */
export type ExtensionStep = 'clientCredentialsToken' | 'authorizationRedirect' | 'codeExchange';

export type Mapping = { readonly kind: 'operation'; readonly operationId: OperationId } | { readonly kind: 'extension'; readonly step: ExtensionStep };

export type UnmappedReason =
  | { readonly kind: 'otherHost' }
  | { readonly kind: 'noOperation' }
  | { readonly kind: 'authHost' }
  | { readonly kind: 'unknownQuery'; readonly name: string }
  | { readonly kind: 'dynamicVariable'; readonly name: string }
  | { readonly kind: 'body'; readonly mode: string };

export interface MappedRequest {
  readonly name: string;
  readonly file: string;
  readonly mapping: Mapping;
}

export interface UnmappedRequest {
  readonly name: string;
  readonly file: string;
  readonly method: string;
  /** As the collection has it, secrets masked. */
  readonly url: string;
  readonly reason: UnmappedReason;
}

export interface ImportedFile {
  /** A file name without folder: the top-level folder's name made safe, `.http`. */
  readonly fileName: string;
  /** The top-level folder (or the collection, for requests at its root). */
  readonly source: string;
  /** Blocks and comment sections, in collection order. */
  readonly sections: readonly RequestBlockText[];
  /** Values from the environment for the variables the blocks use (no secret among them). */
  readonly definitions: Readonly<Record<string, string>>;
  /** Variables the blocks use that nothing gave a value (Postman's scripts set them). */
  readonly toSet: readonly string[];
}

export interface PostmanImport {
  readonly collectionName: string;
  readonly files: readonly ImportedFile[];
  readonly mapped: readonly MappedRequest[];
  readonly unmapped: readonly UnmappedRequest[];
  /** Client id and secret from the environment or collection: for SecretStorage, nowhere else. */
  readonly credentials?: { readonly clientId?: string; readonly clientSecret?: string };
}

/** Postman names whose meaning the extension has its own name for. */
const RENAMES: Readonly<Record<string, string>> = {
  apiHost: API_HOST_VARIABLE,
  authHost: 'AUTH_HOST',
  consentAuthorisationId: 'authorisationId',
  paymentAuthorisationId: 'authorisationId',
};
/** What the extension fills itself: the hosts, a token per scope, and the newest consent and payment. */
const SUPPLIED = new Set([API_HOST_VARIABLE, 'AUTH_HOST', TOKEN_VARIABLE, 'consentId', 'paymentId']);
const CLIENT_ID = /^client_?id$/i;
const CLIENT_SECRET = /^client_?secret$/i;
const SECRET_NAME = /secret|password|passphrase|token|api[-_]?key|verifier|(?:auth\w*|information|initiation|^)code$/i;
const REFERENCE = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function ourVariableName(postmanName: string): string {
  const renamed = RENAMES[postmanName];
  if (renamed !== undefined) return renamed;
  // aspspInformationBearerToken, accountBearerToken, paymentBearerToken: the token the extension gets per scope.
  return /token$/i.test(postmanName) && !CLIENT_SECRET.test(postmanName) ? TOKEN_VARIABLE : postmanName;
}

export function isSecretName(name: string): boolean {
  return CLIENT_ID.test(name) || SECRET_NAME.test(name);
}

export function importCollection(collection: PostmanCollection, environment?: PostmanEnvironment): PostmanImport {
  const redactor = new Redactor();
  const values = new Map<string, string>();
  let clientId: string | undefined;
  let clientSecret: string | undefined;
  const sources: [ReadonlyMap<string, string>, ReadonlySet<string>][] = [[collection.variables, new Set()]];
  if (environment) sources.push([environment.values, environment.markedSecret]);
  // The environment's values win over the collection's, as in Postman.
  for (const [source, marked] of sources) {
    for (const [key, value] of source) {
      if (CLIENT_ID.test(key) && value.trim() !== '') clientId = value.trim();
      if (CLIENT_SECRET.test(key) && value.trim() !== '') clientSecret = value.trim();
      if (isSecretName(key) || marked.has(key)) {
        redactor.addSecret(value);
        continue;
      }
      values.set(ourVariableName(key), value);
    }
  }

  const files = new Map<string, { source: string; sections: RequestBlockText[] }>();
  const mapped: MappedRequest[] = [];
  const unmapped: UnmappedRequest[] = [];
  for (const request of collection.requests) {
    const source = request.folders[0] ?? collection.name;
    const fileName = fileNameFor(source);
    let file = files.get(fileName);
    if (!file) {
      file = { source, sections: [] };
      files.set(fileName, file);
    }
    const outcome = mapRequest(request, redactor);
    if (outcome.kind === 'unmapped') {
      unmapped.push({ name: request.name, file: fileName, method: request.method, url: redactor.redact(request.url), reason: outcome.reason });
      continue;
    }
    mapped.push({ name: request.name, file: fileName, mapping: outcome.mapping });
    file.sections.push(outcome.section);
  }

  const written: ImportedFile[] = [...files].map(([fileName, { source, sections }]) => ({ fileName, source, sections, ...definitionsFor(sections, values, redactor) }));
  const credentials = clientId === undefined && clientSecret === undefined ? undefined : { ...(clientId ? { clientId } : {}), ...(clientSecret ? { clientSecret } : {}) };
  return {
    collectionName: collection.name,
    files: written,
    mapped,
    unmapped,
    ...(credentials ? { credentials } : {}),
  };
}

/**
 * The text of one request file after the import: `existing` (empty for a new file) with the sections appended by
 * the request-file writer. A new file opens with where it came from and what to set before sending; a file that
 * exists keeps its own variables, and gets only the definitions it lacks.
 */
export function importedFileText(existing: string, file: ImportedFile, origin: { readonly collectionName: string }): string {
  const fresh = existing.trim() === '';
  const defined = parseHttpFile(existing).variables;
  const definitions = Object.fromEntries(Object.entries(file.definitions).filter(([name]) => !defined.has(name)));
  let text = existing;
  file.sections.forEach((section, index) => {
    text = appendRequestBlock(text, index === 0 ? { text: section.text, variables: { ...definitions, ...section.variables } } : section);
  });
  if (!fresh) return text;
  const head = `# Imported from the Postman collection "${oneLine(origin.collectionName)}", folder "${oneLine(file.source)}".`;
  const toSet = file.toSet.length > 0 ? `\n# Define before sending: ${file.toSet.map((name) => `@${name}`).join(', ')}.` : '';
  return `${head}${toSet}\n${text}`;
}

type Outcome = { kind: 'mapped'; mapping: Mapping; section: RequestBlockText } | { kind: 'unmapped'; reason: UnmappedReason };

function mapRequest(request: PostmanRequest, redactor: Redactor): Outcome {
  const url = renameVariables(request.url);
  const block: RequestBlock = {
    startLine: 0,
    endLine: 0,
    requestLine: 0,
    method: request.method,
    url,
    headers: request.headers.map((header) => ({ name: header.name, value: renameVariables(header.value), line: 0 })),
    ...(request.body?.mode === 'raw' ? { body: renameVariables(request.body.text) } : {}),
  };
  // Every variable resolves to itself: the matcher then reads which operation this is and hands back the
  // parameters as the `{{references}}` they are, never a value.
  const match = matchBlock(block, { variables: new Map(), supplied: (name) => `{{${name}}}`, freshId: () => '{{$guid}}' });
  switch (match.kind) {
    case 'operation': {
      if (request.body !== undefined && request.body.mode !== 'raw') return { kind: 'unmapped', reason: { kind: 'body', mode: request.body.mode === 'other' ? request.body.name : request.body.mode } };
      const params = Object.fromEntries(Object.entries(match.params).map(([name, value]) => [name, redactor.redact(value)]));
      const section = requestBlock({ operation: match.operation, params, ...(match.body === undefined ? {} : { body: redactor.redact(match.body) }), name: request.name });
      return { kind: 'mapped', mapping: { kind: 'operation', operationId: match.operation.id }, section };
    }
    case 'notCatalogue': {
      const step = match.reason === 'authHost' ? extensionStep(match.path, request) : undefined;
      if (step) return { kind: 'mapped', mapping: { kind: 'extension', step }, section: commentSection(request.name, EXTENSION_STEP_NOTES[step]) };
      return { kind: 'unmapped', reason: { kind: match.reason } };
    }
    case 'unknownQuery':
      return { kind: 'unmapped', reason: { kind: 'unknownQuery', name: match.name } };
    case 'unknownVariable':
      return { kind: 'unmapped', reason: { kind: 'dynamicVariable', name: match.name } };
  }
}

/** What the extension does instead of each Postman auth request: the file's comment, and the report's words. */
export const EXTENSION_STEP_NOTES: Readonly<Record<ExtensionStep, string>> = {
  clientCredentialsToken: 'Token request: the extension gets tokens itself.',
  authorizationRedirect: 'Bank login: Authorise Consent… and Authorise Payment… open it.',
  codeExchange: 'Code exchange: the extension makes it itself.',
};

function extensionStep(path: string, request: PostmanRequest): ExtensionStep | undefined {
  if (/\/connect\/authorize\/?$/.test(path)) return 'authorizationRedirect';
  if (!/\/connect\/token\/?$/.test(path)) return undefined;
  const fields = request.body?.mode === 'urlencoded' || request.body?.mode === 'formdata' ? request.body.fields : [];
  return fields.some((field) => field.name === 'code') ? 'codeExchange' : 'clientCredentialsToken';
}

function commentSection(name: string, comment: string): RequestBlockText {
  return { text: `### ${oneLine(name)}\n# ${oneLine(comment)}\n`, variables: {} };
}

function renameVariables(text: string): string {
  return text.replace(REFERENCE, (whole, name: string) => {
    const ours = ourVariableName(name);
    return ours === name ? whole : `{{${ours}}}`;
  });
}

function definitionsFor(sections: readonly RequestBlockText[], values: ReadonlyMap<string, string>, redactor: Redactor): { definitions: Record<string, string>; toSet: string[] } {
  const definitions: Record<string, string> = {};
  const toSet: string[] = [];
  for (const section of sections) {
    // Comment sections name Postman's variables in prose only, never as references, so this reads blocks.
    for (const name of referencedNames(section.text)) {
      if (name.startsWith('$') || SUPPLIED.has(name) || name in definitions || toSet.includes(name)) continue;
      const value = values.get(name);
      if (value !== undefined && value.trim() !== '' && !isSecretName(name)) definitions[name] = redactor.redact(oneLine(value));
      else toSet.push(name);
    }
  }
  return { definitions, toSet };
}

/** Folders whose names differ only in punctuation share a file, one after the other. */
function fileNameFor(source: string): string {
  return `${source.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'requests'}.http`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

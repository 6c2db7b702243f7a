// Fills `{{name}}` references the way the request-file tools do: file variables (which may refer to others,
// defined before or after), then values the caller supplies, then system variables such as `{{$guid}}`.
// A name nobody knows is reported, never sent as literal braces.
import { newRequestId } from '../http/requestId';

const REFERENCE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const MAX_DEPTH = 10;

/** The system variables that make a fresh id; they all mean "a new UUID" in one tool or another. */
export const FRESH_ID_VARIABLES: readonly string[] = ['$guid', '$uuid', '$randomUUID', '$random.uuid'];

export type Resolution = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly unknown: string };

export interface VariableScope {
  /** File variables by name, their values as written (may contain references). */
  readonly file: ReadonlyMap<string, { readonly value: string }>;
  /** Values from outside the file, asked only for names the file does not define. */
  readonly supplied?: (name: string) => string | undefined;
  /** For tests: what a fresh id is. */
  readonly freshId?: () => string;
}

/** The names `text` refers to, in order of appearance. */
export function referencedNames(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((match) => match[1] as string);
}

export function resolveVariables(text: string, scope: VariableScope): Resolution {
  return resolveAt(text, scope, 0, new Set());
}

function resolveAt(text: string, scope: VariableScope, depth: number, seen: ReadonlySet<string>): Resolution {
  let unknown: string | undefined;
  const result = text.replace(REFERENCE, (whole, rawName: string) => {
    if (unknown !== undefined) return whole;
    const value = valueOf(rawName, scope, depth, seen);
    if (value === undefined) {
      unknown = rawName;
      return whole;
    }
    return value;
  });
  return unknown === undefined ? { ok: true, text: result } : { ok: false, unknown };
}

function valueOf(name: string, scope: VariableScope, depth: number, seen: ReadonlySet<string>): string | undefined {
  if (name.startsWith('$')) return systemValue(name, scope);
  const defined = scope.file.get(name);
  if (defined !== undefined) {
    // A variable that refers to itself, directly or not, is as good as unknown.
    if (seen.has(name) || depth >= MAX_DEPTH) return undefined;
    const inner = resolveAt(defined.value, scope, depth + 1, new Set([...seen, name]));
    return inner.ok ? inner.text : undefined;
  }
  return scope.supplied?.(name);
}

function systemValue(name: string, scope: VariableScope): string | undefined {
  if (FRESH_ID_VARIABLES.includes(name)) return (scope.freshId ?? newRequestId)();
  if (name === '$timestamp') return String(Math.floor(Date.now() / 1000));
  if (name === '$isoTimestamp') return new Date().toISOString();
  return undefined;
}

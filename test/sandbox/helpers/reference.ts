// Locates the third-party reference files (never copied into the repo) beside the repository.
// Tests that need them skip with a clear message when the folder is absent.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

function findRepoRoot(): string {
  // Bundled tests live in out/test/..., sources in test/...; walk up to the folder with package.json.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot();
export const referenceDir = path.resolve(repoRoot, '..', 'shared', 'reference');

export const OAS_FILE = 'openpayments-NextGenPSD2-1.3.3.yaml';
export const COLLECTION_FILE = 'obp.postman_collection.json';
export const SANDBOX_ENV_FILE = 'sandbox.postman_environment.json';
export const API_REFERENCE_FILE = 'openpayments-api.md';

export function hasReference(...files: string[]): boolean {
  return files.every((f) => fs.existsSync(path.join(referenceDir, f)));
}

/** Call at the top of a `before` hook: skips the suite when the reference files are missing. */
export function requireReference(ctx: Mocha.Context, ...files: string[]): void {
  if (!hasReference(...files)) {
    console.log(`    (skipped: reference files ${files.join(', ')} not found in ${referenceDir})`);
    ctx.skip();
  }
}

export interface OasDocument {
  paths: Record<string, Record<string, { operationId?: string; parameters?: unknown[] } & Record<string, unknown>>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

let oasCache: OasDocument | undefined;
export function loadOas(): OasDocument {
  oasCache ??= YAML.parse(fs.readFileSync(path.join(referenceDir, OAS_FILE), 'utf8')) as OasDocument;
  return oasCache;
}

export function loadText(file: string): string {
  return fs.readFileSync(path.join(referenceDir, file), 'utf8');
}

export function loadJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(referenceDir, file), 'utf8')) as T;
}

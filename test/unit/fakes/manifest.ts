// Test helpers that read the real package.json, so tests check what users actually get.
import fs from 'node:fs';
import path from 'node:path';
import { fake, viewsFake } from './vscode';

export interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { default?: unknown; scope?: string; enum?: string[] }> };
    viewsWelcome: { view: string; contents: string; when?: string }[];
    views: Record<string, { id: string; name: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    menus: Record<string, { command: string; when?: string }[]>;
  };
  [key: string]: unknown;
}

export const repoRoot = path.resolve(process.cwd());

export function readManifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

/** Starts each test from a clean fake with the manifest's setting defaults. */
export function resetWithManifestDefaults(): void {
  fake.reset();
  viewsFake.reset();
  fake.configurationDefaults.clear();
  for (const [key, schema] of Object.entries(readManifest().contributes.configuration.properties)) {
    fake.configurationDefaults.set(key, schema.default);
  }
}

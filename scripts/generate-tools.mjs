// Writes package.json's contributes.languageModelTools from the tool table (src/client/tools), the one source of
// the tools' names, descriptions and input schemas; test/unit/tools/languageModelToolsManifest.test.ts fails
// when the two differ. Only that one key is replaced, so the rest of package.json keeps its form.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = await esbuild.build({
  stdin: {
    contents: "import { TOOLS } from './src/client/tools/toolTable'; import { languageModelToolEntry } from './src/client/tools/languageModelToolsManifest'; export const entries = TOOLS.map(languageModelToolEntry);",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'error',
});
const { entries } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);

const file = path.join(root, 'package.json');
const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
manifest.contributes.languageModelTools = entries;
fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${entries.length} languageModelTools to package.json.`);

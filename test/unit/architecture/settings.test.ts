// Settings are read in one place: the SettingsReader, which knows every contributed key, its type and its
// change events. Anything else reaching for vscode.workspace.getConfiguration would read a setting behind its
// back (and a default or a validation could drift). Checked on the syntax of every file under src/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const THE_READER = 'src/host/settings/settingsReader.ts';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.posix.join(entry.parentPath.split(path.sep).join('/'), entry.name));
}

/** The lines of `source` that name getConfiguration in code (a call, a reference or a destructuring), not in comments. */
function getConfigurationUses(fileName: string, source: string): number[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'getConfiguration') lines.push(file.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    if (ts.isStringLiteral(node) && node.text === 'getConfiguration') lines.push(file.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return lines;
}

function offenders(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, source] of files) {
    if (file === THE_READER) continue;
    for (const line of getConfigurationUses(file, source)) found.push(`${file}:${line}`);
  }
  return found;
}

describe('settings are read in one place', () => {
  it('no file under src/ but the SettingsReader calls getConfiguration', () => {
    const files = new Map(sourceFiles('src').map((file) => [file, fs.readFileSync(file, 'utf8')] as const));
    assert.ok(files.has(THE_READER), `${THE_READER} exists`);
    assert.ok(getConfigurationUses(THE_READER, files.get(THE_READER) ?? '').length > 0, 'the reader itself is seen reading');
    assert.deepEqual(offenders(files), []);
  });

  it('would catch a feature reading a setting itself, however it spells the call, but not a comment about it', () => {
    const files = new Map([
      ['src/features/sca/scaSession.ts', "const uri = vscode.workspace.getConfiguration('openPayments').get('redirectUri');"],
      ['src/host/other.ts', "const { getConfiguration } = vscode.workspace;\nconst c = getConfiguration('editor');"],
      ['src/host/indirect.ts', "const c = vscode.workspace['getConfiguration']('http');"],
      ['src/host/fine.ts', '// getConfiguration is only called by the SettingsReader.'],
      [THE_READER, "vscode.workspace.getConfiguration('openPayments');"],
    ]);
    assert.deepEqual(offenders(files), ['src/features/sca/scaSession.ts:1', 'src/host/other.ts:1', 'src/host/other.ts:2', 'src/host/indirect.ts:1']);
  });
});

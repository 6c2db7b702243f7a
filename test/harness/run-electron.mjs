// `npm run test:electron`: the same extension-host suite in desktop VS Code, for people who can download it
// (@vscode/test-electron fetches VS Code on first use; our CI machines cannot, so CI uses code-server).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './codeServer.mjs';

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openpayments-electron-')), 'report.jsonl');
try {
  await runTests({
    version: process.env.OPENPAYMENTS_VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'integration', 'index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust', fs.mkdtempSync(path.join(os.tmpdir(), 'openpayments-ws-'))],
    extensionTestsEnv: { OPENPAYMENTS_TEST_REPORT: report },
  });
  console.log(fs.readFileSync(report, 'utf8'));
} catch (error) {
  if (fs.existsSync(report)) console.log(fs.readFileSync(report, 'utf8'));
  console.error(`Desktop VS Code tests failed: ${error.message ?? error}`);
  process.exitCode = 1;
}

// `npm run test:electron`: the same extension-host suite in desktop VS Code, for people who can download it
// (@vscode/test-electron fetches VS Code on first use; our CI machines cannot, so CI uses code-server). Like
// run-integration.mjs: the real sandbox with this run's secret, the suite and then the after-reload session
// on the same user data, then the search of everything VS Code wrote for the secret and issued tokens, and of
// VS Code's extension host log for warnings and errors that name the extension.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './codeServer.mjs';
import { extensionHostLogResult, issuedSecrets, itEnv, newRunSecret, printResults, reportResults, secretScanResult, startItSandbox } from './itSandbox.mjs';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'openpayments-electron-'));
const report = path.join(root, 'report.jsonl');
fs.writeFileSync(report, '');
const userData = path.join(root, 'user-data');
const extensions = path.join(root, 'extensions');
const workspace = path.join(root, 'workspace');
fs.mkdirSync(workspace);
const secret = newRunSecret();
const results = [];
const started = Date.now();
let sandbox;
try {
  sandbox = await startItSandbox(secret);
  for (const [label, tests] of [
    ['integration suite', 'index.js'],
    ['after-reload suite', 'afterReload.js'],
  ]) {
    const before = reportResults(report).length;
    try {
      await runTests({
        version: process.env.OPENPAYMENTS_VSCODE_VERSION ?? '1.100.3',
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: path.join(repoRoot, 'out', 'integration', tests),
        launchArgs: ['--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userData}`, `--extensions-dir=${extensions}`, workspace],
        extensionTestsEnv: itEnv(sandbox, secret, report),
      });
    } catch (error) {
      // A failing test makes runTests reject too; the report says which. Only a run that reported nothing is a harness failure.
      if (reportResults(report).length === before) results.push({ state: 'failed', title: label, error: String(error?.message ?? error) });
    }
  }
  results.push(...reportResults(report));
  const issued = await issuedSecrets(sandbox);
  await sandbox.close();
  sandbox = undefined;
  results.push(secretScanResult([userData, extensions], secret, issued));
  results.push(extensionHostLogResult(userData));
} catch (error) {
  results.push({ state: 'failed', title: 'desktop VS Code harness', error: error.stack ?? String(error) });
} finally {
  await sandbox?.close();
  fs.rmSync(root, { recursive: true, force: true });
}
const counts = printResults('integration in desktop VS Code (@vscode/test-electron)', results, started);
process.exitCode = counts.failed ? 1 : 0;

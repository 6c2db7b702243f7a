// Runs the extension-host suite (out/integration/index.js) inside a real VS Code (code-server + headless
// Chromium), then searches every file that VS Code wrote for the secret the suite used and for every token
// and code the sandbox issued.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, repoRoot, startCodeServer, vscodeVersion, workbenchUrl } from './codeServer.mjs';
import { extensionHostLogResult, issuedSecrets, itEnv, newRunSecret, printResults, reportResults, secretScanResult, startItSandbox } from './itSandbox.mjs';
import { writeLayerStats } from './stats.mjs';

const TIMEOUT_MS = Number(process.env.OPENPAYMENTS_IT_TIMEOUT_MS ?? 420_000);
const testsPath = path.join(repoRoot, 'out', 'integration', 'index.js');
if (!fs.existsSync(testsPath)) {
  console.error(`integration: ${testsPath} is missing; run node esbuild.js --only=extension,integration first`);
  process.exit(2);
}

const secret = newRunSecret();
const report = path.join(fs.mkdtempSync(path.join(repoRoot, 'out', 'it-')), 'report.jsonl');
fs.writeFileSync(report, '');

const results = [];
let server;
let browser;
let sandbox;
const started = Date.now();
try {
  // The real local sandbox, with a client whose secret is this run's secret, so the scan below covers
  // everything the extension did with it (token requests, logs, history).
  sandbox = await startItSandbox(secret);
  server = await startCodeServer({ label: 'integration', keepData: true, env: itEnv(sandbox, secret, report) });
  browser = await launchBrowser('integration');
  // Two extension-host sessions on the same user data: the suite, then a reloaded window that checks what
  // the first left behind.
  for (const [label, tests] of [
    ['integration suite', testsPath],
    ['after-reload suite', path.join(repoRoot, 'out', 'integration', 'afterReload.js')],
  ]) {
    const code = await runSession(browser.context, workbenchUrl(server, { testsPath: tests }));
    if (code === 'timeout') results.push({ state: 'failed', title: label, error: `no result within ${TIMEOUT_MS} ms` });
  }

  results.push(...reportResults(report));
  if (!results.length) {
    results.push({ state: 'failed', title: 'integration suite', error: `the extension host ran no test; see ${server.logFile}` });
  }

  // Every access token and authorization code the sandbox issued to the extension during the run is searched
  // for too: masking must have kept each of them out of logs, history and state, not only the client secret.
  const issued = await issuedSecrets(sandbox);

  await browser.close();
  await server.stop();
  await sandbox.close();
  sandbox = undefined;

  // The suite removes the credentials it stored, so neither the server's files (settings, state, logs)
  // nor the browser's profile (workbench storage, caches) may contain the secret anywhere.
  results.push(secretScanResult([server.dirs.root, browser.profile], secret, issued));
  results.push(extensionHostLogResult(server.dirs.userData));
} catch (error) {
  results.push({ state: 'failed', title: 'integration harness', error: error.stack ?? String(error) });
} finally {
  await browser?.close();
  browser?.removeProfile();
  await server?.stop();
  await sandbox?.close();
  if (server) fs.rmSync(server.dirs.root, { recursive: true, force: true });
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
}

const counts = printResults(`integration (real VS Code ${vscodeVersion.vscode} extension host)`, results, started);
writeLayerStats(`integration@${vscodeVersion.vscode}`, counts);
process.exitCode = counts.failed ? 1 : 0;

/** Opens one workbench window that runs a test module, and waits for it to report its exit code. */
async function runSession(context, url) {
  const page = await context.newPage();
  try {
    const exitCode = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    await page.goto(url);
    // unref: a pending timer must not keep this process alive once the suite has reported.
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref());
    return await Promise.race([exitCode, timeout]);
  } finally {
    await page.close().catch(() => undefined);
  }
}

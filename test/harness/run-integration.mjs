// Runs the extension-host suite (out/integration/index.js) inside a real VS Code (code-server + headless
// Chromium), then searches every file that VS Code wrote for the secret the suite used and for every token
// and code the sandbox issued.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { findInFiles, launchBrowser, repoRoot, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { writeLayerStats } from './stats.mjs';

const TIMEOUT_MS = Number(process.env.OPENPAYMENTS_IT_TIMEOUT_MS ?? 240_000);
const testsPath = path.join(repoRoot, 'out', 'integration', 'index.js');
if (!fs.existsSync(testsPath)) {
  console.error(`integration: ${testsPath} is missing; run node esbuild.js --only=extension,integration first`);
  process.exit(2);
}

const secret = `it-secret-${crypto.randomBytes(12).toString('hex')}`;
const sandboxModule = path.join(repoRoot, 'dist', 'sandbox', 'index.mjs');
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
  const { start } = await import(sandboxModule);
  sandbox = await start({
    clients: [
      {
        clientId: 'it-client',
        clientSecret: secret,
        redirectUris: ['http://127.0.0.1:53682/callback'],
        products: ['aspspinformation', 'accountinformation', 'paymentinitiation'],
      },
    ],
  });
  server = await startCodeServer({
    label: 'integration',
    keepData: true,
    env: {
      OPENPAYMENTS_TEST_REPORT: report,
      OPENPAYMENTS_IT_SECRET: secret,
      OPENPAYMENTS_IT_SHARED: path.dirname(report),
      OPENPAYMENTS_IT_AUTH_HOST: sandbox.authHost,
      OPENPAYMENTS_IT_API_HOST: sandbox.apiHost,
      OPENPAYMENTS_TEST_GREP: process.env.OPENPAYMENTS_TEST_GREP ?? '',
    },
  });
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

  for (const line of fs.readFileSync(report, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    if (record.state !== 'end') results.push(record);
  }
  if (!results.length) {
    results.push({ state: 'failed', title: 'integration suite', error: `the extension host ran no test; see ${server.logFile}` });
  }

  // Every access token and authorization code the sandbox issued to the extension during the run is searched
  // for too: masking must have kept each of them out of logs, history and state, not only the client secret.
  const issued = await (await fetch(`${sandbox.apiHost}/__sandbox/secrets`)).json();
  const issuedSecrets = [...issued.accessTokens, ...issued.authorizationCodes, ...issued.refreshTokens].map((entry) => entry.value);
  if (issued.accessTokens.length === 0) {
    throw new Error('the sandbox reports no access token issued; the secret scan would miss them');
  }

  await browser.close();
  await server.stop();
  await sandbox.close();
  sandbox = undefined;

  // The suite removes the credentials it stored, so neither the server's files (settings, state, logs)
  // nor the browser's profile (workbench storage, caches) may contain the secret anywhere.
  // A planted canary proves the search itself finds what it looks for.
  const canary = path.join(server.dirs.root, 'canary.txt');
  fs.writeFileSync(canary, `planted ${secret} and ${issuedSecrets[0]}`);
  const needles = [secret, ...issuedSecrets];
  const hits = [...findInFiles(server.dirs.root, needles), ...findInFiles(browser.profile, needles)].filter(([file]) => file !== canary);
  const canaryHits = findInFiles(server.dirs.root, needles).filter(([file]) => file === canary).map(([, needle]) => needle);
  if (!canaryHits.includes(secret) || !canaryHits.includes(issuedSecrets[0])) {
    throw new Error('the secret search did not find its planted canary; the scan cannot be trusted');
  }
  const TITLE = 'no client secret, nor any token or code the sandbox issued, in settings, state, logs or any other file VS Code wrote';
  results.push(
    hits.length
      ? {
          state: 'failed',
          title: TITLE,
          error: hits.map(([f, needle]) => `${f}: ${needle === secret ? 'the client secret' : 'a token or code the sandbox issued'}`).join('\n'),
        }
      : { state: 'passed', title: TITLE },
  );
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

const counts = { passed: 0, failed: 0, skipped: 0 };
console.log('\n  integration (real VS Code extension host)');
for (const result of results) {
  counts[result.state] += 1;
  const mark = result.state === 'passed' ? '✔' : result.state === 'failed' ? '✘' : '-';
  console.log(`    ${mark} ${result.title}${result.ms ? ` (${result.ms} ms)` : ''}`);
  if (result.error) console.log(result.error.split('\n').map((l) => `        ${l}`).join('\n'));
}
console.log(`  ${counts.passed} passing, ${counts.failed} failing, ${counts.skipped} pending (${((Date.now() - started) / 1000).toFixed(1)} s)`);
writeLayerStats('integration', counts);
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

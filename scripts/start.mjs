// `npm start`: builds the extension, starts the local sandbox, then a real VS Code (code-server) with the
// extension loaded and the `local` environment selected, and prints the URL to open. Ctrl+C stops it all.
// `npm start -- --desktop` opens desktop VS Code instead when `code` is on the PATH.
// OPENPAYMENTS_VSCODE=1.139 uses the current VS Code instead of our engines minimum (1.100).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const desktop = args.includes('--desktop');
const port = Number(process.env.OPENPAYMENTS_PORT ?? 8080);

function run(cmd, cmdArgs) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['esbuild.js', '--only=extension,sandbox']);

const stops = [];
async function stopAll(code = 0) {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

const sandboxModule = path.join(root, 'dist', 'sandbox', 'index.mjs');
let sandbox;
if (fs.existsSync(sandboxModule)) {
  const { start, DEFAULT_CLI_DECOUPLED_SECONDS } = await import(sandboxModule);
  // The extension's `local` environment expects exactly these addresses (src/core/environments.ts). Decoupled
  // SCA is paced like a person signing in the app, so the QR code can be seen refreshing before it finishes.
  try {
    sandbox = await start({ host: '127.0.0.2', authPort: 8401, apiPort: 8402, decoupledSeconds: DEFAULT_CLI_DECOUPLED_SECONDS });
  } catch (error) {
    console.error(`The local sandbox could not start on 127.0.0.2:8401/8402 (${error.message}). Is another \`npm start\` or \`npm run sandbox\` running?`);
    process.exit(1);
  }
  stops.push(() => sandbox.close());
  console.log(`Local sandbox: AUTH_HOST ${sandbox.authHost}  API_HOST ${sandbox.apiHost}`);
  console.log(`  demo client_id ${sandbox.client.clientId}  client_secret ${sandbox.client.clientSecret}`);
  console.log(`  redirect URI ${sandbox.client.redirectUri}`);
}

// Persistent across runs, inside the clone: stored credentials and settings survive a restart. The UI test of
// this command gives it a fresh folder instead (OPENPAYMENTS_START_DATA).
const dataDir = process.env.OPENPAYMENTS_START_DATA ?? path.join(root, '.cache', 'workbench');
// The folder VS Code opens lies outside the clone: inside it, VS Code's Git would greet a newcomer with "a
// repository was found in the parent folders".
const workspace = process.env.OPENPAYMENTS_START_DATA ? path.join(dataDir, 'workspace') : path.join(os.tmpdir(), 'open-payments-vscode-workspace');
fs.mkdirSync(workspace, { recursive: true });
const userSettings = path.join(dataDir, 'user-data', 'User', 'settings.json');
fs.mkdirSync(path.dirname(userSettings), { recursive: true });
if (!fs.existsSync(userSettings)) {
  fs.writeFileSync(userSettings, `${JSON.stringify({ 'openPayments.environment': 'local', 'workbench.startupEditor': 'none' }, null, 2)}\n`);
}

if (desktop) {
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.error('Desktop VS Code (`code`) is not on the PATH. Run `npm start` without --desktop to use the browser.');
    await stopAll(1);
  }
  // Desktop VS Code keeps the user's own settings; the workspace it opens selects the local environment.
  const workspaceSettings = path.join(workspace, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(workspaceSettings), { recursive: true });
  if (!fs.existsSync(workspaceSettings)) fs.writeFileSync(workspaceSettings, `${JSON.stringify({ 'openPayments.environment': 'local' }, null, 2)}\n`);
  const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, workspace], { stdio: 'inherit' });
  child.on('exit', () => console.log('VS Code started; the sandbox keeps running until Ctrl+C.'));
} else {
  const { startCodeServer, workbenchUrl } = await import('../test/harness/codeServer.mjs');
  const { codeServerFor } = await import('./vscode-versions.mjs');
  const vscode = codeServerFor(process.env.OPENPAYMENTS_VSCODE);
  // The workbench URL that loads the extension under development is ~300 characters; the printed address is
  // a short one on the usual port that sends the browser there. It is taken first, so a busy port fails fast.
  let target;
  const redirect = http.createServer((_request, response) => {
    if (!target) {
      response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '2' }).end('VS Code is still starting; reload in a moment.');
      return;
    }
    response.writeHead(302, { location: target, 'cache-control': 'no-store', connection: 'close' }).end();
  });
  try {
    await new Promise((resolve, reject) => {
      redirect.once('error', reject);
      redirect.listen(port, '127.0.0.1', resolve);
    });
  } catch (error) {
    console.error(`Port ${port} on 127.0.0.1 is taken (${error.code ?? error.message}). Stop what uses it, or choose another: OPENPAYMENTS_PORT=8081 npm start`);
    await stopAll(1);
  }
  stops.push(() => new Promise((resolve) => {
    redirect.closeAllConnections();
    redirect.close(() => resolve());
  }));
  const server = await startCodeServer({ label: 'start', root: dataDir, keepData: true, workspace, vscode });
  stops.push(() => server.stop());
  target = workbenchUrl(server);
  console.log(`\nOpen Payments for VS Code is running in a real VS Code ${vscode.vscode} (code-server).`);
  console.log(`Open this URL in your browser:\n\n  http://127.0.0.1:${port}/\n`);
  console.log('Press Ctrl+C to stop code-server and the local sandbox.');
}

// Installs whatever a fresh machine lacks before `npm start`, `npm test` or `npm run package` runs, so the
// README's commands need no `npm ci` first. Node built-ins only: it runs before node_modules exists.
// When everything is present it spawns nothing and adds a few milliseconds to Node's start.
// Usage: node scripts/ensure-setup.mjs <start|test|package|code-servers> [VS Code version, with code-servers]
// `test` installs the Debian packages and npm dependencies only: test/harness/run-all.mjs then installs the
// code-servers (`code-servers 1.100`, then `code-servers 1.139`) in the background while the layers that need
// no VS Code run, and starts each version's layers as soon as its code-server is in place, which on a fresh
// machine hides their five to six minutes behind the other layers.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependenciesCurrent, missingDebianPackages } from './setup-checks.mjs';
import { CODE_SERVERS, codeServerFor } from './vscode-versions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv[2] ?? 'test';
const log = (line) => console.error(`setup: ${line}`);

function ensureDebianPackages() {
  const missing = missingDebianPackages(purpose);
  if (!missing.length) return;
  const line = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`setup: these Debian packages are missing: ${missing.join(', ')}. Install them as root, then run this command again:\n\n  sudo apt-get update && sudo ${line}\n`);
    process.exit(1);
  }
  log(`installing Debian packages: ${missing.join(' ')} (about a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      console.error(`setup: apt-get ${args[0]} failed (exit code ${result.status}). Run this as root and read its output:\n\n  apt-get update && ${line}\n`);
      process.exit(1);
    }
  }
}

function ensureNpmDependencies() {
  const modules = path.join(root, 'node_modules');
  if (fs.existsSync(modules) && fs.lstatSync(modules).isSymbolicLink()) return; // shared with another checkout: its owner installs
  if (dependenciesCurrent(root)) return;
  log(fs.existsSync(modules) ? 'package-lock.json changed: npm ci (about a minute)' : 'no node_modules yet: npm ci (about a minute)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error('setup: npm ci failed (its output is above). Fix the cause, then run this command again.');
    process.exit(1);
  }
}

/**
 * Installs the code-servers this command needs, one after the other, and returns a promise that settles when
 * all are in place. One at a time keeps a failure's output readable and the 2-core machine's load low; in
 * parallel they saved about a minute of a fresh machine's set-up.
 */
function ensureCodeServers() {
  const only = process.argv[3];
  const wanted = purpose === 'code-servers' ? (only ? [codeServerFor(only)] : CODE_SERVERS) : purpose === 'start' ? [codeServerFor(process.env.OPENPAYMENTS_VSCODE)] : [];
  // The marker install-code-server.sh leaves after a complete install: checking it here spares a bash per version.
  const cache = process.env.OPENPAYMENTS_CODE_SERVER_CACHE || path.join(root, '.cache');
  const versions = wanted.filter((v) => !fs.existsSync(path.join(cache, `code-server-${v.codeServer}`, '.complete')));
  if (versions.length) log(`installing code-server ${versions.map((v) => v.codeServer).join(' and ')} into ${cache} (a few minutes, once)`);
  const install = (v) =>
    new Promise((resolve) => {
      const child = spawn('bash', [path.join(root, 'scripts', 'install-code-server.sh'), v.codeServer], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      child.once('exit', (code, signal) => resolve({ v, code: code ?? signal }));
      child.once('error', (error) => resolve({ v, code: error.message }));
    });
  // One retry: on a busy machine an npm install of this size now and then dies without a word.
  const installWithRetry = async (v) => {
    const first = await install(v);
    if (first.code === 0) return first;
    log(`code-server ${v.codeServer} failed to install (${first.code}); trying once more`);
    return install(v);
  };
  const installAll = async () => {
    const results = [];
    for (const v of versions) results.push(await installWithRetry(v));
    return results;
  };
  return installAll().then((results) => {
    const failed = results.filter((r) => r.code !== 0);
    if (failed.length) {
      console.error(`setup: code-server ${failed.map((r) => r.v.codeServer).join(' and ')} could not be installed (the reason is above). Run \`npm run install:code-server\` to retry.`);
      process.exit(1);
    }
  });
}

if (purpose !== 'code-servers') {
  ensureDebianPackages();
  ensureNpmDependencies();
}
await ensureCodeServers();

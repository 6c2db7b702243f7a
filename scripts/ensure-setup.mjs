// Installs whatever a fresh machine lacks before `npm start`, `npm test` or `npm run package` runs, so the
// README's commands need no `npm ci` first. Node built-ins only: it runs before node_modules exists.
// When everything is present it spawns nothing but the code-server cache checks and takes a few milliseconds.
// Usage: node scripts/ensure-setup.mjs <start|test|package>
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVERS, codeServerFor } from './vscode-versions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv[2] ?? 'test';
const log = (line) => console.error(`setup: ${line}`);

/** Debian packages each command needs, with how to tell one is there. */
const DEBIAN = [
  // code-server's install builds native modules (kerberos) and links ripgrep.
  { pkg: 'ripgrep', has: () => onPath('rg'), for: ['start', 'test'] },
  { pkg: 'pkg-config', has: () => onPath('pkg-config'), for: ['start', 'test'] },
  { pkg: 'libkrb5-dev', has: () => fs.existsSync('/usr/include/krb5.h') || fs.existsSync('/usr/include/krb5/krb5.h'), for: ['start', 'test'] },
  // The browser the UI and extension-host layers drive; the sandbox tests make certificates with openssl;
  // the VSIX test lists the package with unzip.
  { pkg: 'chromium', has: () => fs.existsSync(process.env.OPENPAYMENTS_CHROMIUM ?? '/usr/bin/chromium'), for: ['test'] },
  { pkg: 'openssl', has: () => onPath('openssl'), for: ['test'] },
  { pkg: 'unzip', has: () => onPath('unzip'), for: ['test'] },
];

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, command)));
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function ensureDebianPackages() {
  const missing = DEBIAN.filter((d) => d.for.includes(purpose) && !d.has()).map((d) => d.pkg);
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

/**
 * True when node_modules matches package-lock.json. A newer lock file by date only is not enough to reinstall
 * (a checkout touches it): the versions npm recorded in node_modules/.package-lock.json must differ too.
 */
export function dependenciesCurrent(repoRoot) {
  const lockFile = path.join(repoRoot, 'package-lock.json');
  const installed = path.join(repoRoot, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return false;
  if (fs.statSync(installed).mtimeMs >= fs.statSync(lockFile).mtimeMs) return true;
  const wanted = JSON.parse(fs.readFileSync(lockFile, 'utf8')).packages ?? {};
  const have = JSON.parse(fs.readFileSync(installed, 'utf8')).packages ?? {};
  for (const [name, entry] of Object.entries(wanted)) {
    if (!name) continue;
    // Optional packages for other platforms (esbuild's, for one) are never installed here.
    if (!have[name]) {
      if (entry.optional) continue;
      return false;
    }
    if (have[name].version !== entry.version) return false;
  }
  if (Object.keys(have).some((name) => !(name in wanted))) return false;
  // Same content: record that, so the next run takes the fast path.
  const now = new Date();
  fs.utimesSync(installed, now, now);
  return true;
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
 * Starts installing the code-servers this command needs, all at once (each is an npm install of minutes that
 * needs no node_modules of ours), and returns a promise that settles when all are in place.
 */
function ensureCodeServers() {
  const wanted = purpose === 'test' ? CODE_SERVERS : purpose === 'start' ? [codeServerFor(process.env.OPENPAYMENTS_VSCODE)] : [];
  // The marker install-code-server.sh leaves after a complete install: checking it here spares a bash per version.
  const cache = process.env.OPENPAYMENTS_CODE_SERVER_CACHE || path.join(root, '.cache');
  const versions = wanted.filter((v) => !fs.existsSync(path.join(cache, `code-server-${v.codeServer}`, '.complete')));
  if (versions.length) log(`installing code-server ${versions.map((v) => v.codeServer).join(' and ')} into ${cache} (a few minutes, once)`);
  return Promise.all(
    versions.map(
      (v) =>
        new Promise((resolve) => {
          const child = spawn('bash', [path.join(root, 'scripts', 'install-code-server.sh'), v.codeServer], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
          child.once('exit', (code) => resolve({ v, code }));
          child.once('error', () => resolve({ v, code: 1 }));
        }),
    ),
  ).then((results) => {
    const failed = results.filter((r) => r.code !== 0);
    if (failed.length) {
      console.error(`setup: code-server ${failed.map((r) => r.v.codeServer).join(' and ')} could not be installed (the reason is above). Run \`npm run install:code-server\` to retry.`);
      process.exit(1);
    }
  });
}

ensureDebianPackages();
// code-server installs in the background while npm ci runs: on a fresh machine that saves about a minute.
const codeServers = ensureCodeServers();
ensureNpmDependencies();
await codeServers;

// What scripts/ensure-setup.mjs decides before it installs anything, apart from the installing, so the unit
// tests can check it. Node built-ins only: it runs before node_modules exists.
import fs from 'node:fs';
import path from 'node:path';

/** Debian packages each command needs, with how to tell one is there. */
const DEBIAN = [
  // code-server's install builds native modules (kerberos) and links ripgrep.
  { pkg: 'ripgrep', has: (p) => p.onPath('rg'), for: ['start', 'test'] },
  { pkg: 'pkg-config', has: (p) => p.onPath('pkg-config'), for: ['start', 'test'] },
  { pkg: 'libkrb5-dev', has: (p) => p.exists('/usr/include/krb5.h') || p.exists('/usr/include/krb5/krb5.h'), for: ['start', 'test'] },
  // The browser the UI and extension-host layers drive; the sandbox tests make certificates with openssl;
  // the VSIX test lists the package with unzip.
  { pkg: 'chromium', has: (p) => p.exists(p.chromium), for: ['test'] },
  { pkg: 'openssl', has: (p) => p.onPath('openssl'), for: ['test'] },
  { pkg: 'unzip', has: (p) => p.onPath('unzip'), for: ['test'] },
];

/** This machine, as missingDebianPackages sees it. */
export const machine = {
  chromium: process.env.OPENPAYMENTS_CHROMIUM ?? '/usr/bin/chromium',
  exists: (file) => fs.existsSync(file),
  onPath: (command) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutableFile(path.join(dir, command))),
};

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Debian packages that `purpose` (start, test or package) needs and `probe` does not find. */
export function missingDebianPackages(purpose, probe = machine) {
  return DEBIAN.filter((d) => d.for.includes(purpose) && !d.has(probe)).map((d) => d.pkg);
}

/**
 * True when node_modules matches package-lock.json. A lock file that is only newer by date (a checkout touches
 * it) is not enough to reinstall: the versions npm recorded in node_modules/.package-lock.json must differ too.
 * When they do not, the record's date is brought forward so the next call takes the fast path.
 */
export function dependenciesCurrent(repoRoot) {
  const lockFile = path.join(repoRoot, 'package-lock.json');
  const installed = path.join(repoRoot, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return false;
  if (fs.statSync(installed).mtimeMs >= fs.statSync(lockFile).mtimeMs) return true;
  const wanted = JSON.parse(fs.readFileSync(lockFile, 'utf8')).packages ?? {};
  const have = JSON.parse(fs.readFileSync(installed, 'utf8')).packages ?? {};
  for (const [name, entry] of Object.entries(wanted)) {
    if (!name) continue; // the project itself
    if (!have[name]) {
      if (entry.optional) continue; // optional packages for other platforms (esbuild's) are never installed here
      return false;
    }
    if (have[name].version !== entry.version) return false;
  }
  if (Object.keys(have).some((name) => !(name in wanted))) return false;
  const now = new Date();
  fs.utimesSync(installed, now, now);
  return true;
}

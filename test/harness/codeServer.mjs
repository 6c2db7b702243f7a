// Starts a real VS Code workbench (code-server, installed by scripts/install-code-server.sh) in its own
// process group with every folder it writes in a temp dir, and drives it with Debian's Chromium.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerFor } from '../../scripts/vscode-versions.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = path.join(repoRoot, 'test-artifacts');
const CHROMIUM = process.env.OPENPAYMENTS_CHROMIUM ?? '/usr/bin/chromium';

/** The VS Code this process tests on: OPENPAYMENTS_VSCODE (e.g. `1.139`), or our engines minimum. */
export const vscodeVersion = codeServerFor(process.env.OPENPAYMENTS_VSCODE);

/** Installs code-server on first use (minutes) and returns the command that starts it. */
export function ensureCodeServer(version = vscodeVersion) {
  const out = execFileSync('bash', [path.join(repoRoot, 'scripts', 'install-code-server.sh'), version.codeServer], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').at(-1);
}

export async function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ env?: Record<string,string>, port?: number, keepData?: boolean, label?: string, root?: string,
 *   userSettings?: object, install?: string[], workspace?: string, development?: boolean,
 *   vscode?: { codeServer: string, developmentArgs: string[] } }} [options]
 * development (default true): the workbench will load an extension under development (workbenchUrl's payload).
 */
export async function startCodeServer(options = {}) {
  const version = options.vscode ?? vscodeVersion;
  const bin = ensureCodeServer(version);
  const root = options.root ?? fs.mkdtempSync(path.join(os.tmpdir(), `openpayments-${options.label ?? 'vscode'}-`));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdg: path.join(root, 'xdg'),
    tmp: path.join(root, 'tmp'),
    workspace: options.workspace ?? path.join(root, 'workspace'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdg,
    XDG_DATA_HOME: dirs.xdg,
    XDG_CACHE_HOME: dirs.xdg,
    TMPDIR: dirs.tmp,
    ...options.env,
  };
  if (options.userSettings) {
    fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(options.userSettings, null, 2));
  }
  for (const vsix of options.install ?? []) {
    execFileSync(bin, ['--install-extension', vsix, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  const config = path.join(root, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\n');
  const port = options.port ?? (await freePort());
  const logFile = path.join(root, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    bin,
    [
      '--config', config,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      ...(options.development === false ? [] : version.developmentArgs),
    ],
    { detached: true, stdio: ['ignore', log, log], env },
  );
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));

  let stopping;
  const stop = () => (stopping ??= terminate());
  const terminate = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const deadline = Date.now() + 5000;
      while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    fs.closeSync(log);
    if (!options.keepData) fs.rmSync(root, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      const text = fs.readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`code-server exited during start:\n${text.slice(-2000)}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('code-server did not answer /healthz within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const remoteAuthority = await readRemoteAuthority(url);
  return { url, port, dirs, logFile, remoteAuthority, stop, pid: child.pid };
}

async function readRemoteAuthority(url) {
  const html = await (await fetch(`${url}/?folder=/`)).text();
  const match = /data-settings="([^"]*)"/.exec(html);
  if (!match) return 'remote';
  const json = match[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  try {
    return JSON.parse(json).remoteAuthority ?? 'remote';
  } catch {
    return 'remote';
  }
}

/**
 * The workbench URL that loads our extension in development mode (and, optionally, a test module);
 * `extensionPath` loads another extension the same way instead (the bench's floor extension).
 */
export function workbenchUrl(server, { testsPath, folder, development = true, extensionPath = repoRoot } = {}) {
  if (!development) return `${server.url}/?${new URLSearchParams({ folder: folder ?? server.dirs.workspace })}`;
  const remote = (p) => `vscode-remote://${server.remoteAuthority}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const query = new URLSearchParams({ folder: folder ?? server.dirs.workspace, payload: JSON.stringify(payload) });
  return `${server.url}/?${query}`;
}

export async function launchBrowser(label = 'browser') {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `openpayments-${label}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let closing;
  return {
    context,
    profile,
    /** Closes the browser; the profile stays until removeProfile() so a test can search it first. */
    close: () => (closing ??= context.close().catch(() => undefined)),
    removeProfile: () => fs.rmSync(profile, { recursive: true, force: true }),
  };
}

/** Every file below `dir` whose bytes contain one of `needles`, as [file, needle] pairs. */
export function findInFiles(dir, needles, { exclude = () => false } = {}) {
  const hits = [];
  if (!fs.existsSync(dir)) return hits;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (exclude(file)) continue;
    let bytes;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      continue;
    }
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle)) || bytes.includes(Buffer.from(needle, 'utf16le'))) hits.push([file, needle]);
    }
  }
  return hits;
}

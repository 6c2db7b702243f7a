// `npm test`: builds, then runs every layer (static checks, unit, sandbox, extension host, UI) and ends with
// one line that totals them all. A layer that cannot start counts as one failure, never as silence.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVERS } from '../../scripts/vscode-versions.mjs';
import { readLayerStats, statsDir } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const node = process.execPath;
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

fs.rmSync(statsDir, { recursive: true, force: true });

const layers = [
  { name: 'build', kind: 'check', cmd: [node, 'esbuild.js'] },
  { name: 'typecheck', kind: 'check', cmd: [bin('tsc'), '--noEmit', '-p', '.'] },
  { name: 'lint', kind: 'check', cmd: [bin('eslint'), '--max-warnings=0', '.'] },
  { name: 'unit', kind: 'mocha', cmd: [node, 'test/harness/run-mocha.mjs', 'unit', 'out/test/unit'] },
  { name: 'sandbox', kind: 'mocha', cmd: [node, 'test/harness/run-mocha.mjs', 'sandbox', 'out/test/sandbox'] },
  // The extension host and the workbench on each VS Code we support, our engines minimum first: its layers run
  // while the current one's code-server is still installing. (Running the two extension-host layers side by side
  // saved only ~20 s of ~250 on an idle machine, and slowed each; the UI layers bind fixed ports.)
  ...CODE_SERVERS.flatMap((v) => [
    { name: `integration@${v.vscode}`, kind: 'mocha', vscode: v.vscode, cmd: [node, 'test/harness/run-integration.mjs'], env: { OPENPAYMENTS_VSCODE: v.vscode } },
    { name: `ui@${v.vscode}`, kind: 'mocha', vscode: v.vscode, cmd: [node, 'test/harness/run-ui.mjs'], env: { OPENPAYMENTS_VSCODE: v.vscode } },
  ]),
];

const only = process.env.OPENPAYMENTS_LAYERS?.split(',');
// OPENPAYMENTS_LAYERS=unit,ui runs those layers (`ui` means ui on every version, `ui@1.139` just that one).
const selected = layers.filter((layer) => !only || only.includes(layer.name) || only.includes(layer.name.split('@')[0]));

// The code-servers install (once per machine), one version after the other, while the layers that need no VS
// Code run; each version's layers wait only for their own.
const installs = installQueue([...new Set(selected.map((layer) => layer.vscode).filter(Boolean))]);

const rows = [];
for (const layer of selected) {
  if (layer.vscode) {
    const problem = await installs.ready(layer.vscode);
    if (problem) {
      rows.push({ name: layer.name, seconds: 0, passed: 0, failed: 1, skipped: 0, failures: [{ title: 'not run', error: problem }] });
      console.log(`\n=== ${layer.name} ===\nnot run: ${problem}`);
      continue;
    }
  }
  const started = Date.now();
  console.log(`\n=== ${layer.name} ===`);
  // Not spawnSync: the event loop must stay free to start the next code-server install the moment one ends.
  const status = await run(layer);
  rows.push(rowOf(layer, status, (Date.now() - started) / 1000));
  if (layer.name === 'build' && status !== 0) break;
}
// A failed build ends the run before any VS Code layer: the installs need not hold the summary back (each
// one's completion marker keeps a half-done install from ever being used).
installs.stop();

console.log('\n=== summary ===');
for (const row of rows) {
  console.log(`${row.name.padEnd(17)} ${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed ${String(row.skipped ?? 0).padStart(3)} skipped  ${row.seconds.toFixed(1)} s`);
}
// The layers' own output can be long enough that a CI record keeps only its end: what failed is said again here.
const failures = rows.flatMap((row) => (row.failures ?? []).map((failure) => ({ layer: row.name, ...failure })));
if (failures.length) {
  console.log('\nfailed:');
  for (const failure of failures) {
    console.log(`  [${failure.layer}] ${failure.title}`);
    const lines = String(failure.error).split('\n').filter((line) => line.trim()).slice(0, 4);
    for (const line of lines) console.log(`      ${line.trim().slice(0, 300)}`);
  }
}
const total = rows.reduce((sum, row) => ({ passed: sum.passed + row.passed, failed: sum.failed + row.failed, skipped: sum.skipped + (row.skipped ?? 0) }), { passed: 0, failed: 0, skipped: 0 });
if (total.skipped) console.log(`${total.skipped} skipped (each says why in its layer's output)`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed ? 1 : 0;

/** Runs one layer with its output on ours; resolves to its exit code. */
function run(layer) {
  return new Promise((resolve) => {
    const child = spawn(layer.cmd[0], layer.cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...layer.env } });
    child.once('error', (error) => {
      console.log(`${layer.name} could not start: ${error.message}`);
      resolve(1);
    });
    child.once('close', (code) => resolve(code ?? 1));
  });
}

/** A layer's counts: a check passes or fails as one; a test layer reports its own (a crash counts as a failure). */
function rowOf(layer, status, seconds) {
  let counts;
  if (layer.kind === 'check') {
    counts = status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0, failures: [{ title: layer.name, error: `exited with code ${status}; its output above says why` }] };
  } else {
    counts = readLayerStats(layer.name) ?? { passed: 0, failed: 1, skipped: 0, failures: [{ title: `the ${layer.name} layer`, error: `ended (code ${status}) before it counted its tests; its output above says why` }] };
    if (status !== 0 && counts.failed === 0) counts = { ...counts, failed: 1, failures: [{ title: `the ${layer.name} layer`, error: `exited with code ${status}; its output above says why` }] };
  }
  return { name: layer.name, seconds, ...counts };
}

/** Installs code-servers one after the other in the background; `ready(v)` resolves to undefined, or to why not. */
function installQueue(versions) {
  const results = new Map();
  let current;
  let currentVersion;
  let waitedFor;
  let stopped = false;
  const install = (version) =>
    new Promise((resolve) => {
      const child = spawn(node, [path.join(root, 'scripts', 'ensure-setup.mjs'), 'code-servers', version], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
      current = child;
      currentVersion = version;
      // While test layers run beside it, the install (npm, tar, Node; its children inherit this) must not slow
      // them: on a slow CI machine an extension-host layer that ran beside it at equal priority took a fifth
      // longer. Once a layer waits for it, it runs at normal priority again (see ready), or a busy machine
      // would starve it while nothing else of ours runs.
      if (waitedFor !== version) setPriority([child.pid], 19);
      child.once('error', (error) => resolve(`the code-server install could not start (${error.message})`));
      child.once('exit', (code) => resolve(code === 0 ? undefined : `the code-server for VS Code ${version} could not be installed; the reason is printed above. Run \`npm run install:code-server\` to retry.`));
    });
  let previous = Promise.resolve();
  for (const version of versions) {
    const result = previous.then(() => (stopped ? 'the run ended first' : install(version)));
    results.set(version, result);
    previous = result;
  }
  return {
    ready(version) {
      waitedFor = version;
      if (currentVersion === version && current?.exitCode === null) setPriority(processTree(current.pid), 0);
      return results.get(version) ?? Promise.resolve(undefined);
    },
    stop() {
      stopped = true;
      if (current && current.exitCode === null) current.kill();
    },
  };
}

/** Sets each process's scheduling priority where this user may (raising it back needs root); others stay as they are. */
function setPriority(pids, priority) {
  for (const pid of pids) {
    try {
      if (pid) os.setPriority(pid, priority);
    } catch {
      // Not allowed, or already ended: the install is only slower or faster than it could be.
    }
  }
}

/** A process and every process it started, from /proc (Linux); elsewhere just the process. */
function processTree(pid) {
  const children = new Map();
  try {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        // "pid (command) state ppid ...": the command may hold spaces and parentheses, so read after the last ")".
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      } catch {
        // Ended while we read.
      }
    }
  } catch {
    return [pid];
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

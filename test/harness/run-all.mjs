// `npm test`: builds, then runs every layer (static checks, unit, sandbox, extension host, UI) and ends with
// one line that totals them all. A layer that cannot start counts as one failure, never as silence.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
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
  // The extension host and the workbench on each VS Code we support: our engines minimum and the current one.
  // The extension-host layers of both versions run side by side (each has its own code-server, browser, sandbox
  // and free ports; they wait on the extension host more than on the CPU); the UI layers bind fixed ports, so
  // they run one after the other.
  ...CODE_SERVERS.map((v) => ({ name: `integration@${v.vscode}`, kind: 'mocha', vscode: true, together: 'integration', cmd: [node, 'test/harness/run-integration.mjs'], env: { OPENPAYMENTS_VSCODE: v.vscode } })),
  ...CODE_SERVERS.map((v) => ({ name: `ui@${v.vscode}`, kind: 'mocha', vscode: true, cmd: [node, 'test/harness/run-ui.mjs'], env: { OPENPAYMENTS_VSCODE: v.vscode } })),
];

const only = process.env.OPENPAYMENTS_LAYERS?.split(',');
// OPENPAYMENTS_LAYERS=unit,ui runs those layers (`ui` means ui on every version, `ui@1.139` just that one).
const selected = layers.filter((layer) => !only || only.includes(layer.name) || only.includes(layer.name.split('@')[0]));

// The code-servers install (once per machine) while the layers that need no VS Code run.
const install = selected.some((layer) => layer.vscode) ? installCodeServers() : undefined;
const codeServers = install?.done ?? Promise.resolve(undefined);

const rows = [];
for (let i = 0; i < selected.length; i++) {
  const layer = selected[i];
  if (layer.vscode) {
    const problem = await codeServers;
    if (problem) {
      rows.push({ name: layer.name, seconds: 0, passed: 0, failed: 1, skipped: 0 });
      console.log(`\n=== ${layer.name} ===\nnot run: ${problem}`);
      continue;
    }
  }
  const group = layer.together ? selected.slice(i).filter((l) => l.together === layer.together) : [layer];
  if (group.length > 1) {
    i += group.length - 1;
    rows.push(...(await runTogether(group)));
    continue;
  }
  const started = Date.now();
  console.log(`\n=== ${layer.name} ===`);
  const result = spawnSync(layer.cmd[0], layer.cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...layer.env } });
  rows.push(rowOf(layer, result.status, (Date.now() - started) / 1000));
  if (layer.name === 'build' && result.status !== 0) break;
}
// A failed build ends the run before any VS Code layer: the install need not hold the summary back (its
// completion marker keeps a half-done install from ever being used).
if (install && install.child.exitCode === null) install.child.kill();

console.log('\n=== summary ===');
for (const row of rows) {
  console.log(`${row.name.padEnd(17)} ${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed ${String(row.skipped ?? 0).padStart(3)} skipped  ${row.seconds.toFixed(1)} s`);
}
const total = rows.reduce((sum, row) => ({ passed: sum.passed + row.passed, failed: sum.failed + row.failed, skipped: sum.skipped + (row.skipped ?? 0) }), { passed: 0, failed: 0, skipped: 0 });
if (total.skipped) console.log(`${total.skipped} skipped (each says why in its layer's output)`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed ? 1 : 0;

/** A layer's counts: a check passes or fails as one; a test layer reports its own (a crash counts as a failure). */
function rowOf(layer, status, seconds) {
  let counts;
  if (layer.kind === 'check') {
    counts = status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  } else {
    counts = readLayerStats(layer.name) ?? { passed: 0, failed: 1, skipped: 0 };
    if (status !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  }
  return { name: layer.name, seconds, ...counts };
}

/**
 * Runs layers at the same time; each one's output is held and printed whole when it ends, in the layers' order,
 * so two suites never interleave their lines.
 */
async function runTogether(group) {
  console.log(`\n=== ${group.map((l) => l.name).join(' and ')}, side by side (each one's output follows when it ends) ===`);
  const runs = group.map((layer) => {
    const started = Date.now();
    const output = [];
    const child = spawn(layer.cmd[0], layer.cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...layer.env } });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    return new Promise((resolve) => {
      child.once('error', (error) => resolve({ layer, status: 1, seconds: 0, output: [Buffer.from(`${error.message}\n`)] }));
      child.once('close', (code) => resolve({ layer, status: code ?? 1, seconds: (Date.now() - started) / 1000, output }));
    });
  });
  const rowsOut = [];
  for (const run of runs) {
    const { layer, status, seconds, output } = await run;
    console.log(`\n=== ${layer.name} ===`);
    process.stdout.write(Buffer.concat(output));
    rowsOut.push(rowOf(layer, status, seconds));
  }
  return rowsOut;
}

/** Starts the code-servers' install (a no-op when cached); `done` resolves to undefined, or to why it failed. */
function installCodeServers() {
  const child = spawn(node, [path.join(root, 'scripts', 'ensure-setup.mjs'), 'code-servers'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const done = new Promise((resolve) => {
    child.once('error', (error) => resolve(`the code-server install could not start (${error.message})`));
    child.once('exit', (code) => resolve(code === 0 ? undefined : 'the code-servers could not be installed; the reason is printed above. Run `npm run install:code-server` to retry.'));
  });
  return { child, done };
}

// `npm test`: builds, then runs every layer (static checks, unit, sandbox, extension host, UI) and ends with
// one line that totals them all. A layer that cannot start counts as one failure, never as silence.
import { spawnSync } from 'node:child_process';
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
  ...CODE_SERVERS.map((v) => ({ name: `integration@${v.vscode}`, kind: 'mocha', cmd: [node, 'test/harness/run-integration.mjs'], env: { OPENPAYMENTS_VSCODE: v.vscode } })),
  ...CODE_SERVERS.map((v) => ({ name: `ui@${v.vscode}`, kind: 'mocha', cmd: [node, 'test/harness/run-ui.mjs'], env: { OPENPAYMENTS_VSCODE: v.vscode } })),
];

const only = process.env.OPENPAYMENTS_LAYERS?.split(',');
const rows = [];
for (const layer of layers) {
  // OPENPAYMENTS_LAYERS=unit,ui runs those layers (`ui` means ui on every version, `ui@1.139` just that one).
  if (only && !only.includes(layer.name) && !only.includes(layer.name.split('@')[0])) continue;
  const started = Date.now();
  console.log(`\n=== ${layer.name} ===`);
  const result = spawnSync(layer.cmd[0], layer.cmd.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...layer.env } });
  const seconds = (Date.now() - started) / 1000;
  let counts;
  if (layer.kind === 'check') {
    counts = result.status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  } else {
    counts = readLayerStats(layer.name) ?? { passed: 0, failed: 1, skipped: 0 };
    if (result.status !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  }
  rows.push({ name: layer.name, seconds, ...counts });
  if (layer.name === 'build' && result.status !== 0) break;
}

console.log('\n=== summary ===');
for (const row of rows) {
  console.log(`${row.name.padEnd(17)} ${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed ${String(row.skipped ?? 0).padStart(3)} skipped  ${row.seconds.toFixed(1)} s`);
}
const total = rows.reduce((sum, row) => ({ passed: sum.passed + row.passed, failed: sum.failed + row.failed, skipped: sum.skipped + (row.skipped ?? 0) }), { passed: 0, failed: 0, skipped: 0 });
if (total.skipped) console.log(`${total.skipped} skipped (each says why in its layer's output)`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed ? 1 : 0;

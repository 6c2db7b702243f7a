// npm run bench:floor: Use Local Sandbox's click beside the same click on an extension that does nothing else
// (bench/floor-extension), in new code-server windows taken in turns on this machine. A measurement, never a
// test: it prints numbers. The floor is what the workbench alone costs from pointer down to two rows drawn
// (the command's delivery, the tree's round trip for its children, the drawing), so the difference is ours.
// Usage: node bench/workbenchFloor.mjs [--windows=8] [--vscode=1.139]
// Starts the local sandbox on its fixed ports (127.0.0.2:8401/8402): stop `npm start` first.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg } from './lib/args.mjs';
import { median } from './lib/stats.mjs';
import { table } from './lib/table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WINDOWS = Number(arg('windows') ?? 8);
// The current release by default: the one most users click in.
process.env.OPENPAYMENTS_VSCODE = arg('vscode') ?? process.env.OPENPAYMENTS_VSCODE ?? '1.139';
const OVER_MS = 300;

function runOrExit(what, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`bench:floor: ${what} failed (exit code ${result.status}); its output is above.`);
    process.exit(1);
  }
}

/** Opens a new window, opens the container, waits until its welcome button works, and times the button. */
async function timeWelcomeButton(helpers, { label, extensionPath, container, button, extensionId, ready }) {
  const { clickTimings, loggedActivations, openWorkbench, scaled, seenWhen, sidebarRowShown, until, workbench } = helpers;
  const window = await openWorkbench({ label, extensionPath });
  try {
    const { page } = window;
    const ui = workbench(page);
    await until(async () => (await loggedActivations(window.server)).some((a) => a.event === 'onStartupFinished'), { what: 'startup' });
    await page.locator(`.activitybar [aria-label^="${container}"]`).first().click();
    await ui.sidebar().getByRole('button', { name: button }).first().waitFor({ timeout: scaled(60_000) });
    await until(async () => (await loggedActivations(window.server)).some((a) => a.extension === extensionId), { what: `${extensionId} active` });
    await ready?.(page);
    return await clickTimings(`${label}.json`).measure(
      label,
      () => ui.sidebar().getByRole('button', { name: button }).first().click(),
      () => ui.sidebar().locator('.monaco-list-row', { hasText: 'Sweden' }).first().waitFor({ timeout: scaled(30_000) }),
      seenWhen(page, 'workbench', sidebarRowShown, 'Sweden'),
    );
  } finally {
    await window.close();
  }
}

function summary(name, values) {
  const sorted = [...values].sort((a, b) => a - b);
  return [name, values.length, `${sorted[0]} ms`, `${median(sorted)} ms`, `${sorted.at(-1)} ms`, sorted.filter((v) => v > OVER_MS).length, sorted.join(' ')];
}

async function main() {
  runOrExit('installing code-server', process.execPath, [path.join('scripts', 'ensure-setup.mjs'), 'code-servers', process.env.OPENPAYMENTS_VSCODE]);
  runOrExit('the build', process.execPath, ['esbuild.js']);
  const helpers = await import('../test/ui/helpers.mjs');
  const { vscodeVersion } = await import('../test/harness/codeServer.mjs');
  const { start } = await import('../dist/sandbox/index.mjs');
  let sandbox;
  try {
    sandbox = await start({ host: '127.0.0.2', authPort: 8401, apiPort: 8402 });
  } catch (error) {
    console.error(`bench:floor: the local sandbox could not start on 127.0.0.2:8401/8402 (${error.message}). Stop \`npm start\` or \`npm run sandbox\`, then run this again.`);
    process.exit(1);
  }
  const floor = [];
  const ours = [];
  const takeFloor = (i) =>
    timeWelcomeButton(helpers, {
      label: `floor-${i}`,
      extensionPath: path.join(root, 'bench', 'floor-extension'),
      container: 'Workbench Floor',
      button: 'Fill the Tree',
      extensionId: 'openpayments-bench.workbench-floor',
    }).then((ms) => floor.push(ms));
  const takeOurs = (i) =>
    timeWelcomeButton(helpers, {
      label: `use-local-sandbox-${i}`,
      container: 'Open Payments',
      button: 'Use Local Sandbox',
      extensionId: 'open-payments-tools.open-payments-vscode',
      // As the UI journey: the status bar names the environment once activation has finished.
      ready: (page) => page.locator('.statusbar-item', { hasText: 'Open Payments: Sandbox' }).first().waitFor({ timeout: helpers.scaled(30_000) }),
    }).then((ms) => ours.push(ms));
  try {
    for (let i = 0; i < WINDOWS; i++) {
      // Turns swap each round, so neither side always follows the other's window.
      if (i % 2 === 0) await takeFloor(i).then(() => takeOurs(i));
      else await takeOurs(i).then(() => takeFloor(i));
      process.stderr.write(`bench:floor: round ${i + 1} of ${WINDOWS}: floor ${floor.at(-1)} ms, Use Local Sandbox ${ours.at(-1)} ms\n`);
    }
  } finally {
    await sandbox.close();
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  console.log(`Welcome button → two rows drawn, pointer down to the DOM change, on VS Code ${vscodeVersion.vscode} (code-server ${vscodeVersion.codeServer}),`);
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average after ${load}; a new window per click, 1 s after it is ready.`);
  console.log(table(['click', 'windows', 'min', 'median', 'max', `over ${OVER_MS} ms`, 'each (sorted)'], [
    summary('floor: an extension that only sets a context key and fills a tree', floor),
    summary('Use Local Sandbox: token, listing, History, three views', ours),
  ]));
}

await main();

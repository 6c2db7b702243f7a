// Cold activation of dist/extension.js in fresh Node processes (bench/lib/activationChild.mjs).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { median } from './stats.mjs';

const run = promisify(execFile);

async function activateOnce(root, bundle, extraArgs = []) {
  const child = path.join(root, 'bench/lib/activationChild.mjs');
  const { stdout } = await run(process.execPath, ['--expose-gc', child, bundle, ...extraArgs], { cwd: root });
  return JSON.parse(stdout);
}

/** Timings of `bundle` (the production build); hostBuiltins preloads what the extension host already has. */
export async function timeActivation({ root, bundle, runs = 10, hostBuiltins = false }) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await activateOnce(root, bundle, hostBuiltins ? ['--host-builtins'] : []));
  return {
    runs,
    requireMs: median(samples.map((s) => s.requireMs)),
    activateMs: median(samples.map((s) => s.activateMs)),
    totalMs: median(samples.map((s) => s.requireMs + s.activateMs)),
    heapAddedBytes: median(samples.map((s) => s.heapAddedBytes)),
  };
}

/**
 * Which bundled modules ran, from a development build of the same source: minification drops the module
 * paths esbuild names its lazy wrappers after. Coverage slows a process down, so this run is not timed.
 */
export async function modulesRunAtActivation({ root, bundle }) {
  const { requested, ran, unhandled } = await activateOnce(root, bundle, ['--coverage']);
  return { requested, ran, unhandled };
}

// Starts bench/lib/sandboxChild.mjs and resolves with the sandbox's hosts and demo client.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Undefined when dist/sandbox is missing (build it with `node esbuild.js --only=sandbox`). */
export async function startSandboxProcess(root, options = {}) {
  if (!fs.existsSync(path.join(root, 'dist/sandbox/index.mjs'))) return undefined;
  const child = fork(path.join(root, 'bench/lib/sandboxChild.mjs'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const info = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox exited with code ${code} before it was ready`)));
  });
  return {
    ...info,
    pid: child.pid,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

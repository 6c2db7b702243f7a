// Peak memory the client adds while receiving one large response body, with and without the size limit.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function measureOne(options) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'memoryChild.mjs'), [JSON.stringify(options)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer;
    child.once('message', (message) => (answer = message));
    child.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`the memory bench child exited with code ${code}`))));
  });
}

/** Rows for each body size: the default limit, and no limit (how the client behaved before the limit). */
export async function measureBodyMemory({ root, sandbox, sizesMb, limitMb, unboundedUpToMb }) {
  const coreFile = path.join(root, 'out/bench/client-core.mjs');
  const rows = [];
  for (const sizeMb of sizesMb) {
    const bodyBytes = sizeMb * 1024 * 1024;
    const common = { coreFile, sandbox: { authHost: sandbox.authHost, apiHost: sandbox.apiHost, client: sandbox.client }, bodyBytes };
    rows.push({ sizeMb, limit: `${limitMb} MB`, ...(await measureOne({ ...common, limitBytes: limitMb * 1024 * 1024 })) });
    if (sizeMb <= unboundedUpToMb) rows.push({ sizeMb, limit: 'none', ...(await measureOne({ ...common, limitBytes: 0 })) });
  }
  return rows;
}

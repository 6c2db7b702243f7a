// The HTTP core's request overhead and cold-cache token requests against the local sandbox: the first
// two sections of bench/run.mjs. Usage: node bench/client.mjs [calls=1000]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const run = fileURLToPath(new URL('./run.mjs', import.meta.url));
execFileSync(process.execPath, [run, '--only=overhead,tokens', `--calls=${process.argv[2] ?? 1000}`], { stdio: 'inherit' });

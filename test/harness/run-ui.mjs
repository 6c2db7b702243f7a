// UI layer: mocha over test/ui/*.test.mjs (Playwright driving code-server in Debian's Chromium).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

const result = spawnSync(process.execPath, [path.join(repoRoot, 'test/harness/run-mocha.mjs'), 'ui', path.join(repoRoot, 'test/ui')], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

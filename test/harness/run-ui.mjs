// UI layer: mocha over test/ui/*.test.mjs (Playwright driving code-server in Debian's Chromium), on the VS Code
// that OPENPAYMENTS_VSCODE names (our minimum when unset); OPENPAYMENTS_UI_GREP narrows it to matching tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, vscodeVersion } from './codeServer.mjs';

const args = [path.join(repoRoot, 'test/harness/run-mocha.mjs'), `ui@${vscodeVersion.vscode}`, path.join(repoRoot, 'test/ui')];
if (process.env.OPENPAYMENTS_UI_GREP) args.push(process.env.OPENPAYMENTS_UI_GREP);
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);

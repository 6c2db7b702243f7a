// Runs mocha over built test bundles in this Node process and writes the counts for the total line.
// Usage: node test/harness/run-mocha.mjs <layer-name> <folder-of-bundles> [grep]
import Mocha from 'mocha';
import fs from 'node:fs';
import path from 'node:path';
import { writeLayerStats } from './stats.mjs';

const [layer, folder, grep] = process.argv.slice(2);
if (!layer || !folder) {
  console.error('usage: run-mocha.mjs <layer> <folder> [grep]');
  process.exit(2);
}

const files = fs.existsSync(folder)
  ? fs
      .readdirSync(folder, { recursive: true })
      .map((f) => path.resolve(folder, String(f)))
      .filter((f) => f.endsWith('.test.mjs'))
      .sort()
  : [];

const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 20_000, color: !process.env.CI });
if (grep) mocha.grep(grep);
for (const file of files) mocha.addFile(file);
await mocha.loadFilesAsync();
const failed = [];
const runner = mocha.run((failures) => {
  const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
  writeLayerStats(layer, { passed: stats.passes, failed: stats.failures, skipped: stats.pending, failures: failed });
  process.exitCode = failures ? 1 : 0;
});
runner.on('fail', (test, error) => failed.push({ title: test.fullTitle(), error: String(error?.message ?? error) }));

// Request files: what the lens costs on each keystroke in a large .http file (parse the whole text, then map
// every block to its catalogue operation, as provideCodeLenses does), and what appending one block costs.
// A measurement, never a test. Usage: node bench/requestFiles.mjs [blocks=1000] [runs=21]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSource } from './lib/loadSource.mjs';
import { medianMs } from './lib/stats.mjs';
import { ms, table } from './lib/table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const blocks = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 21);

const rf = await loadSource(root, 'request-files', [
  "export { parseHttpFile, matchBlock, requestBlock, appendRequestBlock } from './src/client/requestFiles/index.ts';",
  "export { OPERATIONS } from './src/client/catalogue/catalogue.ts';",
]);

let text = '';
for (let i = 0; i < blocks; i++) {
  const operation = rf.OPERATIONS[i % rf.OPERATIONS.length];
  const params = Object.fromEntries(operation.params.map((param) => [param.name, param.example ?? `v${i}`]));
  text = rf.appendRequestBlock(text, rf.requestBlock({ operation, params, body: operation.bodyTemplate }));
}

const time = (fn) => medianMs(fn, runs);

const lensPass = () => {
  const file = rf.parseHttpFile(text);
  for (const block of file.blocks) rf.matchBlock(block, { variables: file.variables, supplied: () => 'x', freshId: () => 'x' });
};
const oneBlock = rf.requestBlock({ operation: rf.OPERATIONS[0], params: {} });
console.log(`Request files: ${blocks} blocks, ${(text.length / 1024).toFixed(0)} KiB; medians of ${runs} runs\n`);
console.log(
  table(
    ['step', 'median'],
    [
      ['parse whole file', ms(time(() => rf.parseHttpFile(text)))],
      ['parse + map every block (one lens pass)', ms(time(lensPass))],
      ['append one block (re-reads the file)', ms(time(() => rf.appendRequestBlock(text, oneBlock)))],
    ],
  ),
);

// Each test layer writes its counts here; run-all.mjs adds them up into the one closing line.
import fs from 'node:fs';
import path from 'node:path';

export const statsDir = path.resolve(process.env.OPENPAYMENTS_STATS_DIR ?? 'out/stats');

export function writeLayerStats(layer, counts) {
  fs.mkdirSync(statsDir, { recursive: true });
  fs.writeFileSync(path.join(statsDir, `${layer}.json`), JSON.stringify({ layer, ...counts }));
}

export function readLayerStats(layer) {
  const file = path.join(statsDir, `${layer}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

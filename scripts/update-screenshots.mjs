// Copies the README's pictures from the UI tests' latest artifacts (npm run test:ui writes test-artifacts/),
// so the README shows the product as the tests last drove it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pictures = ['start-local-sandbox.png', 'ui-sca-accounts.png', 'ui-sca-bank-page.png', 'vsix-send-request.png'];
const target = path.join(root, 'media', 'screenshots');
fs.mkdirSync(target, { recursive: true });
const missing = pictures.filter((name) => !fs.existsSync(path.join(root, 'test-artifacts', name)));
if (missing.length) {
  console.error(`Run npm run test:ui first; missing from test-artifacts/: ${missing.join(', ')}`);
  process.exit(1);
}
for (const name of pictures) fs.copyFileSync(path.join(root, 'test-artifacts', name), path.join(target, name));
console.log(`Copied ${pictures.length} screenshots to media/screenshots/.`);

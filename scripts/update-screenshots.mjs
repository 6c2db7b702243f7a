// Copies the README's pictures from the newcomer's journey (test/ui/journey.test.mjs; npm run test:ui writes
// them to test-artifacts/), so the README shows the product as that journey last drove it, step by step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pictures = [
  'journey-01-welcome.png',
  'journey-02-banks.png',
  'journey-03-bank-login.png',
  'journey-04-accounts.png',
  'journey-06-payment-response.png',
  'journey-07-decoupled-qr.png',
  'journey-08-history.png',
  'journey-09-switched-environment.png',
];
const target = path.join(root, 'media', 'screenshots');
fs.mkdirSync(target, { recursive: true });
const missing = pictures.filter((name) => !fs.existsSync(path.join(root, 'test-artifacts', name)));
if (missing.length) {
  console.error(`Run the UI journey first (flock /tmp/op-heavy.lock npm run test:ui); missing from test-artifacts/: ${missing.join(', ')}`);
  process.exit(1);
}
for (const name of pictures) fs.copyFileSync(path.join(root, 'test-artifacts', name), path.join(target, name));
console.log(`Copied ${pictures.length} screenshots of the journey to media/screenshots/.`);

// Makes the README's pictures from the newcomer's journey (test/ui/journey.test.mjs; npm run test:ui writes its
// screenshots to test-artifacts/), so the README shows the product as that journey last drove it. They ship
// inside the VSIX (inlined in its README), so each is scaled (800 px; the two busiest 640 px, where their text
// stays legible) and stored as WebP, which Chromium encodes: together they stay small enough for the VSIX to
// stay under 300 KB.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/harness/codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WIDTH = 800;
const pictures = [
  { name: 'journey-03-bank-login', width: WIDTH },
  { name: 'journey-04-accounts', width: WIDTH },
  { name: 'journey-06-payment-response', width: 640 },
  { name: 'journey-07-decoupled-qr', width: 640 },
];
const QUALITY = 0.36;
const target = path.join(root, 'media', 'screenshots');
fs.mkdirSync(target, { recursive: true });
const missing = pictures.filter(({ name }) => !fs.existsSync(path.join(root, 'test-artifacts', `${name}.png`)));
if (missing.length) {
  console.error(`Run the UI journey first (npm run test:ui); missing from test-artifacts/: ${missing.map(({ name }) => `${name}.png`).join(', ')}`);
  process.exit(1);
}
const browser = await launchBrowser('screenshots');
try {
  const page = await browser.context.newPage();
  for (const { name, width } of pictures) {
    const png = fs.readFileSync(path.join(root, 'test-artifacts', `${name}.png`)).toString('base64');
    const webp = await page.evaluate(
      async ({ png, width, quality }) => {
        const image = new globalThis.Image(); // runs in the page
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = Math.min(width, image.width);
        canvas.height = Math.round((image.height * canvas.width) / image.width);
        const context = canvas.getContext('2d');
        context.imageSmoothingQuality = 'high';
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        return canvas.toDataURL('image/webp', quality).split(',')[1];
      },
      { png, width, quality: QUALITY },
    );
    fs.writeFileSync(path.join(target, `${name}.webp`), Buffer.from(webp, 'base64'));
  }
} finally {
  await browser.close();
  browser.removeProfile();
}
console.log(`Wrote ${pictures.length} screenshots to media/screenshots/ (WebP, ${pictures.map((p) => p.width).join('/')} px).`);

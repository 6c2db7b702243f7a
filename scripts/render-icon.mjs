// Renders media/icon.png, the 128x128 marketplace icon, from the activity-bar glyph media/open-payments.svg
// (white on a rounded blue square) in Debian's Chromium, so the two never drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const glyph = fs.readFileSync(path.join(root, 'media', 'open-payments.svg'), 'utf8').replace('<svg ', '<svg width="96" height="96" ').replace(/ width="24" height="24"/, '');
const html = `<html><body style="margin:0;background:transparent">
<div style="width:128px;height:128px;border-radius:24px;background:#1f5fa8;color:#fff;display:flex;align-items:center;justify-content:center">${glyph}</div>
</body></html>`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(html);
await page.screenshot({ path: path.join(root, 'media', 'icon.png'), omitBackground: true });
await browser.close();
console.log('Wrote media/icon.png');

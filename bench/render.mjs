// The response view's cost for big bodies: time to build the page's HTML for a 10 MB (and smaller) JSON
// response, against the naive JSON.parse + JSON.stringify(…, null, 2), plus the pieces (masking, preview,
// the full pretty-print behind "Open in Editor"). Usage: node bench/render.mjs [runs=7]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSource } from './lib/loadSource.mjs';
import { medianMs } from './lib/stats.mjs';
import { ms, table } from './lib/table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 7);

function loadModules() {
  return loadSource(root, 'render', [
    "export { Redactor, findOperation, responseRecordFrom } from './src/client/index.ts';",
    // The response view is the extension's own (a feature), so it is not on the client's face.
    "export { buildResponseViewModel } from './src/features/requests/response/responseViewModel.ts';",
    "export { renderResponseHtml } from './src/features/requests/response/responseHtml.ts';",
    "export { prettyJson } from './src/features/requests/response/jsonPreview.ts';",
  ]);
}

/** A bank list like Get ASPSP List returns, grown to about `bytes`. */
function bankList(bytes) {
  const one = (i) => ({
    bicFi: `BANK${String(i).padStart(6, '0')}`,
    name: `Bank number ${i}`,
    logoUrl: `https://cdn.example/logos/${i}.png`,
    country: 'SE',
    supportedPaymentProducts: ['domestic', 'sepa-credit-transfers'],
    amount: 1234.5,
  });
  const per = JSON.stringify(one(0)).length + 1;
  return JSON.stringify({ aspsps: Array.from({ length: Math.ceil(bytes / per) }, (_, i) => one(i)) });
}

const time = (fn) => medianMs(fn, runs);

const m = await loadModules();
const operation = m.findOperation('getASPSPList');
const options = { nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=', cspSource: 'https://fake.vscode-cdn.net' };

const rows = [];
for (const size of [100 * 1024, 1024 * 1024, 10 * 1024 * 1024]) {
  const bodyText = bankList(size);
  const exchange = {
    operationId: operation.id, method: 'GET', url: 'https://api.example/psd2/aspspinformation/v1/aspsps', status: 200,
    startedAt: new Date().toISOString(), durationMs: 1, requestId: '3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b',
    attempts: [{ requestId: '3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b', status: 200, durationMs: 1 }],
    requestHeaders: { Accept: 'application/json' }, responseHeaders: { 'content-type': 'application/json' }, bodyText,
  };
  const redactor = new m.Redactor();
  redactor.addSecret('a-planted-client-secret');
  let htmlLength = 0;
  const naive = time(() => JSON.stringify(JSON.parse(bodyText), null, 2));
  const mask = time(() => redactor.redact(bodyText));
  const call = { operation, environmentId: 'sandbox', input: { params: {} }, result: { ok: true, exchange } };
  const record = m.responseRecordFrom(call, redactor);
  const page = time(() => {
    htmlLength = m.renderResponseHtml(m.buildResponseViewModel(record, redactor), options).length;
  });
  const endToEnd = time(() => m.renderResponseHtml(m.buildResponseViewModel(m.responseRecordFrom(call, redactor), redactor), options));
  const editor = time(() => m.prettyJson(bodyText, { maxChars: Number.POSITIVE_INFINITY, html: false }));
  rows.push([
    `${(bodyText.length / 1024 / 1024).toFixed(1)} MB`,
    ms(naive),
    ms(mask),
    ms(page),
    ms(endToEnd),
    ms(editor),
    `${(htmlLength / 1024).toFixed(0)} KiB`,
  ]);
}

// Masking alone, as a long session leaves the Redactor: a client secret, a passphrase and 40 tokens, codes and
// verifiers learnt, against a body that has every character an encoded secret could start with (\\, %, &, +).
const busy = new m.Redactor();
busy.addSecret('a-planted-client-secret');
busy.addSecret('pfx-passphrase');
for (let i = 0; i < 40; i++) busy.addIssued(`token-${i}-${'x'.repeat(32)}`);
const escapedBody = bankList(1024 * 1024).replace(/"name":"Bank number (\d+)"/g, '"name":"Bank \\u00e9 %C3%A9 &amp; no+$1"');
const maskRows = [
  ['1 literal, plain 1 MB', bankList(1024 * 1024), redactorWithOne()],
  ['42 literals, plain 1 MB', bankList(1024 * 1024), busy],
  ['42 literals, escapes 1 MB', escapedBody, busy],
].map(([name, body, r]) => [name, ms(time(() => r.redact(body)))]);

function redactorWithOne() {
  const r = new m.Redactor();
  r.addSecret('a-planted-client-secret');
  return r;
}

console.log(`Response view render, median of ${runs} runs (node ${process.version})\n`);
console.log(
  table(
    ['body', 'parse+stringify', 'mask body', 'page from record', 'record+page', 'full pretty (editor)', 'page size'],
    rows,
  ),
);
console.log('\npage from record = buildResponseViewModel + renderResponseHtml (masks the body once more, previews 256 KB).');
console.log('record+page = also responseRecordFrom (masks every field of the exchange), what one Send Request adds.');
console.log(`\nRedactor.redact alone (median of ${runs} runs):\n`);
console.log(table(['redactor, body', 'mask body'], maskRows));

// Every known secret, in every encoding a server, a library or the extension itself may apply, is masked in
// every place the extension writes text: the log, history files and state, the response view (page and "Open
// in Editor"), cURL, the support bundle and failure notifications. Table-driven: secrets × encodings × sinks.
import assert from 'node:assert/strict';
import type { Exchange } from '../../../src/client/http/exchange';
import { MASK, Redactor } from '../../../src/client/redaction/redaction';
import { buildCurl } from '../../../src/client/codegen/curl';
import { buildSupportBundle } from '../../../src/client/traces/supportBundle';
import { HistoryStore } from '../../../src/client/history/historyStore';
import { Logger } from '../../../src/host/logger';
import { describeFailure } from '../../../src/host/failureMessages';
import { prettyJson } from '../../../src/features/requests/response/jsonPreview';
import { renderResponseHtml } from '../../../src/features/requests/response/responseHtml';
import { buildResponseViewModel } from '../../../src/features/requests/response/responseViewModel';
import { apiRequest, exchange, MemoryFiles, MemoryState, ok, recorded, SANDBOX_DEFAULTS, sequentialIds } from '../history/fixtures';

const CLIENT_ID = 'demo-client';

// Alphabets with every character that encodes differently somewhere, a non-ASCII letter, and an astral one.
const SECRETS = {
  punctuation: `s3 "q\\b/s+p%25'h#&<~x`,
  'non-ASCII': 'Sésame-Ørsted-ĳ-ß-9',
  astral: 'emoji-😀-secret-77',
  'URL-safe only': 'plainAlnumSecret-123_x',
} as const;

const utf8Bytes = (text: string): number[] => [...new TextEncoder().encode(text)];
const percent = (text: string, hex: (h: string) => string): string =>
  utf8Bytes(text)
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${hex(b.toString(16).padStart(2, '0'))}`))
    .join('');
const form = (text: string): string => new URLSearchParams({ v: text }).toString().slice(2);
const base64 = (text: string): string => Buffer.from(text).toString('base64');
const base64url = (text: string): string => Buffer.from(text).toString('base64url');

/** Each encoding as a function of the secret; written independently of src/core/secretSearch.ts. */
const ENCODINGS: Record<string, (secret: string) => string> = {
  verbatim: (s) => s,
  'JSON-escaped': (s) => JSON.stringify(s).slice(1, -1),
  'JSON-escaped with \\/': (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/'),
  'every char as \\uXXXX': (s) => s.split('').map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  'every char as \\uXXXX, upper hex': (s) =>
    Array.from({ length: s.length }, (_, i) => `\\u${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`).join(''),
  'percent, upper hex': (s) => percent(s, (h) => h.toUpperCase()),
  'percent, lower hex': (s) => percent(s, (h) => h),
  'encodeURIComponent': (s) => encodeURIComponent(s),
  'form (+ for space)': form,
  'form, lower hex': (s) => form(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
  'HTML entities': (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
  'HTML numeric refs': (s) => [...s].map((c) => `&#x${c.codePointAt(0)?.toString(16)};`).join(''),
  'base64 of the secret': base64,
  'base64url of the secret': base64url,
  'Basic base64(id:secret)': (s) => `Basic ${base64(`${CLIENT_ID}:${s}`)}`,
  'Basic base64(id:secret), form-encoded first (RFC 6749 §2.3.1)': (s) => `Basic ${base64(`${form(CLIENT_ID)}:${form(s)}`)}`,
  'base64url(id:secret) without padding': (s) => base64url(`${CLIENT_ID}:${s}`),
  'Basic inside a JSON string with \\/': (s) => `Basic ${base64(`${CLIENT_ID}:${s}`).replace(/\//g, '\\/')}`,
};

/** What a reader could recover: every encoding of the secret, and its plain text. */
function leaks(text: string, secret: string): string[] {
  const found = Object.entries(ENCODINGS)
    .filter(([, encode]) => {
      const encoded = encode(secret).replace(/^Basic /, '');
      return text.includes(encoded) || text.includes(encoded.replace(/\\\//g, '/'));
    })
    .map(([name]) => name);
  // The secret's middle: what a partial mask would still show.
  const middle = secret.slice(2, -2);
  if (text.includes(middle)) found.push('the middle of the secret');
  return found;
}

/** The echo as a server would send it: inside a JSON body, a header, a URL and a form body. */
function exchangeEchoing(encoded: string): Exchange {
  const body = JSON.stringify({ tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', text: 'x' }], echo: 'PLACEHOLDER' }).replace('PLACEHOLDER', encoded);
  return exchange({
    url: `https://api.example/psd2/x?echo=${encoded.replace(/ /g, '%20')}`,
    status: 400,
    requestHeaders: { Accept: 'application/json', 'X-Echo': encoded },
    requestBody: `grant_type=client_credentials&note=${encoded}`,
    responseHeaders: { 'content-type': 'application/json', 'x-debug': encoded },
    bodyText: body,
  });
}

interface Sink {
  /** Everything the sink wrote or showed for a call whose every field echoes `encoded`. */
  (encoded: string, redactor: Redactor): Promise<string>;
}

const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2U=';

const SINKS: Record<string, Sink> = {
  'the log': async (encoded, redactor) => {
    const lines: string[] = [];
    const channel = { trace: (l: string) => lines.push(l), debug: (l: string) => lines.push(l), info: (l: string) => lines.push(l), warn: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const logger = new Logger(channel as never, redactor);
    logger.info(`POST /connect/token answered ${encoded}`);
    logger.error('Request failed', new Error(`server said: ${encoded}`));
    return lines.join('\n');
  },
  'history files and state': async (encoded, redactor) => {
    const state = new MemoryState();
    const files = new MemoryFiles();
    const store = new HistoryStore({ state, files, redactor, maxEntries: () => 10, log: { error: () => undefined }, newId: sequentialIds(), callDefaults: () => SANDBOX_DEFAULTS });
    await store.record(recorded(apiRequest('getASPSPList', { isoCountryCodes: 'SE' }), ok(exchangeEchoing(encoded))));
    return state.dump() + [...files.files.values()].join('\n');
  },
  'the response view and Open in Editor': async (encoded, redactor) => {
    const store = new HistoryStore({ state: new MemoryState(), files: new MemoryFiles(), redactor, maxEntries: () => 10, log: { error: () => undefined }, callDefaults: () => SANDBOX_DEFAULTS });
    const record = await store.record(recorded(apiRequest('getASPSPList'), ok(exchangeEchoing(encoded))));
    const html = renderResponseHtml(buildResponseViewModel(record, redactor), { nonce: NONCE, cspSource: 'https://fake.vscode-cdn.net' });
    const editor = prettyJson(redactor.redact(record.exchange?.bodyText ?? ''), { maxChars: Number.POSITIVE_INFINITY, html: false });
    // The page escapes HTML; what the reader sees is the unescaped text.
    const seen = html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    return `${html}\n${seen}\n${editor?.output ?? ''}`;
  },
  cURL: async (encoded, redactor) => {
    const store = new HistoryStore({ state: new MemoryState(), files: new MemoryFiles(), redactor, maxEntries: () => 10, log: { error: () => undefined }, callDefaults: () => SANDBOX_DEFAULTS });
    const record = await store.record(recorded(apiRequest('getASPSPList'), ok(exchangeEchoing(encoded))));
    assert.ok(record.request, 'the record keeps the request for cURL');
    return buildCurl({ ...record.request, method: record.method }, { kind: 'placeholder' }, '00000000-0000-4000-8000-000000000001');
  },
  'the support bundle': async (encoded, redactor) => {
    const store = new HistoryStore({ state: new MemoryState(), files: new MemoryFiles(), redactor, maxEntries: () => 10, log: { error: () => undefined }, callDefaults: () => SANDBOX_DEFAULTS });
    const record = await store.record(recorded(apiRequest('getASPSPList'), ok(exchangeEchoing(encoded))));
    return buildSupportBundle(record, 'Sandbox', { extension: '0.1.0', vscode: '1.100.3' }, redactor);
  },
  'failure notifications': async (encoded, redactor) => {
    const store = new HistoryStore({ state: new MemoryState(), files: new MemoryFiles(), redactor, maxEntries: () => 10, log: { error: () => undefined }, callDefaults: () => SANDBOX_DEFAULTS });
    const record = await store.record(recorded(apiRequest('getASPSPList'), ok(exchangeEchoing(encoded))));
    const failure = { kind: 'http' as const, operationId: 'getASPSPList', status: 400, attempts: [], summary: 'x', tppMessages: [...(record.tppMessages ?? []), { category: 'ERROR', code: redactor.redact(encoded) }] };
    return describeFailure('Get ASPSP List', failure).text;
  },
};

describe('redaction in every encoding and every sink', () => {
  for (const [alphabet, secret] of Object.entries(SECRETS)) {
    for (const [sinkName, sink] of Object.entries(SINKS)) {
      it(`masks a ${alphabet} secret in ${sinkName}, in every encoding`, async () => {
        const problems: string[] = [];
        for (const [encodingName, encode] of Object.entries(ENCODINGS)) {
          const redactor = new Redactor();
          redactor.addSecret(secret);
          const written = await sink(encode(secret), redactor);
          const found = leaks(written, secret);
          if (found.length) problems.push(`${encodingName}: ${found.join(', ')}`);
        }
        assert.deepEqual(problems, []);
      });
    }
  }

  it('keeps a JSON body valid JSON while masking an escaped secret inside it', () => {
    const redactor = new Redactor();
    const secret = SECRETS.punctuation;
    redactor.addSecret(secret);
    for (const [name, encode] of Object.entries(ENCODINGS)) {
      const body = JSON.stringify({ a: 1, echo: 'x' }).replace('"x"', `"before ${encode(secret)} after"`);
      if (!isJson(body)) continue;
      const out = redactor.redact(body);
      assert.ok(isJson(out), `${name}: ${out}`);
      assert.ok(out.includes(MASK), name);
    }
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// What both extension-host runners (code-server and desktop VS Code) share: the real local sandbox with this
// run's client secret, the environment the suite reads it from, the search of every file VS Code wrote for
// that secret and for every token and code the sandbox issued, and the check of VS Code's extension host log.
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { findInFiles, repoRoot } from './codeServer.mjs';

export const SECRET_SCAN_TITLE = 'no client secret in any encoding, nor any token or code the sandbox issued, in settings, state, logs or any other file VS Code wrote';

/**
 * Random, with every character that encodes differently somewhere (JSON, URLs, forms, HTML, shells), so a
 * leak in any encoding shows up as a different string than the one typed. Printable ASCII only: RFC 6749
 * Appendix A allows nothing else in a client_secret and the sandbox's OpenID provider refuses to register
 * one with a non-ASCII letter (the unit tests cover those).
 */
export function newRunSecret() {
  return `it-secret ${crypto.randomBytes(12).toString('hex')} "q\\b/s+p%25'h#&<~`;
}

export const CLIENT_ID = 'it-client';

/** A JSON escape of every character, as some serialisers write non-ASCII text. */
const unicodeEscaped = (text, hex) => [...text].map((c) => `\\u${hex(c.charCodeAt(0).toString(16).padStart(4, '0'))}`).join('');
const formEncoded = (text) => new URLSearchParams({ v: text }).toString().slice(2);
const lowerHex = (encoded) => encoded.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
const base64 = (text) => [Buffer.from(text).toString('base64'), Buffer.from(text).toString('base64url')];

/**
 * Every form the secret can take in a file: verbatim, JSON-escaped (also with \/ and all-\uXXXX), percent-
 * encoded (both cases of hex), form-encoded, HTML-escaped, and base64 (standard and URL-safe) of the secret and
 * of the HTTP Basic value client_id:client_secret, raw and form-encoded first as RFC 6749 §2.3.1 says.
 * Written independently of the extension's own Redactor, so a mistake there cannot hide here.
 */
export function secretForms(secret) {
  const json = JSON.stringify(secret).slice(1, -1);
  const percent = encodeURIComponent(secret);
  const forms = [
    secret,
    json,
    json.replace(/\//g, '\\/'),
    unicodeEscaped(secret, (h) => h),
    unicodeEscaped(secret, (h) => h.toUpperCase()),
    percent,
    lowerHex(percent),
    formEncoded(secret),
    lowerHex(formEncoded(secret)),
    secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
    ...base64(secret),
    ...base64(`${CLIENT_ID}:${secret}`),
    ...base64(`${formEncoded(CLIENT_ID)}:${formEncoded(secret)}`),
  ];
  return [...new Set(forms)];
}

/**
 * The plain sandbox the suite talks to, plus `mtls`: a second one in https + mTLS mode (production's client
 * certificate, reference §2) for the client-certificate test. close() closes both.
 */
export async function startItSandbox(secret) {
  const { start } = await import(path.join(repoRoot, 'dist', 'sandbox', 'index.mjs'));
  const clients = [
    {
      clientId: CLIENT_ID,
      clientSecret: secret,
      redirectUris: ['http://127.0.0.1:53682/callback'],
      products: ['aspspinformation', 'accountinformation', 'paymentinitiation'],
    },
  ];
  const [plain, mtls] = await Promise.allSettled([start({ clients }), start({ clients, tls: true })]);
  if (plain.status === 'rejected' || mtls.status === 'rejected') {
    await Promise.all([plain, mtls].map((started) => (started.status === 'fulfilled' ? started.value.close() : undefined)));
    throw plain.status === 'rejected' ? plain.reason : mtls.reason;
  }
  const sandbox = plain.value;
  return {
    authHost: sandbox.authHost,
    apiHost: sandbox.apiHost,
    client: sandbox.client,
    faults: sandbox.faults,
    mtls: mtls.value,
    close: () => Promise.all([sandbox.close(), mtls.value.close()]).then(() => undefined),
  };
}

/** The variables test/integration/support.ts reads. */
export function itEnv(sandbox, secret, report) {
  return {
    OPENPAYMENTS_TEST_REPORT: report,
    OPENPAYMENTS_IT_SECRET: secret,
    OPENPAYMENTS_IT_SHARED: path.dirname(report),
    OPENPAYMENTS_IT_AUTH_HOST: sandbox.authHost,
    OPENPAYMENTS_IT_API_HOST: sandbox.apiHost,
    OPENPAYMENTS_IT_MTLS_AUTH_HOST: sandbox.mtls.authHost,
    OPENPAYMENTS_IT_MTLS_API_HOST: sandbox.mtls.apiHost,
    OPENPAYMENTS_IT_MTLS_CA: sandbox.mtls.tls.caCertificatePath,
    OPENPAYMENTS_IT_MTLS_CERTIFICATE: sandbox.mtls.tls.clientCertificates.valid,
    // The sandbox's own random test passphrase for this run, not a user's secret.
    OPENPAYMENTS_IT_MTLS_PASSPHRASE: sandbox.mtls.tls.passphrase,
    OPENPAYMENTS_TEST_GREP: process.env.OPENPAYMENTS_TEST_GREP ?? '',
  };
}

/** Every access token, refresh token and authorization code the sandbox issued during the run. */
export async function issuedSecrets(sandbox) {
  const issued = await (await fetch(`${sandbox.apiHost}/__sandbox/secrets`)).json();
  if (issued.accessTokens.length === 0) throw new Error('the sandbox reports no access token issued; the secret scan would miss them');
  const mtls = await mtlsIssuedSecrets(sandbox.mtls);
  // The client certificate's passphrase is a secret too: it must not land in any file either.
  return [...issued.accessTokens, ...issued.authorizationCodes, ...issued.refreshTokens, ...mtls.accessTokens].map((entry) => entry.value).concat(sandbox.mtls.tls.passphrase);
}

/** The mTLS sandbox's admin endpoint, reached with its own client certificate (its API host demands one). */
function mtlsIssuedSecrets(mtls) {
  const { caCertificatePath, clientCertificates, passphrase } = mtls.tls;
  return new Promise((resolve, reject) => {
    const request = https.get(
      `${mtls.apiHost}/__sandbox/secrets`,
      { ca: fs.readFileSync(caCertificatePath), pfx: fs.readFileSync(clientCertificates.valid), passphrase, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(body));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on('error', reject);
  });
}

/**
 * Searches `dirs` for the secret in every form it can take and for the issued values; canaries planted in the
 * first dir (the secret JSON-escaped, base64 inside a Basic value, and a token) prove the search finds what it
 * looks for in encoded forms too. Returns the test result to report.
 */
export function secretScanResult(dirs, secret, issued) {
  const forms = secretForms(secret);
  const canary = path.join(dirs[0], 'canary.txt');
  const plantedJson = JSON.stringify(secret).slice(1, -1);
  const plantedBasic = `Basic ${Buffer.from(`${CLIENT_ID}:${secret}`).toString('base64')}`;
  fs.writeFileSync(canary, `planted {"echo":"${plantedJson}"} and ${plantedBasic} and ${issued[0]}`);
  const needles = [...forms, ...issued];
  const all = dirs.flatMap((dir) => findInFiles(dir, needles));
  const canaryHits = all.filter(([file]) => file === canary).map(([, needle]) => needle);
  if (!canaryHits.includes(plantedJson) || !canaryHits.includes(plantedBasic.slice(6)) || !canaryHits.includes(issued[0])) {
    throw new Error('the secret search did not find its planted canaries; the scan cannot be trusted');
  }
  const hits = all.filter(([file]) => file !== canary);
  const what = (needle) => (forms.includes(needle) ? `the client secret (${needle === secret ? 'verbatim' : `encoded as ${needle}`})` : 'a token or code the sandbox issued');
  return hits.length
    ? { state: 'failed', title: SECRET_SCAN_TITLE, error: hits.map(([f, needle]) => `${f}: ${what(needle)}`).join('\n') }
    : { state: 'passed', title: SECRET_SCAN_TITLE };
}

export const EXTENSION_HOST_LOG_TITLE = 'no warning or error about this extension in VS Code\'s own extension host log';

/**
 * VS Code's log of the extension host (exthost.log, or remoteexthost.log in code-server) is what a user opens
 * when something misbehaves. An entry at warning or error level that names this extension (its id, or one of
 * its dist/ files in a stack) is trouble the extension caused there: a deprecated API it touched, a promise it
 * let reject, a failed activation. Returns the test result to report.
 */
export function extensionHostLogResult(root) {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const ours = [`${manifest.publisher}.${manifest.name}`, `${path.join(repoRoot, 'dist')}${path.sep}`];
  const logs = fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /^(remote)?exthost\.log$/.test(entry.name))
        .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    : [];
  if (logs.length === 0) return { state: 'failed', title: EXTENSION_HOST_LOG_TITLE, error: `no extension host log under ${root}, so nothing could be checked` };
  const hits = [];
  for (const log of logs) {
    // An entry is its timestamped line and the stack lines under it.
    const entries = fs.readFileSync(log, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[)/);
    for (const entry of entries) {
      if (/^\S+ \S+ \[(warning|error)\]/.test(entry) && ours.some((mark) => entry.includes(mark))) hits.push(`${path.basename(log)}: ${entry.slice(0, 600)}`);
    }
  }
  return hits.length ? { state: 'failed', title: EXTENSION_HOST_LOG_TITLE, error: hits.join('\n') } : { state: 'passed', title: EXTENSION_HOST_LOG_TITLE };
}

/** Test records from the suite's JSON-lines report, without the end markers. */
export function reportResults(report) {
  return fs
    .readFileSync(report, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))
    .filter((record) => record.state !== 'end');
}

/** Prints one line per result in mocha's style and returns the counts. */
export function printResults(heading, results, started) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  console.log(`\n  ${heading}`);
  for (const result of results) {
    counts[result.state] += 1;
    if (result.state === 'failed') counts.failures.push({ title: result.title, error: result.error ?? '' });
    const mark = result.state === 'passed' ? '✔' : result.state === 'failed' ? '✘' : '-';
    console.log(`    ${mark} ${result.title}${result.ms ? ` (${result.ms} ms)` : ''}`);
    if (result.error) console.log(result.error.split('\n').map((l) => `        ${l}`).join('\n'));
  }
  console.log(`  ${counts.passed} passing, ${counts.failed} failing, ${counts.skipped} pending (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return counts;
}

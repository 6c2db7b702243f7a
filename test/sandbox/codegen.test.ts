// Copy as Code, proven by running: every generated program (sh + curl, node, python3, `java File.java`) is
// written to a temporary folder and run against the local sandbox over real HTTP, for one operation of each
// product, and must print a 2xx and the X-Request-ID the sandbox echoed. The production variant's certificate
// code runs against the sandbox's https + mTLS mode. Every program is scanned for secrets before it runs.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONSENT_BODY_TEMPLATE, catalogueOperation, paymentBodyTemplate, type OperationId } from '../../src/client/catalogue/catalogue';
import type { PsuContext } from '../../src/client/catalogue/operationTypes';
import { CODE_ENV, CODE_LANGUAGES, codeRequestFrom, type CodeLanguage, type CodeRequest } from '../../src/client/codegen/index';
import { prepareRequest } from '../../src/client/http/requestPreparation';
import { base64Cores, findSecretRanges, type Needle } from '../../src/client/redaction/secretSearch';
import { useSandbox, type SandboxClient } from './helpers/client';
import { PSU_HEADERS, validConsent } from './helpers/flows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What History holds for a call: the request as sent, with the X-Request-ID it went out with. */
const RECORDED_REQUEST_ID = '0d4a7c1e-2b3f-4e5a-9c8d-7f6e5d4c3b2a';

/** The command each language's program runs with, or undefined with the reason when the machine lacks it. */
function interpreter(language: CodeLanguage['id']): { command: string; args: (file: string) => string[] } | string {
  const has = (command: string, versionArg: string): boolean => {
    try {
      execFileSync(command, [versionArg], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  switch (language) {
    case 'curl':
      return has('curl', '--version') ? { command: 'sh', args: (file) => [file] } : 'curl is not installed';
    case 'javascript':
      return { command: process.execPath, args: (file) => [file] };
    case 'python':
      return has('python3', '--version') ? { command: 'python3', args: (file) => [file] } : 'python3 is not installed';
    case 'java':
      return has('java', '-version') ? { command: 'java', args: (file) => [file] } : 'java is not installed';
  }
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { env, cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The request as the extension would record it: prepared from the catalogue, sent with an id and a token. */
function recordedRequest(
  c: SandboxClient,
  operationId: OperationId,
  params: Record<string, string>,
  body: unknown,
  token: string,
  options: { apiHost?: string; authHost?: string; clientCertificate?: boolean } = {},
): CodeRequest {
  const operation = catalogueOperation(operationId);
  const context: PsuContext = 'private';
  const prepared = prepareRequest({
    operation,
    params,
    body,
    apiHost: options.apiHost ?? c.sandbox.apiHost,
    context,
    psuHeaders: { psuIpAddress: PSU_HEADERS['psu-ip-address'], psuUserAgent: PSU_HEADERS['psu-user-agent'], psuId: PSU_HEADERS['psu-id'] },
  });
  assert.ok(prepared.ok, JSON.stringify(prepared));
  const { url, headers, body: text } = prepared.request;
  return codeRequestFrom({
    operation,
    url: url.toString(),
    // A dirty input on purpose: a recorded id and a live token that must never reach the program.
    headers: { ...headers, 'X-Request-ID': RECORDED_REQUEST_ID, Authorization: `Bearer ${token}` },
    ...(text !== undefined ? { body: text } : {}),
    context,
    authHost: options.authHost ?? c.sandbox.authHost,
    clientCertificate: options.clientCertificate ?? false,
  });
}

function assertNoSecret(program: string, secrets: { clientId: string; clientSecret: string; token: string }): void {
  // The Redactor's own search: every text encoding of each value (JSON, URL, \u escapes ...) and, for the
  // secret, base64 as HTTP Basic would carry it.
  const needles: Needle[] = [
    { text: secrets.clientSecret, base64: false },
    ...base64Cores(secrets.clientSecret).map((text) => ({ text, base64: true })),
    { text: secrets.token, base64: false },
  ];
  assert.deepEqual(findSecretRanges(program, needles), [], 'a generated program holds the client secret or a token');
  assert.ok(!program.includes(secrets.clientId), 'a generated program holds the client ID');
  assert.ok(!program.includes(RECORDED_REQUEST_ID), 'a generated program repeats the recorded X-Request-ID');
}

function assertRan(result: Run, label: string): string {
  assert.equal(result.code, 0, `${label} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
  const status = /^Status: (\d{3})$/m.exec(result.stdout);
  assert.ok(status && Number(status[1]) >= 200 && Number(status[1]) <= 299, `${label}: no 2xx status\n${result.stdout}`);
  const id = /^X-Request-ID: (.*)$/m.exec(result.stdout)?.[1] ?? '';
  assert.match(id, UUID, `${label}: no echoed X-Request-ID\n${result.stdout}`);
  assert.notEqual(id, RECORDED_REQUEST_ID);
  return id;
}

describe('Copy as Code programs run against the sandbox', function () {
  // Java compiles each program at start (1–3 s on a busy machine); the consent needs a scripted bank login.
  this.timeout(120_000);
  const c = useSandbox();
  let folder: string;
  let consentId: string;
  const requests = new Map<string, CodeRequest>();
  const token = (): Promise<string> => c.token('accountinformation private');

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'op-codegen-'));
    consentId = await validConsent(c, 'ESSESESS');
    const live = await token();
    requests.set('ASPSP Information: Get ASPSP List', recordedRequest(c, 'getASPSPList', { isoCountryCodes: 'SE' }, undefined, live));
    requests.set('Consent: Create Consent (JSON body)', recordedRequest(c, 'createConsent', { 'X-BicFi': 'ESSESESS' }, CONSENT_BODY_TEMPLATE, live));
    requests.set('Account Information: Get Account List', recordedRequest(c, 'getAccountList', { 'X-BicFi': 'ESSESESS', 'Consent-ID': consentId, withBalance: 'true' }, undefined, live));
    requests.set(
      'Payment Initiation: Initiate Payment (JSON body)',
      recordedRequest(c, 'initiatePayment', { 'X-BicFi': 'ESSESESS', 'payment-service': 'payments', 'payment-product': 'domestic' }, paymentBodyTemplate('domestic', 'ESSESESS'), live),
    );
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    [CODE_ENV.clientId]: c.identity.clientId,
    [CODE_ENV.clientSecret]: c.identity.clientSecret,
  });

  for (const language of CODE_LANGUAGES) {
    it(`${language.label}: one operation of each product prints a 2xx and the echoed X-Request-ID`, async function () {
      const how = interpreter(language.id);
      if (typeof how === 'string') {
        console.log(`      (skipped: ${how}, so the ${language.label} programs cannot be run here)`);
        this.skip();
      }
      const secrets = { clientId: c.identity.clientId, clientSecret: c.identity.clientSecret, token: await token() };
      // The programs are independent, so they run at once: Java's start-up compile dominates this layer's time.
      const runs = [...requests].map(([label, request]) => {
        const program = language.generate(request);
        assertNoSecret(program, secrets);
        const dir = fs.mkdtempSync(path.join(folder, `${language.id}-`));
        const file = path.join(dir, language.fileName(request));
        fs.writeFileSync(file, program);
        return run(how.command, how.args(file), env(), dir).then((result) => ({ label, result }));
      });
      for (const { label, result } of await Promise.all(runs)) assertRan(result, `${language.label} / ${label}`);
    });
  }

  it('a program makes a new X-Request-ID on every run', async () => {
    const request = requests.get('ASPSP Information: Get ASPSP List')!;
    const file = path.join(folder, 'twice.mjs');
    fs.writeFileSync(file, CODE_LANGUAGES.find((l) => l.id === 'javascript')!.generate(request));
    const first = assertRan(await run(process.execPath, [file], env(), folder), 'first run');
    const second = assertRan(await run(process.execPath, [file], env(), folder), 'second run');
    assert.notEqual(first, second);
  });

  it('a program without the client credentials in its environment says which variable to set and sends nothing', async () => {
    const request = requests.get('ASPSP Information: Get ASPSP List')!;
    const file = path.join(folder, 'nocreds.mjs');
    fs.writeFileSync(file, CODE_LANGUAGES.find((l) => l.id === 'javascript')!.generate(request));
    const result = await run(process.execPath, [file], { PATH: process.env['PATH'] }, folder);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, new RegExp(`Set the environment variable ${CODE_ENV.clientId} first`));
    assert.doesNotMatch(result.stdout, /Status:/);
  });
});

describe('Copy as Code programs for production present the client certificate (sandbox https + mTLS mode)', function () {
  // openssl makes the run's certificates at start; Java compiles its program.
  this.timeout(120_000);
  const c = useSandbox({ tls: true });
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'op-codegen-tls-'));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  function pemOf(pfx: string): string {
    const pem = path.join(folder, `${path.basename(pfx)}.pem`);
    const pass = `pass:${c.sandbox.tls!.passphrase}`;
    execFileSync('openssl', ['pkcs12', '-in', pfx, '-passin', pass, '-out', pem, '-passout', pass], { stdio: 'pipe' });
    return pem;
  }

  /**
   * The programs trust the system's CAs, as production needs; the sandbox's private CA is added the way each
   * runtime documents for that, from outside the program, so the code under test is the code users get.
   */
  function trustAndCertificate(language: CodeLanguage['id']): NodeJS.ProcessEnv | string {
    const tls = c.sandbox.tls!;
    const base = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      [CODE_ENV.clientId]: c.identity.clientId,
      [CODE_ENV.clientSecret]: c.identity.clientSecret,
      [CODE_ENV.certificate]: tls.clientCertificates.valid,
      [CODE_ENV.passphrase]: tls.passphrase,
    };
    switch (language) {
      case 'curl':
        return { ...base, CURL_CA_BUNDLE: tls.caCertificatePath };
      case 'javascript':
        return { ...base, NODE_EXTRA_CA_CERTS: tls.caCertificatePath };
      case 'python': {
        // The conversion the program's comment tells users to make; the key stays encrypted under the passphrase.
        return { ...base, [CODE_ENV.certificatePem]: pemOf(tls.clientCertificates.valid), SSL_CERT_FILE: tls.caCertificatePath };
      }
      case 'java': {
        const store = path.join(folder, 'trust.p12');
        if (!fs.existsSync(store)) {
          execFileSync('keytool', ['-importcert', '-noprompt', '-alias', 'sandbox-ca', '-file', tls.caCertificatePath, '-keystore', store, '-storetype', 'PKCS12', '-storepass', 'changeit'], { stdio: 'pipe' });
        }
        return { ...base, JDK_JAVA_OPTIONS: `-Djavax.net.ssl.trustStore=${store} -Djavax.net.ssl.trustStorePassword=changeit` };
      }
    }
  }

  for (const language of CODE_LANGUAGES) {
    it(`${language.label}: Get ASPSP List over mTLS prints a 2xx and the echoed X-Request-ID; an expired certificate is refused`, async function () {
      const how = interpreter(language.id);
      if (typeof how === 'string') {
        console.log(`      (skipped: ${how}, so the ${language.label} program cannot be run here)`);
        this.skip();
      }
      // The test's own fetch does not trust the run's CA; a stand-in token is as good for the dirty input.
      const live = `stand-in-token-${Date.now().toString(36)}-not-for-programs`;
      const request = recordedRequest(c, 'getASPSPList', { isoCountryCodes: 'SE' }, undefined, live, { clientCertificate: true });
      const program = language.generate(request);
      assertNoSecret(program, { clientId: c.identity.clientId, clientSecret: c.identity.clientSecret, token: live });
      assert.ok(!program.includes(c.sandbox.tls!.passphrase), 'the certificate passphrase is in the program');
      const dir = fs.mkdtempSync(path.join(folder, `${language.id}-`));
      const file = path.join(dir, language.fileName(request));
      fs.writeFileSync(file, program);
      const env = trustAndCertificate(language.id);
      assert.ok(typeof env !== 'string');
      // The same program with the expired certificate, run at the same time: the API host refuses the
      // connection, the program says so.
      const expiredPfx = c.sandbox.tls!.clientCertificates.expired;
      const expiredEnv = language.id === 'python' ? { ...env, [CODE_ENV.certificatePem]: pemOf(expiredPfx) } : { ...env, [CODE_ENV.certificate]: expiredPfx };
      const [valid, expired] = await Promise.all([run(how.command, how.args(file), env, dir), run(how.command, how.args(file), expiredEnv, dir)]);
      assertRan(valid, `${language.label} over mTLS`);
      assert.notEqual(expired.code, 0, expired.stdout);
      assert.doesNotMatch(expired.stdout, /^Status: 2/m);
    });
  }
});

// The MCP server as an MCP client meets it: `node dist/mcp.js` spawned over stdio by the SDK's own Client, against
// the real local sandbox. Every tool is called; bad input and production are refused; and no tool result nor any
// line on stderr carries the client secret or a token the sandbox issued, in raw, base64 or URL-encoded form.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CONSENT_BODY_TEMPLATE, paymentBodyTemplate } from '../../src/client/catalogue/catalogue';
import { start, type Sandbox } from '../../sandbox/index';
import { httpsRequest } from './helpers/https';
import { repoRoot } from './helpers/reference';

const CLIENT_ID = 'mcp-test-client';
// Random, and with characters that encode differently in JSON, URLs, forms and base64, so any leaked form shows.
const SECRET = `mcp-secret ${crypto.randomBytes(8).toString('hex')} "q/b+p%25#&~`;
const MCP = path.join(repoRoot, 'dist', 'mcp.js');

interface Session {
  readonly client: Client;
  readonly stderr: string[];
  readonly texts: string[];
  call(name: string, args: Record<string, unknown>): Promise<{ isError: boolean; text: string; json?: Record<string, unknown> }>;
  close(): Promise<void>;
}

async function connect(env: Record<string, string>, args: readonly string[] = []): Promise<Session> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [MCP, ...args],
    // Only what the server needs: no inherited OPENPAYMENTS_* of the developer's shell.
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  const stderr: string[] = [];
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(transport);
  const texts: string[] = [];
  return {
    client,
    stderr,
    texts,
    async call(name, args) {
      const result = await client.callTool({ name, arguments: args });
      const content = result.content as { type: string; text?: string }[];
      const text = content.map((c) => c.text ?? '').join('\n');
      texts.push(text, JSON.stringify(result.structuredContent ?? {}));
      const isError = result.isError === true;
      return { isError, text, ...(isError ? {} : { json: JSON.parse(text) as Record<string, unknown> }) };
    },
    close: () => client.close(),
  };
}

/** Every form a secret could leak in: raw, URL- and form-encoded, and base64 (also inside HTTP Basic). */
function leakForms(secret: string, clientId?: string): string[] {
  const form = (t: string) => new URLSearchParams({ v: t }).toString().slice(2);
  const b64 = (t: string) => [Buffer.from(t).toString('base64'), Buffer.from(t).toString('base64url')];
  return [
    secret,
    encodeURIComponent(secret),
    form(secret),
    JSON.stringify(secret).slice(1, -1),
    ...b64(secret),
    ...(clientId ? [...b64(`${clientId}:${secret}`), ...b64(`${form(clientId)}:${form(secret)}`)] : []),
  ];
}

/** The tokens an https + mTLS sandbox issued, from its admin endpoint, which wants the run's client certificate too. */
async function mtlsIssued(tlsSandbox: Sandbox): Promise<{ accessTokens: { value: string }[] }> {
  const tls = tlsSandbox.tls!;
  const answer = await httpsRequest(`${tlsSandbox.apiHost}/__sandbox/secrets`, { ca: fs.readFileSync(tls.caCertificatePath), pfx: fs.readFileSync(tls.clientCertificates.valid), passphrase: tls.passphrase });
  assert.equal(answer.status, 200, answer.body);
  return JSON.parse(answer.body) as { accessTokens: { value: string }[] };
}

describe('MCP server over stdio (SDK client, local sandbox)', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let session: Session;

  before(async () => {
    // The server under test is the bundle an MCP client runs; built here so this layer never tests a stale one.
    execFileSync(process.execPath, ['esbuild.js', '--only=mcp,sandbox'], { cwd: repoRoot });
    sandbox = await start({
      authPort: 0,
      apiPort: 0,
      clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, redirectUris: ['http://127.0.0.1:53682/callback'], products: ['aspspinformation', 'accountinformation', 'paymentinitiation'] }],
    });
    session = await connect({
      OPENPAYMENTS_ENVIRONMENT: 'local',
      OPENPAYMENTS_AUTH_HOST: sandbox.authHost,
      OPENPAYMENTS_API_HOST: sandbox.apiHost,
      OPENPAYMENTS_CLIENT_ID: CLIENT_ID,
      OPENPAYMENTS_CLIENT_SECRET: SECRET,
    });
  });

  after(async () => {
    await session?.close();
    await sandbox?.close();
  });

  it('lists the nine tools with their catalogue-derived input schemas', async () => {
    const { tools } = await session.client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      ['findBanks', 'bankRequirements', 'describeOperation', 'sendRequest', 'explainFailure', 'consentStatus', 'paymentStatus', 'startAuthorisation', 'sandboxScenario'],
    );
    const send = tools.find((t) => t.name === 'sendRequest');
    const operationId = (send?.inputSchema.properties as Record<string, { enum?: string[] }>).operationId;
    assert.ok(operationId?.enum?.includes('createConsent') && operationId.enum.includes('getTransactionList'));
  });

  it('calls every tool against the local sandbox: banks, a consent and its SCA link, a payment, a failure explained', async () => {
    const banks = await session.call('findBanks', { country: 'SE' });
    assert.ok((banks.json?.banks as { bicFi: string }[]).some((b) => b.bicFi === 'ESSESESS'), banks.text);

    const swedbank = await session.call('bankRequirements', { bicFi: 'SWEDSESS' });
    assert.deepEqual((swedbank.json?.requiredPsuHeaders as { header: string }[]).map((h) => h.header), ['PSU-IP-Address', 'PSU-User-Agent', 'PSU-ID']);

    const described = await session.call('describeOperation', { operationId: 'createConsent' });
    assert.equal(described.json?.path, '/psd2/consent/v1/consents');

    const created = await session.call('sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'ESSESESS' }, body: CONSENT_BODY_TEMPLATE });
    assert.equal(created.json?.status, 201, created.text);
    assert.match(String(created.json?.requestId), /^[0-9a-f-]{36}$/);
    const consentId = String((created.json?.body as { consentId: string }).consentId);

    const status = await session.call('consentStatus', { consentId, bicFi: 'ESSESESS' });
    assert.equal(status.json?.consentStatus, 'received', status.text);

    const sca = await session.call('startAuthorisation', { kind: 'consent', bicFi: 'ESSESESS', consentId });
    assert.equal(sca.json?.approach, 'REDIRECT', sca.text);
    const link = new URL(String(sca.json?.bankLink));
    assert.equal(link.origin, sandbox.authHost);
    assert.equal(link.searchParams.get('client_id'), CLIENT_ID);
    // Started, not completed: the consent still waits for the user.
    assert.equal((await session.call('consentStatus', { consentId, bicFi: 'ESSESESS' })).json?.consentStatus, 'received');

    const payment = await session.call('sendRequest', {
      operationId: 'initiatePayment',
      params: { 'X-BicFi': 'ESSESESS', 'payment-service': 'payments', 'payment-product': 'domestic', 'PSU-IP-Address': '192.168.0.1' },
      body: paymentBodyTemplate('domestic', 'ESSESESS'),
    });
    assert.equal(payment.json?.status, 201, payment.text);
    const paymentId = String((payment.json?.body as { paymentId: string }).paymentId);
    const paid = await session.call('paymentStatus', { paymentId, bicFi: 'ESSESESS', paymentProduct: 'domestic' });
    assert.equal(typeof paid.json?.transactionStatus, 'string', paid.text);

    const unknown = await session.call('consentStatus', { consentId: 'no-such-consent', bicFi: 'ESSESESS' });
    assert.ok(unknown.isError);
    const requestId = /X-Request-ID ([0-9a-f-]{36})/.exec(unknown.text)?.[1];
    assert.ok(requestId, unknown.text);
    const explained = await session.call('explainFailure', { requestId });
    assert.equal(explained.json?.operationId, 'getConsentStatus', explained.text);
    assert.ok((explained.json?.explanation as string[]).length > 0);

    // A scenario through the sandbox's admin endpoints, seen by the next status read as the bank's answer.
    const expired = await session.call('sandboxScenario', { action: 'expireConsent', consentId });
    assert.equal(expired.json?.consentStatus, 'expired', expired.text);
    assert.equal((await session.call('consentStatus', { consentId, bicFi: 'ESSESESS' })).json?.consentStatus, 'expired');
  });

  it('answers bad arguments with a clear tool error naming the field', async () => {
    const wrongId = await session.call('sendRequest', { operationId: 'createConsents' });
    assert.ok(wrongId.isError);
    assert.match(wrongId.text, /"operationId" is "createConsents"; it must be one of/);
    const missing = await session.call('consentStatus', { bicFi: 'ESSESESS' });
    assert.match(missing.text, /lacks "consentId", which is required/);
    const badBic = await session.call('bankRequirements', { bicFi: 'essesess!' });
    assert.match(badBic.text, /"bicFi" is "essesess!", which does not have the expected form/);
  });

  it('ends a call the client cancels at once, and goes on answering the next', async () => {
    const slow = await session.call('sandboxScenario', { action: 'injectFault', kind: 'slow', operationId: 'getASPSPList', delayMs: 20_000 });
    assert.equal(slow.isError, false, slow.text);
    const started = Date.now();
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 300);
    // The SDK's client sends notifications/cancelled and gives up on the call when its signal aborts.
    await assert.rejects(session.client.callTool({ name: 'findBanks', arguments: { country: 'SE' } }, undefined, { signal: abort.signal }));
    assert.ok(Date.now() - started < 5_000, 'the call ended with its cancellation, not with the bank');
    const next = await session.call('findBanks', { bic: 'ESSESESS' });
    assert.equal(next.isError, false, next.text);
    assert.deepEqual((next.json?.banks as { bicFi: string }[]).map((b) => b.bicFi), ['ESSESESS']);
  });

  it('refuses production without --allow-production, and each call there without confirmProduction', async () => {
    const production = { OPENPAYMENTS_ENVIRONMENT: 'production', OPENPAYMENTS_CLIENT_ID: CLIENT_ID, OPENPAYMENTS_CLIENT_SECRET: SECRET };
    const refused = spawnSync(process.execPath, [MCP], { env: { PATH: process.env.PATH ?? '', ...production }, input: '', encoding: 'utf8' });
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /production reaches real banks; start the server with --allow-production/);
    session.stderr.push(refused.stderr);
    const allowed = await connect(production, ['--allow-production']);
    try {
      const call = await allowed.call('findBanks', { country: 'SE' });
      assert.ok(call.isError);
      assert.match(call.text, /Production environment \(real banks, real money\), so it was not run.*"confirmProduction": true/);
      const scenario = await allowed.call('sandboxScenario', { action: 'reset' });
      assert.ok(scenario.isError);
      assert.match(scenario.text, /only against the local sandbox .*the Production environment is not it, so nothing was sent/);
      session.texts.push(...allowed.texts);
    } finally {
      await allowed.close();
      session.stderr.push(...allowed.stderr);
    }
  });

  it('uses the local sandbox it starts itself (--start-sandbox) with its demo client when no credentials are given', async () => {
    const own = await connect({}, ['--start-sandbox']);
    try {
      const banks = await own.call('findBanks', { bic: 'NDEASESS' });
      assert.deepEqual((banks.json?.banks as { bicFi: string }[]).map((b) => b.bicFi), ['NDEASESS'], banks.text);
      assert.ok(own.stderr.join('').includes('local sandbox started by this server'));
      session.stderr.push(...own.stderr);
    } finally {
      await own.close();
    }
  });

  it('sends the PSU headers its variables give, and starts a decoupled BankID authorisation that the PSU then approves', async () => {
    const bare = await session.call('sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'SWEDSESS' }, body: CONSENT_BODY_TEMPLATE });
    assert.ok(bare.isError, 'without the PSU variables Swedbank refuses the consent');
    assert.match(bare.text, /PSU-IP-Address/);
    const psu = await connect({
      OPENPAYMENTS_ENVIRONMENT: 'local',
      OPENPAYMENTS_AUTH_HOST: sandbox.authHost,
      OPENPAYMENTS_API_HOST: sandbox.apiHost,
      OPENPAYMENTS_CLIENT_ID: CLIENT_ID,
      OPENPAYMENTS_CLIENT_SECRET: SECRET,
      OPENPAYMENTS_PSU_IP_ADDRESS: '192.168.0.1',
      OPENPAYMENTS_PSU_USER_AGENT: 'mcp-test/1.0',
      OPENPAYMENTS_PSU_ID: '199311219639',
    });
    try {
      // Swedbank refuses Consent calls without PSU-IP-Address, PSU-User-Agent and PSU-ID (bankRequirements above).
      const created = await psu.call('sendRequest', { operationId: 'createConsent', params: { 'X-BicFi': 'SWEDSESS' }, body: CONSENT_BODY_TEMPLATE });
      assert.equal(created.json?.status, 201, created.text);
      const consentId = String((created.json?.body as { consentId: string }).consentId);
      const sca = await psu.call('startAuthorisation', { kind: 'consent', bicFi: 'SWEDSESS', consentId, approach: 'decoupled' });
      assert.equal(sca.json?.approach, 'DECOUPLED', sca.text);
      assert.match(String(sca.json?.qrText ?? sca.json?.appLink ?? ''), /\S/, 'a QR text or app link for the user');
      assert.match(String(sca.json?.next), /BankID app/);
      assert.equal((await psu.call('consentStatus', { consentId, bicFi: 'SWEDSESS' })).json?.consentStatus, 'received', 'started, not completed');
      const approved = await psu.call('sandboxScenario', { action: 'approveAuthorisation', authorisationId: String(sca.json?.authorisationId) });
      assert.equal(approved.isError, false, approved.text);
      // The bank finalises on the next SCA status read; the consent is valid from then on.
      const scaStatus = await psu.call('sendRequest', {
        operationId: 'getConsentScaStatus',
        params: { 'X-BicFi': 'SWEDSESS', consentId, authorisationId: String(sca.json?.authorisationId) },
      });
      assert.equal((scaStatus.json?.body as { scaStatus?: string }).scaStatus, 'finalised', scaStatus.text);
      assert.equal((await psu.call('consentStatus', { consentId, bicFi: 'SWEDSESS' })).json?.consentStatus, 'valid');

      // initiatePayment requires PSU-IP-Address: the variable gives it, so the model need not; without either,
      // the error says both ways to give it.
      const payment = { operationId: 'initiatePayment', params: { 'X-BicFi': 'ESSESESS', 'payment-service': 'payments', 'payment-product': 'domestic' }, body: paymentBodyTemplate('domestic', 'ESSESESS') };
      assert.equal((await psu.call('sendRequest', payment)).json?.status, 201);
      const missing = await session.call('sendRequest', payment);
      assert.ok(missing.isError);
      assert.match(missing.text, /PSU-IP-Address.*Give PSU-IP-Address in params, or set it once .*OPENPAYMENTS_PSU_\* variables/);
    } finally {
      await psu.close();
      session.texts.push(...psu.texts);
      session.stderr.push(...psu.stderr);
    }
  });

  it('presents the client certificate its variables name to an https + mTLS API host, and without one says what a closed connection can mean', async () => {
    const tlsSandbox = await start({
      authPort: 0,
      apiPort: 0,
      tls: true,
      clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, redirectUris: ['http://127.0.0.1:53682/callback'], products: ['aspspinformation'] }],
    });
    const tls = tlsSandbox.tls;
    assert.ok(tls);
    const env = {
      OPENPAYMENTS_ENVIRONMENT: 'custom',
      OPENPAYMENTS_AUTH_HOST: tlsSandbox.authHost,
      OPENPAYMENTS_API_HOST: tlsSandbox.apiHost,
      OPENPAYMENTS_CLIENT_ID: CLIENT_ID,
      OPENPAYMENTS_CLIENT_SECRET: SECRET,
      // The run's test CA, trusted as a company CA would be.
      NODE_EXTRA_CA_CERTS: tls.caCertificatePath,
    };
    const texts: string[] = [];
    const stderr: string[] = [];
    try {
      assert.match(tlsSandbox.apiHost, /^https:/);
      const withCertificate = await connect({ ...env, OPENPAYMENTS_CLIENT_CERTIFICATE: tls.clientCertificates.valid, OPENPAYMENTS_CLIENT_CERTIFICATE_PASSPHRASE: tls.passphrase });
      try {
        const banks = await withCertificate.call('findBanks', { bic: 'NDEASESS' });
        assert.deepEqual((banks.json?.banks as { bicFi: string }[]).map((b) => b.bicFi), ['NDEASESS'], banks.text);
      } finally {
        await withCertificate.close();
        texts.push(...withCertificate.texts);
        stderr.push(...withCertificate.stderr);
      }
      const without = await connect(env);
      try {
        const refused = await without.call('findBanks', { bic: 'NDEASESS' });
        assert.equal(refused.isError, true, refused.text);
        assert.match(refused.text, /closed before an answer arrived.*requires a client certificate \(mutual TLS\)/);
      } finally {
        await without.close();
        texts.push(...without.texts);
        stderr.push(...without.stderr);
      }
      const issued = await mtlsIssued(tlsSandbox);
      assert.ok(issued.accessTokens.length > 0, 'the mTLS sandbox issued a token, so the scan has something to find');
      const outputs = [...texts, ...stderr].join('\n');
      for (const needle of [...leakForms(SECRET, CLIENT_ID), ...leakForms(tls.passphrase), ...issued.accessTokens.flatMap((t) => leakForms(t.value))]) {
        assert.ok(!outputs.includes(needle), `a secret form leaked: ${needle.slice(0, 6)}...`);
      }
    } finally {
      await tlsSandbox.close();
    }
  });

  it('never puts the client secret or an issued token, in any of its forms, in a tool result or on stderr', async () => {
    const issued = (await (await fetch(`${sandbox.apiHost}/__sandbox/secrets`)).json()) as { accessTokens: { value: string }[] };
    assert.ok(issued.accessTokens.length > 0, 'the sandbox issued tokens, so the scan has something to find');
    const outputs = [...session.texts, ...session.stderr].join('\n');
    assert.ok(session.texts.length > 10 && session.stderr.length > 0, 'the scan covers every result and stderr');
    const needles = [...leakForms(SECRET, CLIENT_ID), ...issued.accessTokens.flatMap((t) => leakForms(t.value))];
    for (const needle of needles) assert.ok(!outputs.includes(needle), `a secret form leaked: ${needle.slice(0, 6)}...`);
  });
});

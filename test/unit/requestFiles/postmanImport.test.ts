import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importCollection, importedFileText, readCollection, readEnvironment, type PostmanImport } from '../../../src/client/postman/index';
import { parseHttpFile } from '../../../src/client/requestFiles/httpFileSyntax';
import { matchBlock } from '../../../src/client/requestFiles/operationMatch';
import { COLLECTION_FILE, referenceDir, SANDBOX_ENV_FILE } from '../../sandbox/helpers/reference';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const SECRET = 'pm-Secret+/value=42';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.postman-token.signature';

function collection(items: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ info: { name: 'Fixture', schema: V21 }, item: items, ...extra });
}

function environment(values: Record<string, string>, marked: string[] = []): string {
  return JSON.stringify({ name: 'Fixture env', values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true, ...(marked.includes(key) ? { type: 'secret' } : {}) })) });
}

function imported(collectionText: string, environmentText?: string): PostmanImport {
  const read = readCollection(collectionText);
  assert.ok(read.ok, 'the fixture is a v2.1 collection');
  // Each request keeps the path of folders it sits in, whatever the depth.
  for (const request of read.value.requests) assert.ok(request.folders.every((folder) => folder !== ''), request.name);
  if (environmentText === undefined) return importCollection(read.value);
  const env = readEnvironment(environmentText);
  assert.ok(env.ok, 'the fixture is an environment');
  return importCollection(read.value, env.value);
}

function textsOf(result: PostmanImport): string[] {
  return result.files.map((file) => importedFileText('', file, result));
}

/** Every form a secret could be written in: raw, URL-encoded (both ways), base64 (also of the form-encoded value). */
function forms(secret: string): string[] {
  const encoded = [secret, encodeURIComponent(secret), new URLSearchParams({ v: secret }).toString().slice(2)];
  return [...new Set([...encoded, ...encoded.map((value) => Buffer.from(value).toString('base64')), ...encoded.map((value) => Buffer.from(value).toString('base64url'))])];
}

function assertNoSecret(texts: readonly string[], secrets: readonly string[]): void {
  for (const secret of secrets) {
    for (const form of forms(secret)) for (const text of texts) assert.ok(!text.includes(form), `a form of a secret ("${form.slice(0, 4)}…") is in the output`);
  }
}

const consentItem = {
  name: 'Create Consent',
  request: {
    method: 'POST',
    header: [
      { key: 'X-BicFi', value: '{{bicFi}}' },
      { key: 'X-Request-ID', value: '{{$guid}}' },
      { key: 'PSU-Corporate-Id', value: '{{corp}}', disabled: true },
    ],
    body: { mode: 'raw', raw: '{\r  "access": {},\r  "recurringIndicator": {{recurring}}\r}' },
    url: { raw: 'https://{{apiHost}}/psd2/consent/v1/consents', protocol: 'https', host: ['{{apiHost}}'], path: ['psd2', 'consent', 'v1', 'consents'] },
  },
};

describe('Postman collection import', () => {
  it('flattens nested folders into one file per top-level folder, in collection order, each request mapped to its operation', () => {
    const result = imported(
      collection([
        {
          name: 'Consents',
          item: [
            { name: 'OAuth', item: [{ name: 'Token', request: { method: 'POST', url: 'https://{{authHost}}/connect/token', body: { mode: 'urlencoded', urlencoded: [{ key: 'grant_type', value: 'client_credentials' }] } } }] },
            consentItem,
            { name: 'Deeper', item: [{ name: 'Status', request: { method: 'GET', url: 'https://{{apiHost}}/psd2/consent/v1/consents/{{consentId}}/status' } }] },
          ],
        },
        { name: 'Countries', request: { method: 'GET', url: 'https://{{apiHost}}/psd2/aspspinformation/v1/countries' } },
      ]),
    );
    assert.deepEqual(
      result.mapped.map((entry) => [entry.name, entry.file, entry.mapping.kind === 'operation' ? entry.mapping.operationId : entry.mapping.step]),
      [
        ['Token', 'consents.http', 'clientCredentialsToken'],
        ['Create Consent', 'consents.http', 'createConsent'],
        ['Status', 'consents.http', 'getConsentStatus'],
        ['Countries', 'fixture.http', 'getCountriesList'],
      ],
    );
    assert.deepEqual(result.unmapped, []);
    assert.deepEqual(result.files.map((file) => file.source), ['Consents', 'Fixture'], 'nested folders flatten into their top-level folder; root requests go to the collection\'s file');
    const consents = parseHttpFile(importedFileText('', result.files[0]!, result));
    assert.deepEqual(consents.problems, []);
    assert.deepEqual(consents.blocks.map((block) => block.name), ['Create Consent', 'Status'], 'the token request is a comment where it was, not a block');
  });

  it('reads the url as a string or as an object, and fills :path variables', () => {
    const result = imported(
      collection([
        { name: 'As text', request: { method: 'GET', url: '{{apiHost}}/psd2/accountinformation/v1/accounts?withBalance={{withBalance}}' } },
        {
          name: 'As parts',
          request: {
            method: 'GET',
            url: {
              raw: 'https://{{apiHost}}/psd2/accountinformation/v1/accounts/:accountId/transactions?bookingStatus=both',
              protocol: 'https',
              host: ['{{apiHost}}'],
              path: ['psd2', 'accountinformation', 'v1', 'accounts', ':accountId', 'transactions'],
              variable: [{ key: 'accountId', value: '{{accountId}}' }],
              query: [
                { key: 'bookingStatus', value: 'both' },
                { key: 'dateFrom', value: '{{dateFrom}}', disabled: true },
              ],
            },
          },
        },
      ]),
    );
    const text = textsOf(result)[0]!;
    assert.match(text, /^GET \{\{API_HOST\}\}\/psd2\/accountinformation\/v1\/accounts\?withBalance=\{\{withBalance\}\}$/m);
    assert.match(text, /^GET \{\{API_HOST\}\}\/psd2\/accountinformation\/v1\/accounts\/\{\{accountId\}\}\/transactions\?bookingStatus=both$/m, 'the path variable filled, the query as in raw');
    assert.deepEqual(result.mapped.map((entry) => (entry.mapping.kind === 'operation' ? entry.mapping.operationId : '')), ['getAccountList', 'getTransactionList']);
  });

  it("maps Postman's variables to ours, defines the environment's values once per file, and lists what has none", () => {
    const result = imported(
      collection([
        consentItem,
        {
          name: 'SCA status',
          request: {
            method: 'GET',
            url: 'https://{{apiHost}}/psd2/consent/v1/consents/{{consentId}}/authorisations/{{consentAuthorisationId}}',
            auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{accountBearerToken}}' }] },
            header: [{ key: 'Authorization', value: 'Bearer {{accountBearerToken}}' }],
          },
        },
      ]),
      environment({ apiHost: 'api.example.test', recurring: 'true', bicFi: '', consentId: 'stale-consent' }),
    );
    const text = textsOf(result)[0]!;
    const file = parseHttpFile(text);
    assert.deepEqual(file.problems, []);
    assert.equal(file.variables.get('recurring')?.value, 'true');
    assert.equal(file.variables.has('consentId'), false, 'the extension supplies the newest consent; a stale id from the environment is not written');
    assert.equal(file.variables.has('bicFi'), false, 'an empty value is not defined (a send says which variable is missing)');
    assert.deepEqual(result.files[0]!.toSet, ['bicFi', 'authorisationId']);
    assert.match(text, /^# Define before sending: @bicFi, @authorisationId\.$/m);
    assert.match(text, /\/consents\/\{\{consentId\}\}\/authorisations\/\{\{authorisationId\}\}$/m, 'consentAuthorisationId is our authorisationId');
    assert.ok(!text.includes('accountBearerToken') && text.includes('Authorization: Bearer {{token}}'), "the token is ours, whatever Postman's variable");
    assert.match(text, /^X-Request-ID: \{\{\$guid\}\}$/m);
    assert.ok(!text.includes('PSU-Corporate-Id'), 'a disabled header is not written');
    // The lens sees every imported block as an operation.
    for (const block of file.blocks) assert.equal(matchBlock(block, { variables: file.variables, supplied: () => 'x', freshId: () => 'x' }).kind, 'operation');
  });

  it('lists a request that maps to no operation with its method, url and why, and writes no block for it', () => {
    const result = imported(
      collection([
        {
          name: 'Flow',
          item: [
            { name: 'Elsewhere', request: { method: 'GET', url: 'https://example.org/ping' } },
            { name: 'Unknown path', request: { method: 'GET', url: 'https://{{apiHost}}/psd2/consent/v1/nothing' } },
            { name: 'Bad query', request: { method: 'GET', url: 'https://{{apiHost}}/psd2/aspspinformation/v1/countries?page=2' } },
            { name: 'Userinfo', request: { method: 'GET', url: 'https://{{authHost}}/connect/userinfo' } },
            { name: 'Random', request: { method: 'GET', url: 'https://{{apiHost}}/psd2/aspspinformation/v1/countries/{{$randomCountryCode}}' } },
          ],
        },
      ]),
    );
    assert.deepEqual(result.mapped, []);
    assert.deepEqual(
      result.unmapped.map((entry) => [entry.name, entry.method, entry.url, entry.reason]),
      [
        ['Elsewhere', 'GET', 'https://example.org/ping', { kind: 'otherHost' }],
        ['Unknown path', 'GET', 'https://{{apiHost}}/psd2/consent/v1/nothing', { kind: 'noOperation' }],
        ['Bad query', 'GET', 'https://{{apiHost}}/psd2/aspspinformation/v1/countries?page=2', { kind: 'unknownQuery', name: 'page' }],
        ['Userinfo', 'GET', 'https://{{authHost}}/connect/userinfo', { kind: 'authHost' }],
        ['Random', 'GET', 'https://{{apiHost}}/psd2/aspspinformation/v1/countries/{{$randomCountryCode}}', { kind: 'dynamicVariable', name: '$randomCountryCode' }],
      ],
    );
    assert.equal(parseHttpFile(textsOf(result)[0]!).blocks.length, 0, 'nothing unmapped is written as a block');
  });

  it('hands back client id and secret apart and never writes a secret, in any encoding, into a file or the report', () => {
    const result = imported(
      collection(
        [
          {
            name: 'Token',
            request: {
              method: 'POST',
              url: 'https://{{authHost}}/connect/token?client_secret={{clientSecret}}',
              body: { mode: 'urlencoded', urlencoded: [{ key: 'client_secret', value: '{{clientSecret}}' }, { key: 'code', value: '{{accountInformationCode}}' }] },
            },
          },
          { name: 'Leaky', request: { method: 'GET', url: `https://example.org/x?client_secret=${encodeURIComponent(SECRET)}` } },
          { ...consentItem, request: { ...consentItem.request, header: [{ key: 'X-BicFi', value: '{{clientSecret}}' }, { key: 'PSU-ID', value: '{{psuPassword}}' }] } },
        ],
        { variable: [{ key: 'apiKey', value: 'collection-api-key-123' }] },
      ),
      environment({ clientId: 'client-id-4711', clientSecret: SECRET, accountBearerToken: TOKEN, accountInformationCode: 'auth-code-998877', psuPassword: 'hunter2-hunter2', vault: 'marked-secret-value' }, ['vault']),
    );
    assert.deepEqual(result.credentials, { clientId: 'client-id-4711', clientSecret: SECRET });
    assert.deepEqual(
      result.mapped.map((entry) => entry.mapping),
      [{ kind: 'extension', step: 'codeExchange' }, { kind: 'operation', operationId: 'createConsent' }],
    );
    const written = [...textsOf(result), JSON.stringify({ ...result, credentials: undefined })];
    assertNoSecret(written, ['client-id-4711', SECRET, TOKEN, 'auth-code-998877', 'hunter2-hunter2', 'marked-secret-value', 'collection-api-key-123']);
    // A secret-named variable a block refers to stays a reference: its value is never defined in the file.
    assert.ok(written[0]!.includes('X-BicFi: {{clientSecret}}') && !/^@(clientSecret|psuPassword)\b/m.test(written[0]!));
  });

  it('appends to a file that exists without changing what the user defined', () => {
    const result = imported(collection([consentItem]), environment({ recurring: 'false', bicFi: 'NDEASESS' }));
    const existing = '# mine\n@bicFi = ESSESESS\n\n### Old\nGET {{API_HOST}}/psd2/aspspinformation/v1/countries\n';
    const text = importedFileText(existing, result.files[0]!, result);
    assert.ok(text.startsWith('# mine\n'), 'the file keeps its own header');
    const file = parseHttpFile(text);
    assert.equal(file.variables.get('bicFi')?.value, 'ESSESESS');
    assert.equal(file.variables.get('recurring')?.value, 'false');
    assert.deepEqual(file.blocks.map((block) => block.name), ['Old', 'Create Consent']);
  });

  it('says what is wrong with a file that is not a v2.1 collection or not an environment', () => {
    assert.deepEqual(readCollection('{"info": '), { ok: false, problem: { kind: 'notJson' } });
    assert.deepEqual(readCollection('{"values": []}'), { ok: false, problem: { kind: 'notCollection' } });
    assert.deepEqual(readCollection(JSON.stringify({ info: { schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' }, item: [] })), {
      ok: false,
      problem: { kind: 'version', schema: 'v2.0.0' },
    });
    assert.deepEqual(readEnvironment(collection([])), { ok: false, problem: { kind: 'notEnvironment' } });
    assert.deepEqual(readEnvironment('not json'), { ok: false, problem: { kind: 'notJson' } });
  });
});

describe('the official Postman collection', () => {
  const files = [COLLECTION_FILE, SANDBOX_ENV_FILE, 'production.postman_environment.json'];
  before(function () {
    if (!files.every((file) => fs.existsSync(path.join(referenceDir, file)))) {
      console.log(`    (skipped: the official collection and environments are not in ${referenceDir})`);
      this.skip();
    }
  });

  for (const envFile of [SANDBOX_ENV_FILE, 'production.postman_environment.json']) {
    it(`maps all 37 requests with ${envFile}, and writes no secret of the environment`, () => {
      const read = (file: string) => fs.readFileSync(path.join(referenceDir, file), 'utf8');
      const result = imported(read(COLLECTION_FILE), read(envFile));
      assert.equal(result.mapped.length, 37);
      assert.deepEqual(result.unmapped, []);
      assert.equal(result.mapped.filter((entry) => entry.mapping.kind === 'operation').length, 29, '29 API requests; the 8 token and OAuth requests are the extension\'s own steps');
      assert.deepEqual(result.files.map((file) => file.fileName), ['aspsp-information-service.http', 'consent-service.http', 'account-information-service.http', 'payment-initiation-service.http']);
      const texts = textsOf(result);
      for (const text of texts) {
        const parsed = parseHttpFile(text);
        assert.deepEqual(parsed.problems, []);
        for (const block of parsed.blocks) assert.equal(matchBlock(block, { variables: parsed.variables, supplied: () => 'x', freshId: () => 'x' }).kind, 'operation', block.name);
      }
      const env = JSON.parse(read(envFile)) as { values: { key: string; value: string }[] };
      const secrets = env.values.filter((entry) => /^client(Id|Secret)$/.test(entry.key)).map((entry) => entry.value);
      assert.equal(secrets.length, 2);
      assert.deepEqual(result.credentials, { clientId: secrets[0], clientSecret: secrets[1] });
      assertNoSecret([...texts, JSON.stringify({ ...result, credentials: undefined })], secrets);
    });
  }
});

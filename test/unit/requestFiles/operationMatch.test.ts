import assert from 'node:assert/strict';
import { catalogueOperation, OPERATIONS } from '../../../src/client/catalogue/catalogue';
import { parseHttpFile } from '../../../src/client/requestFiles/httpFileSyntax';
import { appendRequestBlock, requestBlock } from '../../../src/client/requestFiles/httpFileWriter';
import { matchBlock, operationForPath } from '../../../src/client/requestFiles/operationMatch';
import { resolveVariables } from '../../../src/client/requestFiles/variables';

function matchText(text: string, supplied?: (name: string) => string | undefined) {
  const file = parseHttpFile(text);
  assert.deepEqual(file.problems, []);
  const block = file.blocks[0];
  assert.ok(block);
  return matchBlock(block, { variables: file.variables, ...(supplied ? { supplied } : {}), freshId: () => 'fresh' });
}

describe('request-file variables', () => {
  it('resolves file variables defined through others, supplied values, and fresh-id system variables', () => {
    const file = new Map([
      ['base', { value: '{{host}}/psd2' }],
      ['host', { value: 'https://example.test' }],
    ]);
    const ids = ['a', 'b'];
    const resolved = resolveVariables('{{base}}/{{ consentId }} {{$guid}} {{$randomUUID}}', { file, supplied: (n) => (n === 'consentId' ? 'c-1' : undefined), freshId: () => ids.shift() ?? '' });
    assert.deepEqual(resolved, { ok: true, text: 'https://example.test/psd2/c-1 a b' });
  });

  it('names the first unknown variable, and treats a self-reference as unknown', () => {
    assert.deepEqual(resolveVariables('{{nobody}} {{$dotenv X}}', { file: new Map() }), { ok: false, unknown: 'nobody' });
    assert.deepEqual(resolveVariables('{{$dotenv X}}', { file: new Map() }), { ok: false, unknown: '$dotenv X' });
    assert.deepEqual(resolveVariables('{{a}}', { file: new Map([['a', { value: 'x{{b}}' }], ['b', { value: '{{a}}' }]]) }), { ok: false, unknown: 'a' });
  });
});

describe('request-file block to catalogue operation', () => {
  it('finds every catalogue operation from its own method and path template', () => {
    for (const operation of OPERATIONS) {
      const path = operation.path.replace(/\{([^}]+)\}/g, (_all, name: string) => `v-${name}`);
      const found = operationForPath(operation.method, path);
      assert.equal(found?.operation.id, operation.id, `${operation.method} ${path}`);
    }
  });

  it('reads path, query and header parameters, ignoring Authorization and X-Request-ID', () => {
    const match = matchText(
      [
        '@bic = ESSESESS',
        'GET https://{{apiHost}}/psd2/accountinformation/v1/accounts/acc%201/transactions?bookingStatus=both&dateFrom=2024-01-01',
        'Authorization: Bearer {{token}}',
        'X-Request-ID: {{$guid}}',
        'x-bicfi: {{bic}}',
        'Consent-ID: {{consentId}}',
      ].join('\n'),
      (name) => (name === 'consentId' ? 'last-consent' : undefined),
    );
    assert.equal(match.kind, 'operation');
    if (match.kind !== 'operation') return;
    assert.equal(match.operation.id, 'getTransactionList');
    assert.deepEqual(match.params, { 'account-id': 'acc 1', bookingStatus: 'both', dateFrom: '2024-01-01', 'X-BicFi': 'ESSESESS', 'Consent-ID': 'last-consent' });
  });

  it('prefers the file variable over a supplied value, and resolves variables in the body', () => {
    const match = matchText(['@consentId = from-file', '@amount = 10.50', 'PUT {{API_HOST}}/psd2/consent/v1/consents/{{consentId}}/authorisations/a1', 'X-BicFi: ESSESESS', '', '{"amount": "{{amount}}"}'].join('\n'), () => 'supplied');
    assert.equal(match.kind, 'operation');
    if (match.kind !== 'operation') return;
    assert.equal(match.params.consentId, 'from-file');
    assert.equal(match.body, '{"amount": "10.50"}');
  });

  it('refuses the token endpoint, other hosts and paths the catalogue lacks, saying which', () => {
    const auth = matchText('POST {{AUTH_HOST}}/connect/token');
    assert.deepEqual(auth, { kind: 'notCatalogue', reason: 'authHost', method: 'POST', path: '/connect/token' });
    const other = matchText('GET https://example.com/psd2/aspspinformation/v1/countries');
    assert.equal(other.kind === 'notCatalogue' && other.reason, 'otherHost');
    const missing = matchText('DELETE {{API_HOST}}/psd2/aspspinformation/v1/countries');
    assert.equal(missing.kind === 'notCatalogue' && missing.reason, 'noOperation');
  });

  it('refuses an unknown variable and a query parameter the operation does not take, at their lines', () => {
    assert.deepEqual(matchText(['GET {{API_HOST}}/psd2/consent/v1/consents/c1/status', 'X-BicFi: {{bank}}'].join('\n')), { kind: 'unknownVariable', name: 'bank', line: 1 });
    const query = matchText('GET {{API_HOST}}/psd2/aspspinformation/v1/countries?nope=1');
    assert.equal(query.kind === 'unknownQuery' && query.name, 'nope');
  });
});

describe('request-file writer', () => {
  const consentStatus = catalogueOperation('getConsentStatus');

  it('writes a block that reads back as the same operation and parameters, ids as variables', () => {
    const block = requestBlock({ operation: consentStatus, params: { consentId: 'c-42', 'X-BicFi': 'ESSESESS' } });
    assert.deepEqual(block.variables, { consentId: 'c-42' });
    assert.match(block.text, /^### Get Consent Status\nGET \{\{API_HOST\}\}\/psd2\/consent\/v1\/consents\/\{\{consentId\}\}\/status\n/);
    assert.match(block.text, /\nAuthorization: Bearer \{\{token\}\}\nX-Request-ID: \{\{\$guid\}\}\n/);
    const text = appendRequestBlock('', block);
    const match = matchText(text);
    assert.equal(match.kind, 'operation');
    if (match.kind !== 'operation') return;
    assert.equal(match.operation.id, 'getConsentStatus');
    assert.deepEqual(match.params, { consentId: 'c-42', 'X-BicFi': 'ESSESESS' });
  });

  it('round-trips a JSON body and query parameters', () => {
    const operation = catalogueOperation('createConsent');
    const body = { access: {}, recurringIndicator: true, note: 'has ### and # inside' };
    const text = appendRequestBlock('', requestBlock({ operation, params: { 'X-BicFi': 'ESSESESS' }, body }));
    const match = matchText(text);
    assert.equal(match.kind === 'operation' && JSON.stringify(JSON.parse(match.body ?? '')), JSON.stringify(body));
    const list = catalogueOperation('getASPSPList');
    const listed = matchText(appendRequestBlock('', requestBlock({ operation: list, params: { isoCountryCodes: 'SE,FI' } })));
    assert.deepEqual(listed.kind === 'operation' && listed.params, { isoCountryCodes: 'SE,FI' });
  });

  it('appends after existing blocks, adds a missing id variable at the top and updates a changed one, keeping CRLF', () => {
    const existing = ['# my file', '@consentId = old', '', '### Mine', 'GET {{API_HOST}}/psd2/aspspinformation/v1/countries', ''].join('\r\n');
    const payment = catalogueOperation('getPaymentInitiationStatus');
    const text = appendRequestBlock(
      appendRequestBlock(existing, requestBlock({ operation: consentStatus, params: { consentId: 'new', 'X-BicFi': 'ESSESESS' } })),
      requestBlock({ operation: payment, params: { 'payment-service': 'payments', 'payment-product': 'domestic', paymentId: 'p-1', 'X-BicFi': 'ESSESESS' } }),
    );
    assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
    const lines = text.split('\r\n');
    assert.equal(lines[0], '# my file');
    assert.equal(lines[1], '@paymentId = p-1');
    assert.ok(lines.includes('@consentId = new') && !lines.includes('@consentId = old'));
    const file = parseHttpFile(text);
    assert.deepEqual(file.blocks.map((b) => b.name), ['Mine', consentStatus.title, payment.title]);
    assert.deepEqual(file.problems, []);
  });

  it('starts a new file with a comment that says where the host and token come from', () => {
    const text = appendRequestBlock('', requestBlock({ operation: catalogueOperation('getCountriesList'), params: {} }));
    assert.match(text, /^# Open Payments requests\./);
    assert.equal(parseHttpFile(text).blocks.length, 1);
  });
});

// The seven sandbox banks against reference §7.1 (read from the reference's own table) and the one Get ASPSP
// Details example it quotes (§4.2, Swedbank): what Get ASPSP Details says, and that the API behaves the same
// way (the products it accepts, the SCA approach it answers with, the contexts it serves).
import assert from 'node:assert/strict';
import { paymentBodyTemplate, PAYMENT_PRODUCTS } from '../../src/client/catalogue/catalogue';
import { readResponse, useSandbox } from './helpers/client';
import { PSU_HEADERS } from './helpers/flows';
import { jsonExampleAfter, section, table } from './helpers/referenceDoc';
import { API_REFERENCE_FILE, loadText, requireReference } from './helpers/reference';

interface DetailsExample {
  readonly bicFi: string;
  readonly globalPaymentProducts: string[];
  readonly supportedAuthorizationMethods: { name: string; uri: string }[];
  readonly affiliatedAspsps: { id: string; name: string }[];
  readonly [field: string]: unknown;
}

interface ReferenceBank {
  readonly bic: string;
  readonly country: string;
  readonly corporate: boolean;
  readonly methods: string[];
  readonly products: string[];
  readonly affiliated: { id: string; name: string }[];
}

/**
 * §7.1's row for each bank. Where §4.2's Get ASPSP Details example is the same bank (SWEDSESS), its lists win:
 * it is a verbatim answer of that operation, and it adds "international" to §7.1's sandbox products (§7.2
 * also gives Swedbank's international remittance limit). §7.1 lists no affiliated ASPSPs, so other banks have none.
 */
function referenceBanks(markdown: string): ReferenceBank[] {
  const example = jsonExampleAfter(markdown, 'Get ASPSP Details example') as DetailsExample;
  return table(section(markdown, '### 7.1')).map((row) => {
    const bic = row['BIC']!;
    const sca = row['Sandbox SCA']!.toLowerCase();
    const fromTable = {
      methods: [...(sca.includes('oauth') ? ['OAuth2'] : []), ...(sca.includes('decoupled') ? ['Decoupled'] : [])],
      products: row['Payment products (sandbox)']!.split(',').map((p) => p.replace(/\(.*\)/, '').trim()),
      affiliated: [],
    };
    const fromExample =
      example.bicFi === bic
        ? { methods: example.supportedAuthorizationMethods.map((m) => m.name), products: example.globalPaymentProducts, affiliated: example.affiliatedAspsps }
        : {};
    return { bic, country: row['Country']!, corporate: row['Sandbox corporate'] === 'AIS+PIS', ...fromTable, ...fromExample };
  });
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('sandbox banks against reference §7.1', () => {
  let banks: ReferenceBank[];
  let markdown: string;

  before(function () {
    requireReference(this, API_REFERENCE_FILE);
    markdown = loadText(API_REFERENCE_FILE);
    banks = referenceBanks(markdown);
  });
  const c = useSandbox();

  it('reads seven banks from the reference table', () => {
    assert.deepEqual(sorted(banks.map((b) => b.bic)), ['DABASESX', 'ESSESESS', 'HANDSESS', 'NDEAFIHH', 'NDEASESS', 'OKOYFIHH', 'SWEDSESS']);
  });

  it('Get ASPSP Details gives each bank its country, payment products, authorisation methods and affiliated ASPSPs', async () => {
    for (const bank of banks) {
      const res = await c.call('getASPSPDetails', { params: { bicFi: bank.bic } });
      assert.equal(res.status, 200, res.text);
      const country = await c.call('getCountryDetails', { params: { isoCountryCode: bank.country } });
      assert.equal(res.json['country'], country.json['name'], bank.bic);
      assert.deepEqual(sorted(res.json['globalPaymentProducts']), sorted(bank.products), `${bank.bic} products`);
      const methods = res.json['supportedAuthorizationMethods'] as { name: string; uri: string }[];
      assert.deepEqual(sorted(methods.map((m) => m.name)), sorted(bank.methods), `${bank.bic} methods`);
      for (const method of methods) assert.equal(method.uri, method.name === 'OAuth2' ? `${c.sandbox.authHost}/.well-known/openid-configuration` : '');
      assert.deepEqual(res.json['affiliatedAspsps'], bank.affiliated, `${bank.bic} affiliated ASPSPs`);
    }
  });

  it('the OAuth2 method\'s uri is this sandbox\'s discovery document', async () => {
    const details = await c.call('getASPSPDetails', { params: { bicFi: 'NDEASESS' } });
    const uri = (details.json['supportedAuthorizationMethods'] as { name: string; uri: string }[]).find((m) => m.name === 'OAuth2')!.uri;
    const discovery = await readResponse(await fetch(uri));
    assert.equal(discovery.json['issuer'], c.sandbox.authHost);
  });

  it('Swedbank\'s details carry the address and company facts of the reference\'s example (§4.2)', async () => {
    const example = jsonExampleAfter(markdown, 'Get ASPSP Details example') as DetailsExample;
    const res = await c.call('getASPSPDetails', { params: { bicFi: example.bicFi } });
    for (const field of ['city', 'country', 'postalCode', 'streetAddress', 'companyNumber', 'phone', 'websiteUrl', 'name', 'bicFi']) {
      assert.equal(res.json[field], example[field], field);
    }
  });

  it('a bank accepts exactly the payment products it lists', async () => {
    for (const bank of banks) {
      for (const product of PAYMENT_PRODUCTS) {
        const res = await c.call('initiatePayment', { bic: bank.bic, params: { 'payment-product': product }, body: paymentBodyTemplate(product, bank.bic), headers: PSU_HEADERS });
        if (bank.products.includes(product)) assert.equal(res.status, 201, `${bank.bic} ${product}: ${res.text}`);
        else assert.equal(res.json['tppMessages']?.[0]?.code, 'PRODUCT_UNKNOWN', `${bank.bic} ${product}: ${res.status}`);
      }
    }
  });

  it('Create Consent answers with the SCA approach the listed methods promise, in the contexts §7.1 gives', async () => {
    const body = { access: {}, recurringIndicator: true, validUntil: '2099-01-01', frequencyPerDay: 4, combinedServiceIndicator: false };
    for (const bank of banks) {
      const created = await c.call('createConsent', { bic: bank.bic, body, headers: PSU_HEADERS });
      assert.equal(created.status, 201, `${bank.bic}: ${created.text}`);
      assert.equal(created.headers.get('aspsp-sca-approach'), bank.methods.includes('OAuth2') ? 'REDIRECT' : 'DECOUPLED', bank.bic);
      if (bank.methods.length > 1) {
        const decoupled = await c.call('createConsent', { bic: bank.bic, body, headers: { ...PSU_HEADERS, 'tpp-redirect-preferred': 'false' } });
        assert.equal(decoupled.headers.get('aspsp-sca-approach'), 'DECOUPLED', `${bank.bic} with TPP-Redirect-Preferred: false`);
      }
      const corporate = await c.call('createConsent', { bic: bank.bic, body, headers: PSU_HEADERS, scope: 'accountinformation corporate' });
      assert.equal(corporate.status, bank.corporate ? 201 : 400, `${bank.bic} corporate: ${corporate.text}`);
    }
  });
});

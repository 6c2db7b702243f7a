import assert from 'node:assert/strict';
import { parseAspspDetails, parseAspsps, parseCountries } from '../../../src/client/models/aspspModels';

describe('ASPSP Information models', () => {
  it('read the platform\'s wrapped lists and the OAS\'s bare arrays alike, sorted by name', () => {
    const wrapped = { countries: [{ isoCountryCode: 'se', name: 'Sweden' }, { isoCountryCode: 'FI', name: 'Finland' }] };
    assert.deepEqual(parseCountries(wrapped), [
      { isoCountryCode: 'FI', name: 'Finland' },
      { isoCountryCode: 'SE', name: 'Sweden' },
    ]);
    assert.deepEqual(parseAspsps([{ bicFi: 'NDEASESS', name: 'Nordea' }, { bicFi: 'ESSESESS', name: 'SEB' }]).map((a) => a.bicFi), ['NDEASESS', 'ESSESESS']);
  });

  it('drop malformed entries instead of trusting them', () => {
    assert.deepEqual(parseCountries({ countries: [null, 7, { name: 'no code' }, { isoCountryCode: '  ' }] }), []);
    assert.deepEqual(parseAspsps({ aspsps: [{ name: 'no bic' }, { bicFi: 42 }, { bicFi: 'HANDSESS' }] }), [{ bicFi: 'HANDSESS', name: 'HANDSESS' }]);
    assert.deepEqual(parseAspsps('not json'), []);
    assert.equal(parseAspspDetails({ name: 'x' }), undefined);
    assert.equal(parseAspspDetails([1, 2]), undefined);
  });

  it('read details: products, methods and affiliated banks', () => {
    const details = parseAspspDetails({
      bicFi: 'SWEDSESS',
      name: 'Swedbank',
      country: 'Sweden',
      globalPaymentProducts: ['domestic', 5, 'swedish-giro'],
      supportedAuthorizationMethods: [{ name: 'OAuth2', uri: 'x' }, { uri: 'no name' }, { name: 'Decoupled' }],
      affiliatedAspsps: [{ id: '08999', name: 'Swedbank' }, { name: 'no id' }],
    });
    assert.deepEqual(details, {
      bicFi: 'SWEDSESS',
      name: 'Swedbank',
      country: 'Sweden',
      city: undefined,
      websiteUrl: undefined,
      paymentProducts: ['domestic', 'swedish-giro'],
      authorizationMethods: ['OAuth2', 'Decoupled'],
      affiliatedAspsps: [{ id: '08999', name: 'Swedbank' }],
    });
  });
});

import assert from 'node:assert/strict';
import { ibanIsValid, ibanProblem, normaliseIban } from '../../../src/client/text/iban';

describe('IBAN checks (ISO 13616)', () => {
  it('normalises the print form: spaces removed, lower case raised', () => {
    assert.equal(normaliseIban('se45 5000 0000 0583 9825 7466'), 'SE4550000000058398257466');
    assert.equal(normaliseIban(' fi21\u00a01234 5600 0007 85 '), 'FI2112345600000785');
  });

  it('accepts IBANs whose mod-97 check digits hold', () => {
    for (const iban of ['SE4550000000058398257466', 'FI2112345600000785', 'DE89370400440532013000', 'GB29NWBK60161331926819', 'NO9386011117947', 'DK5000400440116243']) {
      assert.equal(ibanIsValid(iban), true, iban);
      assert.equal(ibanProblem(iban), undefined, iban);
    }
  });

  it('refuses one changed digit or swapped pair as a checksum problem', () => {
    for (const iban of ['SE4550000000058398257467', 'SE4550000000058398257646', 'SE1230000000000000000002']) {
      assert.equal(ibanIsValid(iban), false, iban);
      assert.equal(ibanProblem(iban), 'checksum', iban);
    }
  });

  it('refuses text that is not shaped like an IBAN', () => {
    for (const text of ['', 'SE45', '4550000000058398257466', 'se4550000000058398257466', 'SE45 5000 0000 0583 9825 7466', 'SE4550000000058398257466-']) {
      assert.equal(ibanProblem(text), 'shape', JSON.stringify(text));
    }
  });
});

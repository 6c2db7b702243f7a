// The settings headers are one table: the catalogue names them, the request pipeline and prompts read it,
// and the local sandbox's banks (which enforce the per-bank requirements) agree with what the extension
// checks before sending.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OPERATIONS } from '../../../../src/client/catalogue/catalogue';
import { BANK_REQUIRED_SETTINGS, SETTINGS_HEADERS, missingBankHeader, settingsHeaderNamed, type BankRequiredSetting } from '../../../../src/client/http/psuHeaderRules';
import { SANDBOX_BANKS } from '../../../../sandbox/data/sandboxBanks';
import { API_REFERENCE_FILE, hasReference, referenceDir } from '../../../sandbox/helpers/reference';

function requiredSettingsOf(requires: Readonly<Record<BankRequiredSetting, boolean>>): BankRequiredSetting[] {
  return (Object.keys(requires) as BankRequiredSetting[]).filter((setting) => requires[setting]).sort();
}

describe('the settings-header table', () => {
  it('spells every settings header exactly as each operation that declares it', () => {
    for (const rule of SETTINGS_HEADERS) {
      const declared = OPERATIONS.flatMap((op) => op.params).filter((p) => p.in === 'header' && p.name.toLowerCase() === rule.header.toLowerCase());
      assert.ok(declared.length > 0, `${rule.header} is a header of some catalogue operation`);
      for (const p of declared) assert.equal(p.name, rule.header);
    }
    // Both spellings reach the same rule (reference §4.1: S3 writes PSU-Corporate-Id, the OAS PSU-Corporate-ID).
    assert.equal(settingsHeaderNamed('PSU-Corporate-Id')?.header, 'PSU-Corporate-ID');
  });

  it("requires per bank exactly the headers the local sandbox's bank refuses calls without", () => {
    for (const bank of SANDBOX_BANKS) {
      assert.deepEqual([...(BANK_REQUIRED_SETTINGS[bank.bicFi] ?? [])].sort(), requiredSettingsOf(bank.requires), bank.bicFi);
    }
  });

  it('requires headers only of banks the sandbox models or the reference names (§7.2)', function () {
    const sandboxBics = new Set(SANDBOX_BANKS.map((bank) => bank.bicFi));
    const others = Object.keys(BANK_REQUIRED_SETTINGS).filter((bic) => !sandboxBics.has(bic));
    if (others.length === 0) return;
    if (!hasReference(API_REFERENCE_FILE)) this.skip();
    const reference = fs.readFileSync(path.join(referenceDir, API_REFERENCE_FILE), 'utf8');
    const rule = reference.split('\n').find((line) => line.includes('Required headers per bank'));
    assert.ok(rule, `${API_REFERENCE_FILE} has its "Required headers per bank" line`);
    for (const bic of others) assert.ok(rule.includes(bic), `${bic} is not a sandbox bank, so the reference must name its requirement`);
  });

  it('names the first missing required header of a bank in the catalogue spelling, whatever the BIC case', () => {
    const swedbank = SANDBOX_BANKS.find((bank) => bank.requires.psuId);
    assert.ok(swedbank, 'a sandbox bank requires PSU-ID');
    assert.equal(missingBankHeader(swedbank.bicFi.toLowerCase(), (name) => name === 'psu-ip-address'), 'PSU-User-Agent');
    assert.equal(missingBankHeader(swedbank.bicFi, (name) => name !== 'psu-id'), 'PSU-ID');
    assert.equal(missingBankHeader(swedbank.bicFi, () => true), undefined);
    assert.equal(missingBankHeader(undefined, () => false), undefined);
  });
});

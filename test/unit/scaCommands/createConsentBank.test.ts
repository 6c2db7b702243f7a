// Which bank Create Consent is for (fake VS Code, real sandbox): asked from the Command Palette, with the bank
// selected in the Banks view offered first; taken from a bank's own item without asking.
import assert from 'node:assert/strict';
import type { BankNode } from '../../../src/host/treeNodes';
import { viewsFake } from '../fakes/vscode';
import { useCreateConsentHarness } from './createConsentHarness';
import { ENTER } from './scriptedPrompter';

describe('Create Consent: which bank (scripted prompter, local sandbox)', function () {
  this.timeout(20_000);
  const { current, created, run } = useCreateConsentHarness('create-consent-bank-client', 'create-consent-bank-secret-4e2f');

  async function bankNode(bicFi: string): Promise<BankNode> {
    const { banks } = current().ext.api;
    const sweden = (await banks.getChildren()).find((node) => node.kind === 'country' && node.country.isoCountryCode === 'SE');
    assert.ok(sweden);
    const bank = (await banks.getChildren(sweden)).find((node) => node.kind === 'bank' && node.bank.bicFi === bicFi);
    assert.ok(bank);
    return bank;
  }

  const select = (node: BankNode) => viewsFake.treeViewObjects.get('openPayments.banks').select([node]);

  it('asks for the bank from the Command Palette, offering every bank when none is selected', async () => {
    const prompter = await run([undefined], 'openPayments.consents.create');
    const [asked] = prompter.asked;
    assert.equal(asked?.title, 'Create Consent: bank');
    assert.equal(asked?.items?.length, 7, 'every bank of the sandbox');
    assert.ok(!asked?.items?.some((item) => item.description?.includes('selected')));
    assert.equal(prompter.asked.length, 1, 'Escape ends it');
    assert.equal(created().length, 0);
  });

  it('offers the bank selected in the Banks view first, so Enter creates the consent there', async () => {
    select(await bankNode('ESSESESS'));
    const prompter = await run([ENTER, ENTER, ENTER, ENTER], 'openPayments.consents.create');
    const [asked] = prompter.asked;
    assert.equal(asked?.items?.[0]?.id, 'ESSESESS');
    assert.equal(asked?.items?.[0]?.description, 'ESSESESS · selected in the Banks view');
    assert.equal(asked?.items?.filter((item) => item.id === 'ESSESESS').length, 1, 'offered once');
    assert.equal(prompter.asked[1]?.title, 'Create Consent at ESSESESS (1/3): accounts');
    assert.equal(created().length, 1);
    assert.equal(created()[0]?.input.params['X-BicFi'], 'ESSESESS');
  });

  it('offers the bank of a selected detail first too', async () => {
    const bank = await bankNode('SWEDSESS');
    const [detail] = await current().ext.api.banks.getChildren(bank);
    assert.ok(detail);
    select(detail);
    const prompter = await run([undefined], 'openPayments.consents.create');
    assert.equal(prompter.asked[0]?.items?.[0]?.id, 'SWEDSESS');
  });

  it('asks from the Banks view command without an item too, instead of taking the selection silently', async () => {
    select(await bankNode('ESSESESS'));
    const prompter = await run([undefined], 'openPayments.banks.createConsent');
    assert.equal(prompter.asked[0]?.title, 'Create Consent: bank');
    assert.equal(prompter.asked[0]?.items?.[0]?.id, 'ESSESESS');
    assert.equal(created().length, 0);
  });

  it('uses the bank of the item it was run on without asking', async () => {
    select(await bankNode('ESSESESS'));
    const prompter = await run([undefined], 'openPayments.banks.createConsent', await bankNode('HANDSESS'));
    assert.deepEqual(prompter.asked.map((asked) => asked.title), ['Create Consent at HANDSESS (1/3): accounts']);
  });
});

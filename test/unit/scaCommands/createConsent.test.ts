// The guided Create Consent against the local sandbox, driven by a scripted prompter: the body each branch
// sends, defaults reached with Enter alone, the checks on every typed answer, and Escape at every step.
import assert from 'node:assert/strict';
import { defaultValidUntil, frequencyProblem, parseIbans, validUntilProblem } from '../../../src/client/consents/consentDraft';
import { useCreateConsentHarness } from './createConsentHarness';
import { ENTER, type Answer, type ScriptedPrompter } from './scriptedPrompter';

const BANK = 'NDEASESS';

describe('guided Create Consent (scripted prompter, local sandbox)', function () {
  this.timeout(20_000);
  const harness = useCreateConsentHarness('create-consent-client', 'create-consent-secret-3b9a');
  const { current, created } = harness;

  /** Runs the command with the answers; the SCA method pick after creation is answered with Escape. */
  async function run(answers: Answer[], bank = BANK): Promise<ScriptedPrompter> {
    const prompter = await harness.run(answers, 'openPayments.consents.create', bank);
    assert.equal(prompter.remaining, 0, 'every scripted answer was asked for');
    return prompter;
  }

  function sentBody(): Record<string, unknown> {
    assert.equal(created().length, 1, 'one consent created');
    const [record] = created();
    assert.ok(record?.result.ok, 'the bank accepted the body');
    return record.input.body as Record<string, unknown>;
  }

  it('creates the usual consent with Enter at every question: all accounts, recurring 4 a day, 89 days', async () => {
    const prompter = await run([ENTER, ENTER, ENTER]);
    assert.deepEqual(
      prompter.asked.map((a) => a.title).filter((t) => t?.startsWith('Create Consent')),
      [`Create Consent at ${BANK} (1/3): accounts`, `Create Consent at ${BANK} (2/3): how often`, `Create Consent at ${BANK} (3/3): valid until`],
    );
    assert.deepEqual(prompter.asked[0]?.items?.map((i) => i.id), ['all', 'ibans']);
    assert.deepEqual(prompter.asked[1]?.items?.map((i) => i.id), ['recurring', 'oneOff', 'custom']);
    assert.equal(prompter.asked[1]?.items?.[0]?.description, 'default');
    const body = sentBody();
    assert.deepEqual(body.access, {});
    assert.equal(body.recurringIndicator, true);
    assert.equal(body.frequencyPerDay, 4);
    assert.equal(body.validUntil, defaultValidUntil(new Date()));
    assert.equal(body.combinedServiceIndicator, false);
    const stored = current().ext.api.consents;
    const nodes = await stored.getChildren();
    assert.ok(nodes.some((n) => n.kind === 'consent' && n.consent.bicFi === BANK), 'the consent is in the view');
  });

  it('asks for IBANs on the chosen-IBANs branch and sends a one-off consent for them', async () => {
    // SEB's sandbox accounts (reference §7.2), typed as a user might: lower case, mixed separators, a repeat.
    const prompter = await run(['ibans', 'se3750000000054400047881,  SE2550000000054400047903 se3750000000054400047881', 'oneOff', '2099-12-31'], 'ESSESESS');
    assert.deepEqual(prompter.asked.filter((a) => a.title?.startsWith('Create Consent')).map((a) => a.title?.replace('Create Consent at ESSESESS ', '')), ['(1/3): accounts', '(1/3): IBANs', '(2/3): how often', '(3/3): valid until']);
    const refs = [{ iban: 'SE3750000000054400047881' }, { iban: 'SE2550000000054400047903' }];
    const body = sentBody();
    assert.deepEqual(body.access, { accounts: refs, balances: refs, transactions: refs });
    assert.equal(body.recurringIndicator, false);
    assert.equal(body.frequencyPerDay, 1);
    assert.equal(body.validUntil, '2099-12-31');
  });

  it('asks for the number of reads on the custom branch, starting from the default', async () => {
    const prompter = await run([ENTER, 'custom', '12', ENTER]);
    const frequency = prompter.asked[2]?.input;
    assert.equal(frequency?.value, '4');
    const body = sentBody();
    assert.equal(body.recurringIndicator, true);
    assert.equal(body.frequencyPerDay, 12);
  });

  it('refuses answers the bank would refuse, before anything is sent', async () => {
    const prompter = await run(['ibans', undefined]);
    const ibans = prompter.asked[1]?.input?.validateInput;
    assert.ok(ibans);
    assert.equal(await ibans(' , '), 'Enter at least one IBAN.');
    assert.match(((await ibans('SE4550000000058398257466 NOTANIBAN')) as string | undefined) ?? '', /^NOTANIBAN is not an IBAN: an IBAN is a country code, two check digits .*, like SE45 5000 0000 0583 9825 7466\.$/);
    assert.match(((await ibans('SE45 5000 0000 0583 9825 7467')) as string | undefined) ?? '', /^SE4550000000058398257467 is not a valid IBAN: its check digits .* do not match/);
    assert.equal(await ibans('SE4550000000058398257466'), undefined);
    assert.equal(await ibans('se45 5000 0000 0583 9825 7466'), undefined, 'the printed form, in lower case');

    const custom = (await run([ENTER, 'custom', undefined])).asked[2]?.input?.validateInput;
    assert.ok(custom);
    for (const bad of ['0', '101', '1.5', 'four', '']) assert.ok(await custom(bad), bad);
    assert.equal(await custom(' 100 '), undefined);

    const until = (await run([ENTER, ENTER, undefined])).asked[2]?.input?.validateInput;
    assert.ok(until);
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    assert.equal(await until('2030-02-31'), 'Enter a date as yyyy-MM-dd.');
    assert.equal(await until('31.12.2030'), 'Enter a date as yyyy-MM-dd.');
    assert.equal(await until(yesterday), 'Enter today or a later day.');
    assert.equal(await until(today), undefined);
    assert.equal(created().length, 0);
  });

  it('sends nothing when the user presses Escape at any question', async () => {
    for (const answers of <Answer[][]>[[undefined], ['ibans', undefined], [ENTER, undefined], [ENTER, 'custom', undefined], [ENTER, ENTER, undefined], ['ibans', 'SE4550000000058398257466', 'oneOff', undefined]]) {
      await run(answers);
    }
    assert.equal(created().length, 0);
  });
});

describe('consent draft checks', () => {
  it('parse IBAN lists and name the first bad one', () => {
    assert.deepEqual(parseIbans('se45 5000 0000'), { kind: 'invalid', value: 'SE4550000000', reason: 'shape' });
    assert.deepEqual(parseIbans(';,'), { kind: 'empty' });
    assert.deepEqual(parseIbans('SE4550000000058398257466;se4550000000058398257466'), { ibans: ['SE4550000000058398257466'] });
    assert.deepEqual(parseIbans('se45 5000 0000 0583 9825 7466'), { ibans: ['SE4550000000058398257466'] });
    assert.deepEqual(parseIbans('SE45 5000 0000 0583 9825 7466 SE25 5000 0000 0544 0004 7903\nGB29 NWBK 6016 1331 9268 19'), {
      ibans: ['SE4550000000058398257466', 'SE2550000000054400047903', 'GB29NWBK60161331926819'],
    });
    assert.deepEqual(parseIbans('SE4550000000058398257466 SE2550000000054400047903'), { ibans: ['SE4550000000058398257466', 'SE2550000000054400047903'] });
    assert.deepEqual(parseIbans('SE4550000000058398257467'), { kind: 'invalid', value: 'SE4550000000058398257467', reason: 'checksum' });
  });

  it('check days and frequencies', () => {
    const today = new Date('2025-03-10T12:00:00Z');
    assert.equal(defaultValidUntil(today), '2025-06-07');
    assert.equal(validUntilProblem('2025-03-10', today), undefined);
    assert.equal(validUntilProblem('2025-03-09', today), 'past');
    assert.equal(validUntilProblem('2025-02-29', today), 'format');
    assert.equal(validUntilProblem('2028-02-29', today), undefined);
    assert.deepEqual(['1', '4', '100', '0', '101', '-1', '2.0'].map(frequencyProblem), [undefined, undefined, undefined, 'range', 'range', 'integer', 'integer']);
  });
});

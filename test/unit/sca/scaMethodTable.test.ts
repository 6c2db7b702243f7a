// Ties the SCA-method table to everything that must know each method: the sandbox offers exactly the table's
// methods and challenges each one as its row says, the flow reads that challenge, the challenge view draws it,
// the preference orders rank every method once, and the OAS allows every authenticationType the table names.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHALLENGE_KINDS, DECOUPLED_PREFERENCE, REDIRECT_PREFERENCE, SCA_METHOD_TABLE, type ScaMethod } from '../../../src/client/sca';
import { escapeHtml } from '../../../src/client/text/html';
import { CHALLENGE_VIEWS, renderChallengeHtml, scanSentence } from '../../../src/features/sca/challengeHtml';
import { OAS_FILE, loadOas, referenceDir } from '../../sandbox/helpers/reference';
import { PSU, ScaHarness } from './support/sandboxHarness';

const DECOUPLED_BANK = 'SWEDSESS';
const texts = { title: 'Authorise', scan: 'Scan', status: 'Status', cancelHint: 'Close' };
const page = { cspSource: 'vscode-resource:', nonce: 'dGFibGUtdGVzdC1ub25jZS0x' };
const ids = SCA_METHOD_TABLE.map((row) => row.authenticationMethodId);

describe('the SCA-method table', function () {
  this.timeout(20_000);
  let harness: ScaHarness;
  before(async () => {
    harness = await ScaHarness.start();
  });
  after(async () => {
    await harness?.close();
  });

  it('names each method once and ranks each once per approach', () => {
    assert.equal(new Set(ids).size, ids.length, 'authenticationMethodIds are unique');
    for (const approach of ['decoupled', 'redirect'] as const) {
      const ranks = SCA_METHOD_TABLE.map((row) => row.preference[approach]);
      assert.equal(new Set(ranks).size, ranks.length, `no two methods share a ${approach} rank`);
    }
    assert.deepEqual([...DECOUPLED_PREFERENCE].sort(), [...ids].sort());
    assert.deepEqual([...REDIRECT_PREFERENCE].sort(), [...ids].sort());
  });

  for (const row of SCA_METHOD_TABLE) {
    it(`${row.authenticationMethodId}: the sandbox offers the table, challenges as the row says, and the view draws it`, async () => {
      const psuHeaders = { ...PSU, tppRedirectPreferred: false };
      const consentId = await harness.createConsent(DECOUPLED_BANK, psuHeaders);
      let offered: readonly ScaMethod[] = [];
      const run = harness.flow(
        { psuHeaders },
        {
          chooseMethod: async (methods) => {
            offered = methods;
            return row.authenticationMethodId;
          },
        },
      );
      const outcome = await run.flow.authorise({ kind: 'consent', bicFi: DECOUPLED_BANK, consentId });
      assert.equal(outcome.kind, 'finalised', JSON.stringify(outcome));
      assert.equal(outcome.route, 'decoupled');
      assert.equal(outcome.methodId, row.authenticationMethodId);
      assert.deepEqual(
        offered,
        SCA_METHOD_TABLE.map(({ authenticationMethodId, authenticationType, name }) => ({ authenticationMethodId, authenticationType, name })),
        'the sandbox offers exactly the table, in its order',
      );

      assert.ok(run.challenges.length >= 2, JSON.stringify(run.challenges));
      const shown = run.challenges.map((c) => c.qrText);
      if (row.animated) assert.equal(new Set(shown).size, shown.length, 'an animated challenge changes on every read');
      else assert.equal(new Set(shown).size, 1, 'a static token stays the same until SCA ends');

      for (const challenge of run.challenges) {
        assert.equal(challenge.methodId, row.authenticationMethodId);
        assert.ok(challenge.qrText, 'the challenge has a code to scan');
        assert.equal(Boolean(challenge.imageBase64), CHALLENGE_KINDS[row.challenge].image, 'the bank sends a QR picture exactly for the kinds that have one');
        const html = renderChallengeHtml(challenge, { ...texts, scan: scanSentence(challenge) }, page);
        // Where the bank sends a picture the page shows it; otherwise the page draws the QR code itself.
        assert.match(html, challenge.imageBase64 ? /<div class="qr"><img alt="" src="data:image\/png;base64,/ : /<div class="qr"><svg[^>]*>/);
        assert.ok(html.includes(escapeHtml(CHALLENGE_VIEWS[row.challenge].scan)), 'the page says what to do with this kind of challenge');
      }
    });
  }

  it('uses only authenticationTypes the OAS allows', function () {
    // Only a checkout without the reference folder may skip; with the folder there, a missing OAS is a failure.
    if (!fs.existsSync(referenceDir)) {
      console.log(`    (skipped: the reference folder ${referenceDir} is absent, so the table is not compared with ${OAS_FILE})`);
      this.skip();
    }
    assert.ok(fs.existsSync(path.join(referenceDir, OAS_FILE)), `${referenceDir} exists but holds no ${OAS_FILE}`);
    const schema = loadOas().components['schemas']?.['authenticationType'] as { enum?: unknown[] } | undefined;
    const allowed = new Set(schema?.enum ?? []);
    assert.ok(allowed.size > 0, 'the OAS declares the authenticationType enum');
    for (const row of SCA_METHOD_TABLE) assert.ok(allowed.has(row.authenticationType), `${row.authenticationMethodId}: ${row.authenticationType} is not in the OAS enum`);
  });
});

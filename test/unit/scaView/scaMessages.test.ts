// How the end of an SCA run is worded: denials by what the error code means, and nothing from the bank in a
// notification unless it is a plain identifier (notifications render markdown and command: links).
import assert from 'node:assert/strict';
import { describeFollowUpEnd, describeScaOutcome, phaseText, progressText, subjectLabel } from '../../../src/features/sca/scaMessages';
import { notificationSafeId, notificationSafeRequestId } from '../../../src/client/text/notificationSafe';
import type { ScaOutcome, ScaPhase, ScaSubject } from '../../../src/client/sca/types';

const CONSENT: ScaSubject = { kind: 'consent', bicFi: 'NDEASESS', consentId: 'c-1' };
const UUID = '1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10';
const HOSTILE = '[click](command:workbench.action.terminal.new)';

function denied(error: string, subject: ScaSubject = CONSENT): ScaOutcome {
  return { kind: 'denied', error, errorDescription: 'The PSU said no <b>', subject, requestIds: [UUID] };
}

describe('SCA messages', () => {
  it('accept plain identifiers and UUID request ids only', () => {
    assert.equal(notificationSafeId('c-1.a_b:2'), 'c-1.a_b:2');
    for (const bad of [HOSTILE, '', '-leading', 'a b', 'x'.repeat(129), 'ACSC\n', undefined, 42]) assert.equal(notificationSafeId(bad), undefined, String(bad));
    assert.equal(notificationSafeRequestId(UUID), UUID);
    assert.equal(notificationSafeRequestId('req-1'), undefined);
  });

  describe('a denied login', () => {
    it('says "refused" for access_denied, with the code and the X-Request-ID', () => {
      const { text, success } = describeScaOutcome(denied('access_denied'));
      assert.equal(success, false);
      assert.equal(text, `The login for the consent c-1 at NDEASESS was refused at the bank (access_denied). Nothing was authorised. X-Request-ID: ${UUID}.`);
    });

    it('does not call other known codes a refusal', () => {
      const texts = ['server_error', 'temporarily_unavailable', 'login_required', 'invalid_scope'].map((code) => describeScaOutcome(denied(code)).text);
      for (const text of texts) assert.doesNotMatch(text, /access_denied|refused at the bank/);
      assert.match(texts[0] ?? '', /could not complete the login .*\(server_error\).*try again later/);
      assert.match(texts[2] ?? '', /ended before the PSU signed in \(login_required\)/);
      assert.match(texts[3] ?? '', /auth host refused the login request .*\(invalid_scope\)/);
    });

    it('names an unknown but plain code as unknown, never as access_denied', () => {
      const { text } = describeScaOutcome(denied('bank_specific_42'));
      assert.match(text, /error code bank_specific_42, which this extension does not know/);
      assert.doesNotMatch(text, /access_denied/);
    });

    it('keeps a code that is not an identifier out of the notification, pointing to the log', () => {
      const { text } = describeScaOutcome(denied(HOSTILE));
      assert.ok(!text.includes('command:'), text);
      assert.ok(!text.includes('access_denied'), text);
      assert.match(text, /cannot be shown here; the Open Payments log has it/);
      assert.ok(!text.includes('<b>'), 'the error description never appears');
    });
  });

  it('leaves out ids, statuses and request ids that are not plain identifiers', () => {
    const subject: ScaSubject = { kind: 'payment', bicFi: 'NDEASESS', paymentId: HOSTILE, paymentProduct: 'domestic' };
    assert.equal(subjectLabel({ subject }), 'payment at NDEASESS');
    assert.equal(subjectLabel({ subject: { ...CONSENT, consentId: HOSTILE, bicFi: '<x>' } }), 'consent');
    const finalised = describeScaOutcome({ kind: 'finalised', subject, parentStatus: '[ACSC](https://evil.example)', requestIds: [] });
    assert.equal(finalised.text, 'The payment at NDEASESS is authorised; its status is unknown.');
    const echoed = describeScaOutcome({ kind: 'failed', reason: 'sca_failed', subject: CONSENT, requestIds: [UUID, '[x](command:y)'] });
    assert.equal(echoed.text, 'The bank reports that the SCA for the consent c-1 at NDEASESS failed.');
  });

  it('words the end of a payment follow-up only when the payment reached a final status', () => {
    const subject: Extract<ScaSubject, { kind: 'payment' }> = { kind: 'payment', bicFi: 'NDEASESS', paymentId: 'p-1', paymentProduct: 'domestic' };
    assert.deepEqual(describeFollowUpEnd(subject, { kind: 'settled', status: 'ACSC', reads: 2 }), { severity: 'info', text: 'The payment p-1 at NDEASESS has settled (ACSC).' });
    assert.deepEqual(describeFollowUpEnd(subject, { kind: 'ended', status: 'RJCT', reads: 1 }), { severity: 'warning', text: 'The bank did not execute the payment p-1 at NDEASESS: its status is RJCT.' });
    assert.equal(describeFollowUpEnd(subject, { kind: 'gaveUp', status: 'ACTC', reads: 7 }), undefined);
    assert.equal(describeFollowUpEnd(subject, { kind: 'cancelled', reads: 0 }), undefined);
  });

  describe('the phase of a run', () => {
    const PHASES: readonly ScaPhase[] = ['starting', 'choosingMethod', 'selectingMethod', 'waitingForBrowser', 'activating', 'waitingForSca', 'waitingForStatus'];

    it('is told in words, never as the internal phase name', () => {
      const texts = PHASES.map(phaseText);
      assert.equal(new Set(texts).size, PHASES.length, 'each phase has its own phrase');
      // Words, not identifiers: lower-case words or acronyms (SCA, PSU) with spaces, so no camelCase phase name can pass.
      for (const text of texts) assert.match(text, /^[a-z]+( ([a-z]+|[A-Z]{3}))+$/, text);
    });

    it('words a timeout with the phase it happened in', () => {
      const { text } = describeScaOutcome({ kind: 'timedOut', phase: 'waitingForBrowser', subject: CONSENT, requestIds: [UUID] });
      assert.equal(text, `Authorisation of the consent c-1 at NDEASESS timed out while waiting for the bank login in the browser. Start it again when the PSU is ready. X-Request-ID: ${UUID}.`);
    });

    it('shows the bank statuses on the progress line only when they are plain codes', () => {
      assert.equal(progressText({ phase: 'waitingForSca', scaStatus: 'started', parentStatus: 'received' }), 'waiting for the PSU to sign with the bank · started · received');
      assert.equal(progressText({ phase: 'waitingForSca', scaStatus: HOSTILE }), 'waiting for the PSU to sign with the bank');
    });
  });

  describe('a run that failed on what the bank sent', () => {
    const failed = (extra: Partial<Extract<ScaOutcome, { kind: 'failed' }>>): string =>
      describeScaOutcome({ kind: 'failed', reason: 'invalid_sca_link', subject: CONSENT, requestIds: [UUID], ...extra }).text;

    it('says why a login link was not opened, case by case, and what to do', () => {
      const texts = [undefined, 'foreign_authorize_endpoint', 'not_a_url', 'credentials_in_url', 'duplicate_parameter'].map((problem) =>
        failed(problem === undefined ? {} : { templateProblem: problem as 'not_a_url' }),
      );
      assert.equal(new Set(texts).size, texts.length, 'each case has its own sentence');
      assert.match(texts[0] ?? '', /sent no login link .* start the authorisation again/);
      assert.match(texts[1] ?? '', /does not point at this environment's auth host.*Check the environment's hosts/);
      for (const text of texts) assert.ok(text.endsWith(` X-Request-ID: ${UUID}.`), text);
    });

    it('words an answer without what the next step needs, and a callback without code or error', () => {
      assert.match(failed({ reason: 'unexpected_response' }), /^A step of authorising the consent c-1 at NDEASESS was answered without what the next step needs/);
      assert.match(failed({ reason: 'callback_malformed' }), /^The login came back to the redirect URI with neither a code nor an error/);
    });
  });
});

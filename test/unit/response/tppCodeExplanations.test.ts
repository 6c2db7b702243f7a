import assert from 'node:assert/strict';
import { OPERATIONS } from '../../../src/client/catalogue/catalogue';
import { explainTppCode, TPP_CODE_EXPLANATIONS, TPP_CODE_EXPLANATIONS_BY_GROUP } from '../../../src/client/catalogue/tppCodeExplanations';
import type { OperationGroup } from '../../../src/client/catalogue/operationTypes';
import { Redactor } from '../../../src/client/redaction/redaction';
import { responseRecordFrom } from '../../../src/client/history/responseRecord';
import { buildResponseViewModel } from '../../../src/features/requests/response/responseViewModel';
import { apiRequest, exchange, failed, recorded, REQUEST_ID } from '../history/fixtures';

/** Words an explanation must not use for operations of a group, because they are not what those calls are about. */
const FOREIGN_WORDS: Readonly<Record<OperationGroup, RegExp>> = {
  'ASPSP Information': /consent|account|payment|transaction/i,
  Consent: /payment|transaction/i,
  'Account Information': /payment/i,
  'Payment Initiation': /this consent|transaction|frequencyPerDay/i,
};

// Every code reference §5 names for ASPSP Information, Consent, AIS and PIS errors.
const REFERENCE_CODES = [
  'FORMAT_ERROR', 'PARAMETER_NOT_CONSISTENT', 'PARAMETER_NOT_SUPPORTED', 'SERVICE_INVALID', 'RESOURCE_UNKNOWN', 'RESOURCE_EXPIRED',
  'RESOURCE_BLOCKED', 'TIMESTAMP_INVALID', 'PERIOD_INVALID', 'SCA_METHOD_UNKNOWN', 'CONSENT_UNKNOWN', 'SESSIONS_NOT_SUPPORTED',
  'PAYMENT_FAILED', 'EXECUTION_DATE_INVALID', 'CERTIFICATE_INVALID', 'CERTIFICATE_EXPIRED', 'CERTIFICATE_BLOCKED', 'CERTIFICATE_REVOKE',
  'CERTIFICATE_MISSING', 'SIGNATURE_INVALID', 'SIGNATURE_MISSING', 'CORPORATE_ID_INVALID', 'PSU_CREDENTIALS_INVALID', 'CONSENT_INVALID',
  'CONSENT_EXPIRED', 'TOKEN_UNKNOWN', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'REQUIRED_KID_MISSING', 'SERVICE_BLOCKED', 'STATUS_INVALID',
  'ACCESS_EXCEEDED', 'UNAUTHORIZED', 'RESOURCE_NOT_FOUND', 'REQUESTED_FORMATS_INVALID',
];

describe('tppMessages code explanations', () => {
  it('explains every code of reference §5 in one sentence', () => {
    for (const code of REFERENCE_CODES) {
      const explanation = explainTppCode(code);
      assert.ok(explanation, `${code} has no explanation`);
      assert.match(explanation, /^[A-Z].{20,160}\.$/, `${code}: one sentence`);
      assert.ok(!explanation.includes('\n'));
    }
  });

  it('answers undefined for unknown codes, other spellings and object keys', () => {
    for (const code of ['NOT_A_CODE', 'format_error', '__proto__', 'constructor', 'toString', '']) {
      assert.equal(explainTppCode(code), undefined, code);
    }
  });

  it('is a frozen table', () => {
    assert.ok(Object.isFrozen(TPP_CODE_EXPLANATIONS));
    assert.ok(Object.isFrozen(TPP_CODE_EXPLANATIONS_BY_GROUP));
  });

  it('explains the codes a call can get in the words of what was called, for every operation of the catalogue', () => {
    const groupCodes = ['FORMAT_ERROR', 'SERVICE_INVALID', 'RESOURCE_UNKNOWN', 'RESOURCE_EXPIRED', 'RESOURCE_BLOCKED', 'RESOURCE_NOT_FOUND', 'STATUS_INVALID', 'ACCESS_EXCEEDED', 'UNAUTHORIZED', 'TOKEN_INVALID'];
    for (const operation of OPERATIONS) {
      for (const code of groupCodes) {
        const explanation = explainTppCode(code, operation.group);
        assert.ok(explanation, `${code} on ${operation.id}`);
        assert.match(explanation, /^[A-Z].{20,160}\.$/, `${code} on ${operation.id}: one sentence`);
        assert.doesNotMatch(explanation, FOREIGN_WORDS[operation.group], `${code} on ${operation.id} (${operation.group}): ${explanation}`);
      }
    }
  });

  it('tells RESOURCE_UNKNOWN on Get ASPSP Details as an unknown bank, on a payment as an unknown payment', () => {
    assert.match(explainTppCode('RESOURCE_UNKNOWN', 'ASPSP Information') ?? '', /bank \(BIC\)/);
    assert.match(explainTppCode('RESOURCE_UNKNOWN', 'Payment Initiation') ?? '', /payment/);
    assert.match(explainTppCode('RESOURCE_UNKNOWN', 'Account Information') ?? '', /account/);
    assert.equal(explainTppCode('NOT_A_CODE', 'Consent'), undefined);
    assert.equal(explainTppCode('__proto__', 'Consent'), undefined);
  });

  it('shows the operation\'s explanation in the response view', () => {
    const messages = [{ category: 'ERROR', code: 'RESOURCE_UNKNOWN', text: 'No ASPSP with BIC NOPENOPE.' }];
    const ex = exchange({ status: 404, tppMessages: messages, bodyText: JSON.stringify({ tppMessages: messages }) });
    const record = responseRecordFrom(
      recorded(apiRequest('getASPSPDetails', { bicFi: 'NOPENOPE' }), failed({ kind: 'http', status: 404, requestId: REQUEST_ID, exchange: ex, tppMessages: messages })),
      new Redactor(),
    );
    const [row] = buildResponseViewModel(record, new Redactor()).tppMessages;
    assert.equal(row?.explanation, explainTppCode('RESOURCE_UNKNOWN', 'ASPSP Information'));
    assert.doesNotMatch(row?.explanation ?? '', /consent|account/i);
  });
});

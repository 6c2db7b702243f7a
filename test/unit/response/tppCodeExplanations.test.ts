import assert from 'node:assert/strict';
import { explainTppCode, TPP_CODE_EXPLANATIONS } from '../../../src/api/tppCodeExplanations';

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
  });
});

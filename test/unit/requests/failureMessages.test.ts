import assert from 'node:assert/strict';
import type { RequestFailure } from '../../../src/client/http/requestFailure';
import type { TokenErrorDetails } from '../../../src/client/http/tokenError';
import { CLIENT_CERTIFICATE_CAUSES, describeFailure, describeTokenError, type FailureMessage } from '../../../src/host/failureMessages';
import { readManifest } from '../fakes/manifest';
import { HOSTILE_VALUES, LINK } from '../core/hostileValues';

const ID = '0b8f5a4e-8c1d-4b9e-9f3a-2d7c6e5b4a31';

function failure(overrides: Partial<RequestFailure>): RequestFailure {
  return { kind: 'http', operationId: 'getAccountList', requestId: ID, attempts: [], summary: '', ...overrides };
}

describe('failure messages', () => {
  it('name the operation, the cause and the X-Request-ID for every transport failure, each with a next step', () => {
    for (const kind of ['dns', 'refused', 'reset', 'tls', 'timeout'] as const) {
      const message = describeFailure('Get Account List', failure({ kind }));
      assert.match(message.text, /^Get Account List/, kind);
      assert.ok(message.text.includes(`X-Request-ID: ${ID}.`), kind);
      assert.ok(message.actions.length > 0, `${kind} offers an action`);
      assert.ok(message.text.endsWith('.'), `${kind}: a full sentence`);
    }
  });

  it('put Open Settings first, on the one setting that most likely fixes the failure, then what else helps', () => {
    const certificates = { clientCertificate: 'openPayments.production.clientCertificatePath' };
    const cases: readonly (readonly [Partial<RequestFailure>, string, readonly string[]])[] = [
      [{ kind: 'dns' }, 'openPayments.environment', ['openSettings', 'retry', 'showLog']],
      [{ kind: 'timeout', causeCode: 'DEADLINE_EXCEEDED' }, 'openPayments.http.requestDeadlineMs', ['openSettings', 'retry', 'showLog']],
      [{ kind: 'reset', certificateSettings: certificates }, certificates.clientCertificate, ['openSettings', 'retry', 'showLog']],
      [{ kind: 'tls', causeCode: 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', certificateSettings: certificates }, certificates.clientCertificate, ['openSettings', 'showLog']],
      [{ kind: 'tls', causeCode: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', certificateSettings: certificates }, certificates.clientCertificate, ['openSettings', 'showLog']],
      [{ kind: 'tls', causeCode: 'SELF_SIGNED_CERT_IN_CHAIN', certificateSettings: { caCertificate: 'openPayments.custom.caCertificatePath' } }, 'openPayments.custom.caCertificatePath', ['openSettings', 'showLog']],
      [{ kind: 'tls', causeCode: 'EPROTO' }, 'openPayments.production.clientCertificatePath', ['openSettings', 'showLog']],
      [{ kind: 'validation', causeCode: CLIENT_CERTIFICATE_CAUSES.missing, param: certificates.clientCertificate }, certificates.clientCertificate, ['openSettings']],
    ];
    for (const [overrides, setting, actions] of cases) {
      const message = describeFailure('Get Account List', failure(overrides));
      assert.deepEqual({ setting: message.setting, actions: message.actions }, { setting, actions }, JSON.stringify(overrides));
    }
  });

  it('quote only code-like values from the server, never its prose or links', () => {
    const message = describeFailure(
      'Get Account List',
      failure({
        status: 401,
        tppMessages: [
          { category: 'ERROR', code: 'CONSENT_INVALID', text: 'Click [here](command:workbench.action.files.delete)' },
          { category: 'ERROR', code: '[evil](https://attacker.example)' },
        ],
      }),
    );
    assert.equal(message.text, `Get Account List was rejected with HTTP 401 (CONSENT_INVALID). The response explains why. X-Request-ID: ${ID}.`);
  });

  it('leave out a request id that is not a UUID and a bank that is not a BIC-like id', () => {
    for (const requestId of [...HOSTILE_VALUES, 'CONSENT_INVALID']) {
      for (const kind of ['http', 'dns', 'timeout', 'non_json'] as const) {
        const text = describeFailure('Get Account List', failure({ kind, status: 400, requestId })).text;
        assert.ok(!text.includes('X-Request-ID'), `${kind} ${requestId}: ${text}`);
        if (requestId.length > 3) assert.ok(!text.includes(requestId), `${kind} ${requestId}: ${text}`);
      }
      const token = describeFailure('Create Consent', failure({ kind: 'token', requestId, token: { kind: 'invalid_client', environmentId: 'sandbox', authHost: 'https://a', product: 'accountinformation', context: 'private', requestId } }));
      assert.ok(!token.text.includes('X-Request-ID'), token.text);
    }
    const header = describeFailure('Create Consent', failure({ kind: 'validation', causeCode: 'MISSING_BANK_HEADER', param: 'PSU-IP-Address', bicFi: LINK, requestId: undefined }));
    assert.equal(
      header.text,
      'Create Consent was not sent: the bank requires the header PSU-IP-Address, and the setting openPayments.psu.ipAddress that fills it is empty. Set openPayments.psu.ipAddress, or send again and give the value when asked.',
    );
  });

  it('say which credential to fix on invalid_client: the client ID and secret stored for that environment', () => {
    const message = describeFailure(
      'Get Account List',
      failure({ kind: 'token', token: { kind: 'invalid_client', environmentId: 'production', authHost: 'https://a', product: 'accountinformation', context: 'private', requestId: ID } }),
    );
    assert.equal(
      message.text,
      'The token request for Account Information was refused (invalid_client): the auth server did not accept the client ID and client secret stored for the Production environment. ' +
        `Set the client credentials for Production again, exactly as the Developer Portal shows them for that environment. X-Request-ID: ${ID}.`,
    );
    assert.deepEqual(message.actions, ['setCredentials', 'showLog']);
  });

  it('say how long a rate-limited call should wait', () => {
    const message = describeFailure('Get Balances', failure({ status: 429, retryAfterMs: 30_500 }));
    assert.match(message.text, /rate limited \(HTTP 429\)\. The server asked to wait 31 s\./);
    assert.deepEqual(message.actions, ['showResponse', 'retry']);
  });

  it('tell which API product the Developer Portal must add on invalid_scope', () => {
    const message = describeFailure(
      'Create Consent',
      failure({
        kind: 'token',
        token: { kind: 'invalid_scope', environmentId: 'sandbox', authHost: 'https://a', product: 'accountinformation', context: 'private', requestId: ID },
      }),
    );
    assert.match(message.text, /not registered for the Account Information product\. Add that API product to your client in the Developer Portal\./);
  });

  it('point at the one setting when a bank requires a PSU header', () => {
    const message = describeFailure('Create Consent', failure({ kind: 'validation', causeCode: 'MISSING_BANK_HEADER', param: 'PSU-User-Agent', bicFi: 'SWEDSESS', requestId: undefined }));
    assert.equal(
      message.text,
      'Create Consent was not sent: SWEDSESS requires the header PSU-User-Agent, and the setting openPayments.psu.userAgent that fills it is empty. Set openPayments.psu.userAgent, or send again and give the value when asked.',
    );
    assert.deepEqual(message.actions, ['openSettings', 'retry']);
    assert.equal(message.setting, 'openPayments.psu.userAgent');
  });

  it('name the setting of a required header the operation declares (PSU-IP-Address on Create Payment), not a bare missing parameter', () => {
    const message = describeFailure('Create Payment Initiation', failure({ kind: 'validation', causeCode: 'MISSING_PARAM', param: 'PSU-IP-Address', requestId: undefined }));
    assert.match(message.text, /^Create Payment Initiation was not sent: it requires the header PSU-IP-Address, and the setting openPayments\.psu\.ipAddress that fills it is empty\./);
    assert.equal(message.setting, 'openPayments.psu.ipAddress');
    assert.ok(message.actions.includes('openSettings'));
    const path = describeFailure('Get Consent', failure({ kind: 'validation', causeCode: 'MISSING_PARAM', param: 'consentId', requestId: undefined }));
    assert.equal(path.text, 'Get Consent was not sent: the required parameter consentId is missing.');
    assert.equal(path.setting, undefined);
  });

  it('every message that offers Open Settings names one contributed setting, in its text, and opens only that one', () => {
    const settings = new Set(Object.keys(readManifest().contributes.configuration.properties));
    const messages: FailureMessage[] = [];
    for (const kind of ['dns', 'refused', 'reset', 'tls', 'timeout', 'cancelled', 'http', 'non_json', 'empty_body', 'internal', 'network'] as const) {
      messages.push(describeFailure('Get Balances', failure({ kind, status: 500 })));
    }
    const causes = ['MISSING_PARAM', 'MISSING_BANK_HEADER', 'INVALID_REQUEST_ID', 'INSECURE_HOST', 'INVALID_HOST', 'INVALID_BODY', 'INVALID_HEADER_VALUE'];
    for (const causeCode of causes) {
      for (const param of ['PSU-IP-Address', 'PSU-ID', 'PSU-Corporate-ID', 'consentId']) {
        messages.push(describeFailure('Create Consent', failure({ kind: 'validation', causeCode, param, bicFi: 'HANDSESS' })));
      }
    }
    // A certificate problem's param is the setting that names the file (production's or custom's).
    for (const causeCode of Object.values(CLIENT_CERTIFICATE_CAUSES)) {
      for (const param of ['openPayments.production.clientCertificatePath', 'openPayments.custom.clientCertificatePath', 'openPayments.custom.caCertificatePath']) {
        messages.push(describeFailure('Create Consent', failure({ kind: 'validation', causeCode, param })));
      }
    }
    for (const kind of ['no_credentials', 'invalid_client', 'invalid_scope', 'insecure_host', 'cancelled', 'network', 'other'] as const) {
      const token = { kind, environmentId: 'sandbox', authHost: 'https://a', product: 'accountinformation', context: 'private', requestId: ID } as unknown as TokenErrorDetails;
      messages.push(describeTokenError('Get Balances', token));
    }
    const opening = messages.filter((m) => m.actions.includes('openSettings'));
    assert.ok(opening.length >= 10, `${opening.length} messages offer Open Settings`);
    for (const message of opening) {
      assert.ok(message.setting !== undefined && settings.has(message.setting), `${message.text} opens ${String(message.setting)}`);
      assert.ok(message.text.includes(message.setting), `${message.text} names ${message.setting}`);
    }
  });
});

// TLS failures as a real production server reports them (TLS alerts), and the checks that tell a wrong
// passphrase from a wrong kind of file. The sandbox's Node server sends no alerts (it closes the connection),
// so these codes are exercised here directly.
import assert from 'node:assert/strict';
import { looksLikePkcs12, tlsFailureMeaning } from '../../../src/client/http/clientCertificate';
import type { RequestFailure } from '../../../src/client/http/requestFailure';
import { describeFailure } from '../../../src/host/failureMessages';

const ID = '0b8f5a4e-8c1d-4b9e-9f3a-2d7c6e5b4a31';
const CLIENT = 'openPayments.production.clientCertificatePath';
const CA = 'openPayments.custom.caCertificatePath';

function tls(causeCode: string, certificateSettings?: RequestFailure['certificateSettings']): RequestFailure {
  return { kind: 'tls', operationId: 'getAccountList', requestId: ID, attempts: [], summary: '', causeCode, ...(certificateSettings ? { certificateSettings } : {}) };
}

describe('TLS failure messages name the certificate to fix', () => {
  it('a "certificate expired" alert names the client certificate setting', () => {
    const message = describeFailure('Get Account List', tls('ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', { clientCertificate: CLIENT }));
    assert.match(message.text, /the server says the client certificate named in the setting openPayments\.production\.clientCertificatePath has expired/);
    assert.equal(message.setting, CLIENT);
    assert.ok(message.text.endsWith(`X-Request-ID: ${ID}.`));
  });

  for (const code of ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE']) {
    it(`${code}: the server does not accept the client certificate`, () => {
      const message = describeFailure('Get Account List', tls(code, { clientCertificate: CLIENT }));
      assert.match(message.text, /the server does not accept the client certificate named in the setting openPayments\.production\.clientCertificatePath/);
      assert.deepEqual(message.actions, ['openSettings', 'showLog']);
    });
  }

  it('an untrusted server certificate names the CA setting where there is one, else the hosts and proxy', () => {
    const withCa = describeFailure('Get Account List', tls('SELF_SIGNED_CERT_IN_CHAIN', { caCertificate: CA }));
    assert.match(withCa.text, /the server's certificate is not trusted\. If this environment uses a private CA, set openPayments\.custom\.caCertificatePath/);
    assert.equal(withCa.setting, CA);
    const without = describeFailure('Get Account List', tls('UNABLE_TO_VERIFY_LEAF_SIGNATURE'));
    assert.match(without.text, /the server's certificate is not trusted\. Check the environment's hosts and your proxy\./);
  });

  it('a connection the server closed names the certificate only when one was presented', () => {
    const reset = (certificateSettings?: RequestFailure['certificateSettings']): RequestFailure => ({ ...tls('UND_ERR_SOCKET', certificateSettings), kind: 'reset' });
    assert.match(describeFailure('Get Account List', reset({ clientCertificate: CLIENT })).text, /does not accept the certificate named in the setting/);
    assert.match(describeFailure('Get Account List', reset()).text, /the connection was closed before a response arrived/);
  });

  it('other TLS codes keep the general advice', () => {
    assert.equal(tlsFailureMeaning('ERR_SSL_WRONG_VERSION_NUMBER'), undefined);
    assert.match(describeFailure('Get Account List', tls('ERR_SSL_WRONG_VERSION_NUMBER', { clientCertificate: CLIENT })).text, /certificate or TLS problem/);
  });
});

describe('looksLikePkcs12', () => {
  it('accepts a PFX header (SEQUENCE, INTEGER 3) in short, long and indefinite length forms', () => {
    assert.equal(looksLikePkcs12(Uint8Array.from([0x30, 0x82, 0x04, 0x1c, 0x02, 0x01, 0x03, 0x30])), true);
    assert.equal(looksLikePkcs12(Uint8Array.from([0x30, 0x20, 0x02, 0x01, 0x03, 0x30])), true);
    assert.equal(looksLikePkcs12(Uint8Array.from([0x30, 0x80, 0x02, 0x01, 0x03, 0x30])), true);
  });

  it('refuses PEM text, a certificate (SEQUENCE of SEQUENCE) and an empty file', () => {
    assert.equal(looksLikePkcs12(Buffer.from('-----BEGIN CERTIFICATE-----\n')), false);
    assert.equal(looksLikePkcs12(Uint8Array.from([0x30, 0x82, 0x01, 0x0a, 0x30, 0x82, 0x00, 0xb0])), false);
    assert.equal(looksLikePkcs12(new Uint8Array()), false);
  });
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findOperation } from '../../../src/client/catalogue/catalogue';
import { SCA_OPERATIONS, consentVerdict, describeChallenge, paymentVerdict, preferredMethod, routeOf, scaVerdict } from '../../../src/client/sca';
import { challengeDataOf, linkOf, scaMethodsOf } from '../../../src/client/sca/responses';

const ids = (...list: string[]) => list.map((authenticationMethodId) => ({ authenticationMethodId }));

describe('SCA helpers', () => {
  it('names only catalogue operations', () => {
    for (const ops of Object.values(SCA_OPERATIONS)) {
      for (const id of Object.values(ops)) assert.ok(findOperation(id), id);
    }
  });

  it('prefers the animated QR token for decoupled and plain mbid for redirect, else the first offered', () => {
    const all = ids('mbid_same_device', 'mbid', 'mbid_animated_qr_image', 'mbid_animated_qr_token');
    assert.equal(preferredMethod(all, 'DECOUPLED'), 'mbid_animated_qr_token');
    assert.equal(preferredMethod(all, 'REDIRECT'), 'mbid');
    assert.equal(preferredMethod(all, undefined), 'mbid');
    assert.equal(preferredMethod(ids('mbid_animated_qr_image', 'mbid'), 'DECOUPLED'), 'mbid_animated_qr_image');
    assert.equal(preferredMethod(ids('sms'), 'REDIRECT'), 'sms');
    assert.equal(preferredMethod([], 'REDIRECT'), undefined);
  });

  it('turns challengeData into QR text: the animated token itself, or the BankID autostart link', () => {
    assert.deepEqual(describeChallenge('mbid_animated_qr_token', { data: ['abc'] }), { methodId: 'mbid_animated_qr_token', qrText: 'abc' });
    assert.deepEqual(describeChallenge('mbid', { data: ['a b'] }, { scaStatus: 'started' }), {
      methodId: 'mbid',
      scaStatus: 'started',
      qrText: 'https://app.bankid.com/?autostarttoken=a%20b&redirect=null',
      autostartUrl: 'bankid:///?autostarttoken=a%20b&redirect=null',
    });
    assert.equal(describeChallenge('mbid_animated_qr_image', { data: [], image: 'iVBOR' }).imageBase64, 'iVBOR');
  });

  it('reads links as {href} or a bare string, challenge data as an array or a string, and well-formed methods only', () => {
    assert.equal(linkOf({ _links: { scaOAuth: { href: 'https://a/x' } } }, 'scaOAuth'), 'https://a/x');
    assert.equal(linkOf({ _links: { scaRedirect: 'https://a/y' } }, 'scaRedirect'), 'https://a/y');
    assert.equal(linkOf({ _links: { scaOAuth: { href: 3 } } }, 'scaOAuth'), undefined);
    assert.equal(linkOf({ _links: [] }, 'scaOAuth'), undefined);
    assert.deepEqual(challengeDataOf({ challengeData: { data: 'tok' } }), { data: ['tok'] });
    assert.deepEqual(challengeDataOf({ challengeData: { data: ['t1', 2], image: 'img' } }), { data: ['t1'], image: 'img' });
    assert.equal(challengeDataOf({ challengeData: {} }), undefined);
    assert.deepEqual(scaMethodsOf({ scaMethods: [{ authenticationMethodId: 'mbid', name: 'BankID' }, { name: 'no id' }, 'x'] }), [{ authenticationMethodId: 'mbid', name: 'BankID' }]);
  });

  it('routes by links first, then the approach header or a challenge', () => {
    assert.deepEqual(routeOf({ body: { _links: { scaOAuth: { href: 'o' }, scaRedirect: { href: 'r' } } }, approach: 'REDIRECT' }), { route: 'scaOAuth', template: 'o' });
    assert.deepEqual(routeOf({ body: { _links: { scaRedirect: { href: 'r' } } }, approach: undefined }), { route: 'scaRedirect', template: 'r' });
    assert.deepEqual(routeOf({ body: {}, approach: 'DECOUPLED' }), { route: 'decoupled' });
    assert.deepEqual(routeOf({ body: { challengeData: { data: ['t'] } }, approach: undefined }), { route: 'decoupled' });
    assert.deepEqual(routeOf({ body: { scaStatus: 'exempted' }, approach: undefined }), { route: 'none' });
    assert.deepEqual(routeOf({ body: { scaStatus: 'started' }, approach: undefined }), { problem: 'unexpected_response' });
    assert.deepEqual(routeOf({ body: {}, approach: 'REDIRECT' }), { problem: 'invalid_sca_link' });
    assert.deepEqual(routeOf({ body: { _links: { scaOAuth: { href: 'o' } } }, approach: 'EMBEDDED' }), { problem: 'unsupported_approach' });
  });

  it('knows which statuses end the polls', () => {
    assert.deepEqual(['finalised', 'exempted', 'failed', 'started', 'authoriseCreditorAccountStarted', undefined].map(scaVerdict), ['done', 'done', 'failed', 'pending', 'pending', 'pending']);
    assert.deepEqual(['valid', 'received', 'rejected', 'revokedByPsu', 'expired', 'terminatedByTpp'].map(consentVerdict), ['done', 'pending', 'failed', 'failed', 'failed', 'failed']);
    assert.deepEqual(['RCVD', 'PDNG', 'PNDG', 'ACTC', 'ACCP', 'ACSC', 'RJCT', 'CANC', undefined].map(paymentVerdict), [
      'pending', 'pending', 'pending', 'done', 'done', 'done', 'failed', 'failed', 'pending',
    ]);
  });

  it('keeps vscode out of the SCA, loopback and authorization code modules', () => {
    const roots = ['src/client/sca', 'src/client/auth/loopback', 'src/client/auth/authorizationCode'];
    const files = roots.flatMap((root) => fs.readdirSync(root, { recursive: true }).map((f) => path.join(root, String(f)))).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 15, files.join());
    for (const file of files) assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, file);
  });
});

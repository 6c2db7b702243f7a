import assert from 'node:assert/strict';
import { qrSvg, renderChallengeHtml } from '../../../src/features/sca/challengeHtml';

const texts = { title: 'Authorise <consent>', scan: 'Scan', status: 'Status: started', cancelHint: 'Close to stop' };
const NONCE = 'Y2hhbGxlbmdlLW5vbmNlLTE=';
const page = (cspSource: string) => ({ cspSource, nonce: NONCE });

describe('decoupled SCA challenge page', () => {
  it('draws the autostart link as a QR code of rectangles only, with no script allowed', () => {
    const html = renderChallengeHtml({ qrText: 'https://app.bankid.com/?autostarttoken=abc&redirect=null', scaStatus: 'started' }, texts, page('vscode-resource:'));
    assert.match(html, /<svg[^>]*>[\s\S]*<\/svg>/);
    assert.match(html, new RegExp(`Content-Security-Policy" content="default-src 'none'; img-src vscode-resource: data:; style-src 'nonce-${NONCE}'"`));
    assert.deepEqual([...html.matchAll(/<style( nonce="[^"]*")?>/g)].map((m) => m[1]), [` nonce="${NONCE}"`], 'the one style block carries the nonce');
    assert.ok(!/ style=/.test(html), 'no inline style attribute, which the CSP would block');
    assert.ok(!/<script/i.test(html));
    assert.ok(!html.includes('autostarttoken=abc'), 'the token is encoded in the QR, not printed as markup');
    assert.ok(html.includes('Authorise &lt;consent&gt;'));
  });

  it('escapes everything the bank sends and refuses an image that is not base64', () => {
    const html = renderChallengeHtml(
      { psuMessage: '<img src=x onerror=alert(1)>', autostartUrl: 'bankid:///?autostarttoken="><script>x</script>', imageBase64: 'not base64 "><script>' },
      texts,
      page('c:'),
    );
    assert.ok(!html.includes('<img src=x'), 'psuMessage is escaped');
    assert.ok(!/<script/i.test(html));
    assert.ok(!html.includes('data:image/png;base64,not'), 'a non-base64 image is dropped');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  it('shows the bank\'s image when it is base64', () => {
    const html = renderChallengeHtml({ imageBase64: 'iVBORw0KGgo=' }, texts, page('c:'));
    assert.ok(html.includes('<img alt="" src="data:image/png;base64,iVBORw0KGgo=">'));
  });

  it('draws each kind of challenge in its own form first and the other when that is all the bank sent', () => {
    const both = { qrText: 'token-123', imageBase64: 'iVBORw0KGgo=' };
    const figure = (challenge: Parameters<typeof renderChallengeHtml>[0]) => /<div class="qr"><(svg|img)/.exec(renderChallengeHtml(challenge, texts, page('c:')))?.[1];
    assert.equal(figure({ ...both, methodId: 'mbid' }), 'svg', 'an autostart token is drawn as a QR code');
    assert.equal(figure({ ...both, methodId: 'mbid_animated_qr_token' }), 'svg', 'a QR token is drawn as a QR code');
    assert.equal(figure({ ...both, methodId: 'mbid_animated_qr_image' }), 'img', 'a QR image is shown as the bank sent it');
    assert.equal(figure({ methodId: 'mbid_animated_qr_image', qrText: 'token-123' }), 'svg', 'without a usable picture, the QR code is drawn');
    assert.equal(figure({ methodId: 'mbid', imageBase64: 'iVBORw0KGgo=' }), 'img', 'without a token, the picture is shown');
    assert.equal(figure({ ...both, methodId: 'unknown_method' }), 'img', 'a method the table lacks is shown picture first, as before the table');
  });

  it('refuses a nonce that is not random-looking base64', () => {
    assert.throws(() => renderChallengeHtml({}, texts, { cspSource: 'c:', nonce: "x' 'unsafe-inline" }));
  });

  it('refuses to encode absurdly long text', () => {
    assert.equal(qrSvg('x'.repeat(5000)), undefined);
    assert.ok(qrSvg('token-123')?.startsWith('<svg'));
  });
});

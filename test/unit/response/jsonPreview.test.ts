import assert from 'node:assert/strict';
import { escapeHtml } from '../../../src/client/text/html';
import { prettyJson } from '../../../src/features/requests/response/jsonPreview';

const plain = (text: string) => prettyJson(text, { maxChars: Number.POSITIVE_INFINITY, html: false });

describe('JSON preview', () => {
  it('prints exactly like JSON.stringify(value, null, 2)', () => {
    const samples = [
      { aspsps: [{ bicFi: 'ESSESESS', name: 'SEB', logo: null, ok: true, n: -1.5e3 }], empty: {}, none: [], nested: [[[]], [{}]] },
      ['a', 'b\\"c', '\u2028', 'é'],
      'just a string',
      0,
      null,
    ];
    for (const value of samples) {
      const text = JSON.stringify(value);
      assert.equal(plain(text)?.output, JSON.stringify(value, null, 2));
      assert.equal(plain(JSON.stringify(value, null, 7))?.output, JSON.stringify(value, null, 2), 'whatever the input spacing');
    }
  });

  it('keeps the digits and escapes the server sent', () => {
    assert.equal(plain('{"amount":12345678901234567890.10,"s":"\\u003cb\\u003e"}')?.output, '{\n  "amount": 12345678901234567890.10,\n  "s": "\\u003cb\\u003e"\n}');
  });

  it('answers undefined for text that is not JSON, and for absurd nesting', () => {
    for (const text of ['<html>', '{"a":1,}', '{"a" 1}', '[1 2]', 'nul', '', '   ', '{"a":1} x', '"unterminated']) {
      assert.equal(plain(text), undefined, text);
    }
    assert.equal(plain('['.repeat(200_000) + ']'.repeat(200_000)), undefined);
  });

  it('stops at the budget and says so', () => {
    const text = JSON.stringify({ list: Array.from({ length: 10_000 }, (_, i) => ({ i, name: `bank ${i}` })) });
    const preview = prettyJson(text, { maxChars: 1000, html: false });
    assert.equal(preview?.output.length, 1000);
    assert.equal(preview?.truncated, true);
    assert.ok(JSON.stringify(JSON.parse(text), null, 2).startsWith(preview?.output ?? '-'));
    assert.equal(prettyJson('{"a":1}', { maxChars: 1000, html: false })?.truncated, false);
  });

  it('escapes every token in HTML mode and classes keys, strings, numbers and literals', () => {
    const html = prettyJson('{"<k>":"</pre><script>alert(1)</script>","n":1,"b":false}', { maxChars: 10_000, html: true })?.output ?? '';
    assert.ok(!html.includes('<script>') && !html.includes('</pre>'));
    assert.ok(html.includes('<span class="k">&quot;&lt;k&gt;&quot;</span>'));
    assert.ok(html.includes('<span class="s">&quot;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</span>'));
    assert.ok(html.includes('<span class="n">1</span>') && html.includes('<span class="b">false</span>'));
  });

  it('escapes the HTML-special characters and the backtick', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y' title=\`z\`>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39; title=&#96;z&#96;&gt;&amp;&lt;/a&gt;');
  });
});

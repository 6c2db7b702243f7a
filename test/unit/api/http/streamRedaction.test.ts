// A body too large to hold is masked segment by segment on its way to a file. These check that cutting it
// never lets a secret through: for every place a network chunk can end, the streamed result is exactly what
// masking the whole body at once gives, and no secret survives.
import assert from 'node:assert/strict';
import { MAX_CARRY_CHARS, MIN_SEGMENT_CHARS, StreamRedactor } from '../../../../src/client/http/streamRedaction';
import { Redactor } from '../../../../src/client/redaction/redaction';

const LITERAL = 'client-secret-literal-7f3a';
const TOKEN = 'eyJhbGciOi.secret-token-value.Zx9';

function redactorWithSecret(): Redactor {
  const redactor = new Redactor();
  redactor.addSecret(LITERAL);
  return redactor;
}

/** A JSON array larger than one segment, with secrets in the places a bank's answer could carry them. */
function jsonBody(items: number, headerLines = true): string {
  const list = [];
  for (let i = 0; i < items; i++) {
    list.push({
      index: i,
      note: i % 50 === 7 ? `see ${LITERAL} here` : 'plain, with "quotes", commas, and \\ slashes',
      ...(i % 50 === 11 ? { access_token: TOKEN } : {}),
      ...(i % 50 === 23 ? { link: `https://bank.example/cb?code=${TOKEN}&state=1` } : {}),
      ...(headerLines && i % 50 === 37 ? { header: `Authorization: Bearer ${TOKEN}` } : {}),
    });
  }
  return JSON.stringify(list);
}

function streamed(text: string, chunkSizes: readonly number[], redactor: Redactor): { out: string; maxHeld: number } {
  const stream = new StreamRedactor((t) => redactor.redact(t));
  let out = '';
  let at = 0;
  let maxHeld = 0;
  for (let i = 0; at < text.length; i++) {
    const size = chunkSizes[i % chunkSizes.length] ?? 1;
    out += stream.push(text.slice(at, at + size));
    at += size;
    maxHeld = Math.max(maxHeld, stream.heldChars);
  }
  return { out: out + stream.end(), maxHeld };
}

describe('StreamRedactor (masking a body as it streams)', () => {
  const redactor = redactorWithSecret();
  const body = jsonBody(6000);

  it('gives exactly the whole-body masking of a JSON body, whatever the chunk sizes', () => {
    // Without "Authorization: …" text inside a value: masked whole, such a line masks everything up to the
    // next line break (in a one-line JSON body, the rest of the body); streamed, it masks up to its segment's end.
    const body = jsonBody(6000, false);
    assert.ok(body.length > 4 * MIN_SEGMENT_CHARS, 'the body spans several segments');
    const whole = redactor.redact(body);
    assert.ok(!whole.includes(TOKEN) && !whole.includes(LITERAL), 'the Redactor masks every planted secret');
    for (const sizes of [[1_000_003], [65_536], [7], [16_384, 3, 40_000, 1], [99_991, 12_345]]) {
      const { out } = streamed(body, sizes, redactor);
      assert.equal(out, whole, `chunk sizes ${sizes.join(',')}`);
    }
  });

  it('lets no secret through when a chunk ends at any position inside it', () => {
    const at = body.indexOf(TOKEN, MIN_SEGMENT_CHARS);
    const literalAt = body.indexOf(LITERAL, MIN_SEGMENT_CHARS);
    for (const start of [at, literalAt]) {
      for (const offset of [-1, 0, 1, 2, 9, 12, 17, TOKEN.length - 1, TOKEN.length, TOKEN.length + 1]) {
        const cut = start + offset;
        const { out } = streamed(body, [cut, body.length], redactor);
        assert.ok(!out.includes(TOKEN) && !out.includes(LITERAL), `cut at ${cut}`);
        assert.ok(!out.includes(TOKEN.slice(0, 12)) && !out.includes(TOKEN.slice(-12)), `no half of the token survives a cut at ${cut}`);
      }
    }
  });

  it('masks a text body line by line, and a header line split across chunks', () => {
    const lines = Array.from({ length: 8000 }, (_, i) => (i === 5000 ? `Authorization: Bearer ${TOKEN}` : `line ${i} of a plain text answer`)).join('\n');
    const whole = redactor.redact(lines);
    const tokenAt = lines.indexOf(TOKEN);
    const { out } = streamed(lines, [tokenAt + 5, lines.length], redactor);
    assert.equal(out, whole);
    assert.ok(!out.includes(TOKEN));
  });

  it('holds at most about a megabyte even when a body never offers a cut point', () => {
    const endless = `"${'x'.repeat(5 * MAX_CARRY_CHARS)}"`;
    const { out, maxHeld } = streamed(`[${endless}]`, [64 * 1024], redactor);
    assert.equal(out.length, endless.length + 2, 'every character came out');
    assert.ok(maxHeld <= MAX_CARRY_CHARS + 64 * 1024, `held ${maxHeld}`);
  });
});

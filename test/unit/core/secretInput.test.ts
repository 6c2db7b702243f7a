import assert from 'node:assert/strict';
import { CLIENT_SECRET_MIN_LENGTH, PASSPHRASE_MIN_LENGTH, SHORTEST_SECRET, secretProblem } from '../../../src/client/redaction/secretInput';
import { Redactor } from '../../../src/client/redaction/redaction';

describe('which typed secrets can be stored', () => {
  it('refuses empty and whitespace-only values as empty', () => {
    for (const value of [undefined, '', '   ', '\t\n', '\u00A0\u3000', '\uFEFF\uFEFF']) assert.equal(secretProblem(value, 8), 'empty', JSON.stringify(value));
  });

  it('refuses values made only of invisible characters: zero-width, BOM, soft hyphen, bidi marks, fillers', () => {
    for (const value of ['\u200B', '\u200B\u200C\u200D\u2060', '\u200B\uFEFF', '\u00AD\u200E\u200F\u202E', '\u3164\u3164', ' \u200B ']) {
      assert.equal(secretProblem(value, 8), 'invisible', JSON.stringify(value));
    }
  });

  it('counts only visible characters towards the minimum', () => {
    assert.equal(secretProblem('abc', 4), 'short');
    assert.equal(secretProblem('abc\u200B\u200B', 4), 'short');
    assert.equal(secretProblem('ab cd', 4), undefined);
    assert.equal(secretProblem('😀😀😀😀', 4), undefined, 'an astral character is one character');
    assert.equal(secretProblem('1234567', CLIENT_SECRET_MIN_LENGTH), 'short');
    assert.equal(secretProblem('12345678', CLIENT_SECRET_MIN_LENGTH), undefined);
    assert.equal(secretProblem('1234', PASSPHRASE_MIN_LENGTH), undefined);
  });

  it('accepts nothing the Redactor would not mask', () => {
    const r = new Redactor();
    const shortest = 'x'.repeat(SHORTEST_SECRET - 1) + 'y';
    assert.equal(secretProblem(shortest, SHORTEST_SECRET), undefined);
    r.addSecret(shortest);
    assert.equal(r.redact(`is ${shortest}.`), 'is ***.');
    assert.ok(SHORTEST_SECRET <= CLIENT_SECRET_MIN_LENGTH && SHORTEST_SECRET <= PASSPHRASE_MIN_LENGTH);
  });
});

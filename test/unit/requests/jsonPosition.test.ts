import assert from 'node:assert/strict';
import { firstJsonErrorOffset, parseJson } from '../../../src/features/requests/sendRequest/jsonPosition';

describe('request body JSON', () => {
  it('parses valid JSON', () => {
    assert.deepEqual(parseJson('{"a": [1, "x"]}'), { ok: true, value: { a: [1, 'x'] } });
  });

  it('reports the line and column where JSON.parse stopped', () => {
    const result = parseJson('{\n  "instructedAmount": {\n    "amount": 10,,\n  }\n}');
    assert.ok(!result.ok);
    assert.equal(result.problem.line, 3);
    assert.equal(result.problem.column, 18);
    assert.ok(!result.problem.message.includes('instructedAmount'), 'the message does not echo the body');
  });

  it('points at the end of a truncated body', () => {
    const text = '{\n  "a": 1';
    const result = parseJson(text);
    assert.ok(!result.ok);
    assert.equal(result.problem.offset, text.length);
    assert.equal(result.problem.line, 2);
  });

  it('finds a position where V8 names none (an unexpected token), and keeps the body out of the message', () => {
    const text = '{\n  "recurringIndicator": ture,\n  "validUntil": "2099-12-31"\n}';
    const result = parseJson(text);
    assert.ok(!result.ok);
    assert.deepEqual([result.problem.offset, result.problem.line, result.problem.column], [text.indexOf('ture') + 1, 2, 26]);
    assert.equal(result.problem.message, "Unexpected token 'u'");
  });

  it('scans to the same offset V8 names, wherever V8 names one, and accepts what V8 accepts', () => {
    const invalid = [
      '{"a": 1,}', '{\n  "a": 1,,\n}', '{"a": 1} x', '{"a": "x\ny"}', '', '   ', '{"a": 01}', '{a: 1}', '[1,2', '{"a":"\\q"}', '"abc',
      '{"a" 1}', '1.', '1.x', '1e', '1e+', '-', '-x', '{"a":1 "b":2}', '{"a":"\\u12G4"}', '{"a":"\\u12"}', '[tru', 'nul', '{"a":1}}',
      '[1]]', '{"a":[1,2}', "{'a': 1}", '{"a": 1 // c\n}', '[-]', '[1e5.3]', '{"x":"a\\', '{,}', '{"a"', '{"a":', '[1 2]', '["\t"]',
      'true false', '{"a":-01}',
    ];
    let compared = 0;
    for (const text of invalid) {
      assert.throws(() => JSON.parse(text), SyntaxError, text);
      const v8 = (() => {
        try {
          JSON.parse(text);
        } catch (error) {
          const message = (error as Error).message;
          const match = /at position (\d+)/.exec(message);
          return match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : undefined;
        }
        return undefined;
      })();
      if (v8 === undefined) continue;
      compared++;
      assert.equal(firstJsonErrorOffset(text), v8, JSON.stringify(text));
    }
    assert.ok(compared > 30, `only ${compared} cases had a V8 position`);
    const valid = ['{}', '[]', '0', '-0.5e+3', '"\\u00e9\\n"', ' {"a": [1, {"b": null}], "c": true, "d": false} ', JSON.stringify({ x: [1, 'y', { z: [] }] }, null, 2)];
    for (const text of valid) assert.equal(firstJsonErrorOffset(text), undefined, text);
  });

  it('reports where V8 does not: misspelt literals, stray tokens, single quotes', () => {
    for (const [text, at] of [['{"a": tru}', 9], ['{"a": undefined}', 6], ['{"a": NaN}', 6], ['[1,]', 3], ['{"a":}', 5], ['[.5]', 1], ['[+1]', 1], ['[,1]', 1]] as const) {
      assert.equal(firstJsonErrorOffset(text), at, text);
    }
  });

  it('handles deep nesting without recursion', () => {
    assert.equal(firstJsonErrorOffset(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`), undefined);
    assert.equal(firstJsonErrorOffset(`${'['.repeat(100_000)}x`), 100_000);
  });
});

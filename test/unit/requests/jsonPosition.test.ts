import assert from 'node:assert/strict';
import { parseJson } from '../../../src/commands/sendRequest/jsonPosition';

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
});

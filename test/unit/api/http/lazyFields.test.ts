import assert from 'node:assert/strict';
import { defineLazy, once } from '../../../../src/api/http/lazyFields';

interface Sample {
  readonly plain: number;
  readonly optional?: string;
}

describe('HTTP core lazy fields', () => {
  it('once() computes on first call only and shares the value', () => {
    let runs = 0;
    const value = once(() => ++runs);
    assert.equal(runs, 0);
    assert.equal(value(), 1);
    assert.equal(value(), 1);
    assert.equal(runs, 1);
  });

  it('defineLazy adds a field computed on first read that spread, JSON, structuredClone and deep equality see', () => {
    let runs = 0;
    const value: Sample = { plain: 1 };
    defineLazy(value, 'optional', () => `computed ${++runs}`);
    assert.equal(runs, 0);
    const eager: Sample = { plain: 1, optional: 'computed 1' };
    assert.deepEqual({ ...value }, eager);
    assert.equal(JSON.stringify(value), JSON.stringify(eager));
    assert.deepEqual(structuredClone(value), eager);
    assert.deepEqual(value, eager);
    assert.deepEqual(Object.keys(value), ['plain', 'optional']);
    assert.equal(runs, 1);
  });
});

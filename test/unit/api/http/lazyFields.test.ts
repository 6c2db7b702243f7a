import assert from 'node:assert/strict';
import { deferred, once, withLazyFields } from '../../../../src/api/http/lazyFields';

interface Sample {
  readonly plain: number;
  readonly costly: string;
  readonly optional?: string;
}

describe('HTTP core lazy fields', () => {
  it('computes a deferred field on first read only, once, and then keeps it', () => {
    let runs = 0;
    const value = withLazyFields<Sample>({ plain: 1, costly: deferred(() => `computed ${++runs}`) });
    assert.equal(runs, 0);
    assert.equal(value.costly, 'computed 1');
    assert.equal(value.costly, 'computed 1');
    assert.equal(runs, 1);
  });

  it('looks like an eagerly built object to spread, JSON, structuredClone and deep equality', () => {
    const value = withLazyFields<Sample>({ plain: 1, costly: deferred(() => 'c'), optional: deferred(() => 'o') });
    const eager: Sample = { plain: 1, costly: 'c', optional: 'o' };
    assert.deepEqual({ ...value }, eager);
    assert.equal(JSON.stringify(value), JSON.stringify(eager));
    assert.deepEqual(structuredClone(value), eager);
    assert.deepEqual(value, eager);
    assert.deepEqual(Object.keys(value), ['plain', 'costly', 'optional']);
  });

  it('once() shares one computation between readers', () => {
    let runs = 0;
    const shared = once(() => ++runs);
    const value = withLazyFields<{ a: number; b: number }>({ a: deferred(shared), b: deferred(() => shared() * 10) });
    assert.equal(value.b, 10);
    assert.equal(value.a, 1);
    assert.equal(runs, 1);
  });
});

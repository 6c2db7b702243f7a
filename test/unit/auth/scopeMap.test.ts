import assert from 'node:assert/strict';
import { ScopeMap, type ScopeKey } from '../../../src/client/auth/tokens/scopeMap';

const scope: ScopeKey = { environmentId: 'local', authHost: 'http://127.0.0.2:8401', product: 'accountinformation', context: 'private' };

describe('ScopeMap', () => {
  it('keeps one value per environment, auth host, product and context', () => {
    const map = new ScopeMap<number>();
    map.set(scope, 1);
    map.set({ ...scope, context: 'corporate' }, 2);
    map.set({ ...scope, product: 'paymentinitiation' }, 3);
    map.set({ ...scope, environmentId: 'sandbox' }, 4);
    assert.equal(map.get({ ...scope }), 1);
    assert.equal(map.get({ ...scope, context: 'corporate' }), 2);
    assert.equal(map.get({ ...scope, product: 'paymentinitiation' }), 3);
    assert.equal(map.get({ ...scope, environmentId: 'sandbox' }), 4);
    assert.equal(map.get({ ...scope, authHost: 'http://127.0.0.2:9999' }), undefined);
  });

  it('cannot confuse scopes whatever the auth host contains', () => {
    const map = new ScopeMap<string>();
    map.set({ ...scope, authHost: 'a accountinformation', product: 'private', context: 'x' }, 'odd');
    assert.equal(map.get({ ...scope, authHost: 'a' }), undefined);
  });

  it('deletes one scope, one environment, or everything', () => {
    const map = new ScopeMap<number>();
    map.set(scope, 1);
    map.set({ ...scope, context: 'corporate' }, 2);
    map.set({ ...scope, environmentId: 'sandbox' }, 3);
    map.delete(scope);
    assert.equal(map.get(scope), undefined);
    assert.equal(map.get({ ...scope, context: 'corporate' }), 2);
    map.clear('local');
    assert.equal(map.get({ ...scope, context: 'corporate' }), undefined);
    assert.equal(map.get({ ...scope, environmentId: 'sandbox' }), 3);
    map.clear();
    assert.equal(map.get({ ...scope, environmentId: 'sandbox' }), undefined);
  });
});

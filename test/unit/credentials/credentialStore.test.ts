import assert from 'node:assert/strict';
import { CredentialStore, CredentialValidationError } from '../../../src/client/auth/credentialStore';
import { Redactor } from '../../../src/client/redaction/redaction';
import { FakeSecretStorage } from '../fakes/vscode';

describe('credential store', () => {
  let secrets: FakeSecretStorage;
  let redactor: Redactor;
  let store: CredentialStore;

  beforeEach(() => {
    secrets = new FakeSecretStorage();
    redactor = new Redactor();
    store = new CredentialStore(secrets, redactor);
  });

  it('keeps credentials per environment', async () => {
    await store.set('sandbox', { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
    await store.set('local', { clientId: 'local-client', clientSecret: 'local-secret' });
    assert.deepEqual(await store.get('sandbox'), { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
    assert.deepEqual(await store.get('local'), { clientId: 'local-client', clientSecret: 'local-secret' });
    assert.equal(await store.get('production'), undefined);
    await store.clear('sandbox');
    assert.equal(await store.has('sandbox'), false);
    assert.equal(await store.has('local'), true);
  });

  it('drops a held-back write when the entry is cleared or set again while it waits, so Forget Everything sticks', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = store.set('local', { clientId: 'demo', clientSecret: 'held-secret-1' }, held);
    assert.deepEqual(await store.get('local'), { clientId: 'demo', clientSecret: 'held-secret-1' }, 'readers see it while it waits');
    await store.clear('local');
    release();
    await first;
    assert.equal(await secrets.get('openPayments.clientCredentials.local'), undefined, 'the cleared secret is not written after all');
    assert.equal(await store.has('local'), false);

    let releaseAgain: () => void = () => undefined;
    const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
    const older = store.set('local', { clientId: 'demo', clientSecret: 'held-secret-2' }, heldAgain);
    await store.set('local', { clientId: 'typed', clientSecret: 'typed-secret' });
    releaseAgain();
    await older;
    assert.deepEqual(await new CredentialStore(secrets, redactor).get('local'), { clientId: 'typed', clientSecret: 'typed-secret' }, 'the later set wins');

    const kept = store.set('sandbox', { clientId: 'sb', clientSecret: 'sb-secret' }, Promise.resolve());
    store.dispose();
    await kept;
    assert.deepEqual(await new CredentialStore(secrets, redactor).get('sandbox'), { clientId: 'sb', clientSecret: 'sb-secret' }, 'a window that closes still writes what waited');
  });

  it('reads the secret storage once per environment until the entry changes, here or in another window', async () => {
    await store.set('sandbox', { clientId: 'id-1', clientSecret: 'secret-1' });
    let reads = 0;
    const get = secrets.get.bind(secrets);
    secrets.get = async (key: string) => {
      reads++;
      return get(key);
    };
    assert.deepEqual(await store.get('sandbox'), { clientId: 'id-1', clientSecret: 'secret-1' });
    assert.equal(await store.has('sandbox'), true);
    assert.equal(reads, 1);
    // Another window (another store on the same storage) changes the entry: the next read sees it.
    await new CredentialStore(secrets, redactor).set('sandbox', { clientId: 'id-2', clientSecret: 'secret-2' });
    assert.deepEqual(await store.get('sandbox'), { clientId: 'id-2', clientSecret: 'secret-2' });
    await new CredentialStore(secrets, redactor).clear('sandbox');
    assert.equal(await store.has('sandbox'), false);
    assert.equal(reads, 3);
  });

  it('trims values and refuses blank ones without touching what is stored', async () => {
    await store.set('sandbox', { clientId: '  id  ', clientSecret: '\tsecret-1 ' });
    assert.deepEqual(await store.get('sandbox'), { clientId: 'id', clientSecret: 'secret-1' });
    await assert.rejects(store.set('sandbox', { clientId: 'id2', clientSecret: '   ' }), CredentialValidationError);
    await assert.rejects(store.set('sandbox', { clientId: '', clientSecret: 'x' }), CredentialValidationError);
    assert.deepEqual(await store.get('sandbox'), { clientId: 'id', clientSecret: 'secret-1' });
  });

  it('teaches the redactor every secret it stores or reads', async () => {
    await store.set('sandbox', { clientId: 'id', clientSecret: 'first-secret-value' });
    const other = new Redactor();
    const reader = new CredentialStore(secrets, other);
    await reader.get('sandbox');
    assert.equal(redactor.redact('x first-secret-value'), 'x ***');
    assert.equal(other.redact('x first-secret-value'), 'x ***');
  });

  it('treats a damaged entry as absent', async () => {
    await secrets.store('openPayments.clientCredentials.sandbox', '{not json');
    assert.equal(await store.get('sandbox'), undefined);
    await secrets.store('openPayments.clientCredentials.sandbox', '{"clientId":1}');
    assert.equal(await store.get('sandbox'), undefined);
  });

  it('reports changes to its own keys only, including changes made by another window', async () => {
    const seen: string[] = [];
    const subscription = store.onDidChange((environment) => seen.push(environment));
    await secrets.store('someOtherExtension.key', 'x');
    await secrets.store('openPayments.clientCredentials.production', '{"clientId":"a","clientSecret":"b"}');
    await store.clear('sandbox');
    subscription.dispose();
    await store.clear('local');
    assert.deepEqual(seen, ['production', 'sandbox']);
  });
});

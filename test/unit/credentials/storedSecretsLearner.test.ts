import assert from 'node:assert/strict';
import { CredentialStore } from '../../../src/client/auth/credentialStore';
import { Redactor } from '../../../src/client/redaction/redaction';
import { CERTIFICATE_PASSPHRASE_KEY } from '../../../src/host/httpSession';
import { StoredSecretsLearner } from '../../../src/features/setup/storedSecretsLearner';
import { FakeSecretStorage } from '../fakes/vscode';

describe('learning every stored secret at start-up', () => {
  it('masks every environment\'s client secret and the passphrase before any of them is used', async () => {
    const secrets = new FakeSecretStorage();
    await new CredentialStore(secrets, new Redactor()).set('production', { clientId: 'prod', clientSecret: 'production-secret-9x' });
    await new CredentialStore(secrets, new Redactor()).set('custom', { clientId: 'c', clientSecret: 'custom-secret-77' });
    await secrets.store(CERTIFICATE_PASSPHRASE_KEY, 'pfx-pass-42');
    const redactor = new Redactor();
    const warnings: string[] = [];
    const learner = new StoredSecretsLearner(new CredentialStore(secrets, redactor), secrets, redactor, { warn: (m: string) => warnings.push(m) } as never);
    await learner.learnt;
    assert.equal(redactor.redact('production-secret-9x custom-secret-77 pfx-pass-42'), '*** *** ***');
    assert.deepEqual(warnings, []);

    // Another window stores a new secret: it is learnt as the change arrives.
    await new CredentialStore(secrets, new Redactor()).set('local', { clientId: 'l', clientSecret: 'other-window-secret' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(redactor.redact('other-window-secret'), '***');
    learner.dispose();
  });
});

// Forget Everything against the real extension on the fake VS Code: after it, no secret, no state key and no
// file under the extension's storage is left; declined, nothing goes.
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ENVIRONMENT_IDS } from '../../../src/client/environments/environments';
import type { Prompter } from '../../../src/host/prompter';
import { activateExtension, type Activated } from '../fakes/activate';
import { commands } from '../fakes/vscode';
import { apiRequest, ok, recorded } from '../history/fixtures';

const SECRET = 'forget-me-client-secret-1';

function confirming(answer: boolean, asked: { message: string; detail: string }[]): Prompter {
  return {
    input: async () => undefined,
    pick: async () => undefined,
    pickMany: async () => undefined,
    confirm: async (message, detail) => {
      asked.push({ message, detail });
      return answer;
    },
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true })).map(String);
  } catch {
    return [];
  }
}

describe('Forget Everything', () => {
  let ext: Activated;

  beforeEach(async () => {
    ext = await activateExtension();
    const { api, context } = ext;
    for (const id of ENVIRONMENT_IDS) await api.credentials.set(id, { clientId: `client-${id}`, clientSecret: SECRET });
    await context.secrets.store('openPayments.clientCertificatePassphrase', 'pfx-passphrase');
    await api.history.record(recorded(apiRequest('getASPSPList'), ok()));
    await context.globalState.update('openPayments.consents', [{ consentId: 'c1', bicFi: 'ESSESESS', environmentId: 'sandbox', status: 'valid', createdAt: '2026-12-06T00:00:00Z', context: 'private' }]);
    await context.globalState.update('openPayments.payments', [{ paymentId: 'p1', bicFi: 'ESSESESS', environmentId: 'sandbox', status: 'RCVD', createdAt: '2026-12-06T00:00:00Z', paymentProduct: 'domestic', paymentService: 'payments' }]);
    await context.globalState.update('openPayments.paramMemory', { 'sandbox:x-bicfi': 'ESSESESS' });
    await mkdir(path.join(context.globalStorageUri.fsPath, 'history'), { recursive: true });
    await writeFile(path.join(context.globalStorageUri.fsPath, 'history', 'stray.tmp'), 'left by a crash');
  });

  afterEach(() => ext.dispose());

  it('asks once, in a modal that names what goes, and removes nothing when declined', async () => {
    const asked: { message: string; detail: string }[] = [];
    const registration = ext.api.prompter.use(confirming(false, asked));
    try {
      assert.equal(await commands.executeCommand('openPayments.forgetEverything'), false);
    } finally {
      registration.dispose();
    }
    assert.equal(asked.length, 1);
    for (const word of ['client credentials of every environment', 'certificate passphrase', 'access tokens', 'consents and payments', 'History', 'temporary files', 'cannot be undone']) {
      assert.ok(asked[0]?.detail.includes(word), `the modal names ${word}`);
    }
    assert.equal(ext.context.secrets.values.size, ENVIRONMENT_IDS.length + 1);
    assert.equal(ext.api.history.entries().length, 1);
  });

  it('leaves no secret, no globalState key and no file under the extension storage behind', async () => {
    const registration = ext.api.prompter.use(confirming(true, []));
    try {
      assert.equal(await commands.executeCommand('openPayments.forgetEverything'), true);
    } finally {
      registration.dispose();
    }
    const { context, api } = ext;
    assert.deepEqual(await context.secrets.keys(), []);
    assert.deepEqual(
      context.globalState.keys().filter((key) => context.globalState.get(key) !== undefined),
      [],
      'every globalState key is gone',
    );
    assert.deepEqual(await filesUnder(context.globalStorageUri.fsPath), []);
    assert.equal(api.history.entries().length, 0);
    for (const id of ENVIRONMENT_IDS) assert.equal(await api.credentials.has(id), false, id);
    assert.equal(api.environment.state.hasCredentials, false);
  });
});

// The real extension (fake VS Code) pointed at a real local sandbox whose client secret is the test's.
import { start, type Sandbox } from '../../../sandbox/index';
import { activateExtension, type Activated } from './activate';
import { fake } from './vscode';

export interface SandboxExtension {
  readonly sandbox: Sandbox;
  readonly ext: Activated;
}

/** Registers mocha hooks: one sandbox for the suite, a freshly activated extension per test. */
export function useSandboxExtension(clientId: string, clientSecret: string): () => SandboxExtension {
  let sandbox: Sandbox | undefined;
  let ext: Activated | undefined;

  before(async () => {
    sandbox = await start({
      clients: [{ clientId, clientSecret, redirectUris: ['http://127.0.0.1:53682/callback'], products: ['aspspinformation', 'accountinformation', 'paymentinitiation'] }],
    });
  });
  after(async () => sandbox?.close());

  beforeEach(async () => {
    ext = await activateExtension();
    fake.settings.set('openPayments.environment', { global: 'custom' });
    fake.settings.set('openPayments.authHost', { global: sandbox?.authHost });
    fake.settings.set('openPayments.apiHost', { global: sandbox?.apiHost });
    await ext.api.credentials.set('custom', { clientId, clientSecret });
    await ext.api.environment.refresh();
  });
  afterEach(async () => {
    ext?.dispose();
    if (sandbox) await fetch(`${sandbox.apiHost}/__sandbox/faults`, { method: 'DELETE' });
  });

  return () => {
    if (!sandbox || !ext) throw new Error('useSandboxExtension: used outside a test');
    return { sandbox, ext };
  };
}


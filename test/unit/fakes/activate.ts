// Activates the real extension against the fake `vscode`, as VS Code would.
import { activate } from '../../../src/extension';
import type { TestApi } from '../../../src/testApi';
import { resetWithManifestDefaults } from './manifest';
import { createExtensionContext, ExtensionMode, fake, type FakeLogOutputChannel } from './vscode';

export interface Activated {
  readonly context: ReturnType<typeof createExtensionContext>;
  readonly api: TestApi;
  readonly log: FakeLogOutputChannel;
  dispose(): void;
}

export async function activateExtension(): Promise<Activated> {
  resetWithManifestDefaults();
  const context = createExtensionContext(ExtensionMode.Test);
  const api = activate(context as never);
  if (!api) throw new Error('activate() returned no test API in test mode');
  await api.environment.refresh();
  const log = fake.channels.find((channel) => channel.name === 'Open Payments');
  if (!log) throw new Error('no "Open Payments" log channel');
  return {
    context,
    api,
    log,
    dispose: () => context.subscriptions.forEach((subscription) => subscription.dispose()),
  };
}

/** Polls until `check` passes: the extension reacts to events asynchronously, as in VS Code. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

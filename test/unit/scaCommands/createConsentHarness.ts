// What every scripted Create Consent test needs: an activated extension on the local sandbox with PSU settings
// and a loopback redirect URI, the authorisation after creation stopped at the browser (these tests are about
// what Create Consent asks and sends), and the Create Consent exchanges of each test.
import type { ExchangeRecord } from '../../../src/host/requestRunner';
import { useSandboxExtension, type SandboxExtension } from '../fakes/sandboxExtension';
import { commands, scaFake } from '../fakes/vscode';
import { setRedirectUri, usePsuSettings } from '../scaSession/support';
import { ScriptedPrompter, type Answer } from './scriptedPrompter';

export interface CreateConsentHarness {
  readonly current: () => SandboxExtension;
  /** The Create Consent exchanges of the running test, in order. */
  readonly created: () => readonly ExchangeRecord[];
  /** Runs a command with the scripted answers; returns the prompter, to check what was asked. */
  run(answers: Answer[], command: string, ...args: unknown[]): Promise<ScriptedPrompter>;
}

export function useCreateConsentHarness(clientId: string, clientSecret: string): CreateConsentHarness {
  const current = useSandboxExtension(clientId, clientSecret);
  let created: ExchangeRecord[] = [];

  beforeEach(() => {
    usePsuSettings();
    setRedirectUri('http://127.0.0.1:0/callback');
    scaFake.openExternal = async () => false;
    created = [];
    current().ext.api.runner.onDidExchange((record) => {
      if (record.operation.id === 'createConsent') created.push(record);
    });
  });
  afterEach(() => scaFake.reset());

  return {
    current,
    created: () => created,
    async run(answers, command, ...args) {
      const prompter = new ScriptedPrompter(answers);
      const registration = current().ext.api.prompter.use(prompter);
      try {
        await commands.executeCommand(command, ...args);
      } finally {
        registration.dispose();
      }
      return prompter;
    },
  };
}

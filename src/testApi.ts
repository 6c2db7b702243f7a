// What activate() hands to the extension-host tests (only when VS Code runs the extension in test mode).
import type { CredentialStore } from './auth/credentialStore';
import type { ActiveEnvironment } from './platform/activeEnvironment';
import type { Redactor } from './core/redaction';
import type { SwitchablePrompter } from './platform/prompter';

export interface TestApi {
  readonly prompter: SwitchablePrompter;
  readonly environment: ActiveEnvironment;
  readonly redactor: Redactor;
  readonly credentials: CredentialStore;
}

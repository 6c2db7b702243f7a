// What activate() hands to the extension-host tests (only when VS Code runs the extension in test mode).
import type { CredentialStore } from './auth/credentialStore';
import type { ActiveEnvironment } from './platform/activeEnvironment';
import type { Redactor } from './core/redaction';
import type { SwitchablePrompter } from './platform/prompter';
import type { RequestRunner } from './platform/requestRunner';
import type { BanksTreeProvider } from './views/banksTree';
import type { ConsentsTreeProvider } from './views/consentsTree';
import type { HistoryStore } from './history/historyStore';
import type { ResponsePanel } from './views/response/responsePanel';
import type { ScaSession } from './platform/scaSession';
import type { ChallengePanels } from './views/challengePanel';

export interface TestApi {
  readonly prompter: SwitchablePrompter;
  readonly environment: ActiveEnvironment;
  readonly redactor: Redactor;
  readonly credentials: CredentialStore;
  readonly runner: RequestRunner;
  readonly banks: BanksTreeProvider;
  readonly consents: ConsentsTreeProvider;
  readonly history: HistoryStore;
  readonly responsePanel: ResponsePanel;
  readonly sca: ScaSession;
  /** The last decoupled SCA challenge page shown, read-only. */
  readonly challenges: Pick<ChallengePanels, 'lastHtml'>;
  /** Where VS Code writes this extension's logs, including the "Open Payments" channel. */
  readonly logUri: { readonly fsPath: string };
}

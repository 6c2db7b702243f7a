// What activate() hands to the extension-host tests (only when VS Code runs the extension in test mode).
import type { QuietMoment } from './client/activity/quietMoment';
import type { CredentialStore } from './client/auth/credentialStore';
import type { ActiveEnvironment } from './host/activeEnvironment';
import type { Redactor } from './client/redaction/redaction';
import type { SwitchablePrompter } from './host/prompter';
import type { SwitchableFileDialogs } from './host/fileDialogs';
import type { RequestRunner } from './host/requestRunner';
import type { BanksTreeProvider } from './features/banks/banksTree';
import type { ConsentsTreeProvider } from './features/consents/consentsTree';
import type { HistoryStore } from './client/history/historyStore';
import type { ResponsePanel } from './features/requests/response/responsePanel';
import type { ScaSession } from './features/sca/scaSession';
import type { ChallengePanels } from './features/sca/challengePanel';
import type { McpServerProvider } from './features/assistant/mcpServerProvider';

export interface TestApi {
  readonly prompter: SwitchablePrompter;
  readonly dialogs: SwitchableFileDialogs;
  readonly environment: ActiveEnvironment;
  /** The pauses in the user's use of the extension that some writes wait for. */
  readonly activity: Pick<QuietMoment, 'next'>;
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
  /** What the extension keeps on the machine, read-only, for the tests that prove Forget Everything. */
  readonly storage: {
    readonly globalState: { keys(): readonly string[]; get(key: string): unknown };
    readonly secrets: { get(key: string): Thenable<string | undefined> };
    readonly globalStorageUri: { readonly fsPath: string };
  };
  /** The MCP server definition provider; undefined on VS Code older than 1.101. */
  readonly mcpServers: Pick<McpServerProvider, 'provideMcpServerDefinitions' | 'resolveMcpServerDefinition' | 'serverFile'> | undefined;
}

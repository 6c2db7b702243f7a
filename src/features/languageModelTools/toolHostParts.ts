// What the language-model tools take from the host, narrowed to what they use so tests can supply each part.
import type { CredentialStore } from '../../client/auth/credentialStore';
import type { HistoryStore } from '../../client/history/historyStore';
import type { Redactor } from '../../client/redaction/redaction';
import type { ToolSandboxAdmin } from '../../client/tools/toolContext';
import type { ActiveEnvironment } from '../../host/activeEnvironment';
import type { Logger } from '../../host/logger';
import type { RequestRunner } from '../../host/requestRunner';

export interface ToolHostParts {
  readonly environment: Pick<ActiveEnvironment, 'refresh'>;
  readonly runner: Pick<RequestRunner, 'run'>;
  readonly history: Pick<HistoryStore, 'entries' | 'loadResponse'>;
  /** The host's redactor: it knows the stored client secret and every token the session fetched. */
  readonly redactor: Redactor;
  readonly credentials: Pick<CredentialStore, 'get'>;
  /** openPayments.redirectUri: where a bank link sends the user back. */
  redirectUri(): string | undefined;
  readonly logger: Pick<Logger, 'info'>;
  /** The admin client for an API host; made here, not in the lazy chunk, which would carry a second copy of it. */
  sandboxAdmin(apiHost: string): ToolSandboxAdmin;
}

// What the tools need from whoever runs them. The extension (settings, SecretStorage, History) and the MCP server
// (environment variables, an in-memory call log) each supply one, so the tools themselves know neither.
import type { Operation } from '../catalogue/catalogue';
import type { PsuContext } from '../catalogue/operationTypes';
import type { ApiResult, RequestFailureKind } from '../http/requestFailure';
import type { TppMessage } from '../http/tppMessages';
import type { Redactor } from '../redaction/redaction';
import type { SandboxAdmin } from '../sandboxAdmin/sandboxAdmin';

/** The environment every call of this context goes to. */
export interface ToolEnvironment {
  readonly id: string;
  readonly label: string;
  /** Real banks and real money: every call needs the caller's explicit confirmation. */
  readonly isProduction: boolean;
  /** AUTH_HOST: the bank link of a redirect SCA must point at its authorize endpoint. */
  readonly authHost: string;
}

export interface ToolSend {
  readonly operation: Operation;
  readonly params: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The PSU context of the call; the context's own default when absent. */
  readonly context?: PsuContext;
  /** Aborts when the caller gives up on the tool call (the user stopped the agent): the request stops too. */
  readonly signal?: AbortSignal;
}

/** What History keeps of one call, enough to explain it later by its X-Request-ID. Never a secret. */
export interface ToolCallRecord {
  readonly operationId: string;
  readonly time: string;
  readonly environmentId: string;
  readonly status?: number;
  readonly failureKind?: RequestFailureKind;
  /** The final attempt's X-Request-ID. */
  readonly requestId?: string;
  /** Every attempt's X-Request-ID, in order. */
  readonly attemptRequestIds: readonly string[];
  readonly tppMessages?: readonly TppMessage[];
  /** The failure's parameter at fault, for validation failures. */
  readonly param?: string;
  readonly causeCode?: string;
}

export interface ToolHistory {
  /** The call one of whose attempts carried this X-Request-ID, if History still has it. */
  findByRequestId(requestId: string): Promise<ToolCallRecord | undefined>;
}

/** The local sandbox's admin endpoints, as sandboxScenario uses them (a fake in tests). */
export type ToolSandboxAdmin = Pick<SandboxAdmin, 'isLoopback' | 'consent' | 'authorisation' | 'payment' | 'addFault' | 'clearFaults' | 'reset'>;

/** The redirect SCA's client: whose bank link this is and where the bank sends the user back. */
export interface ToolClient {
  readonly clientId: string;
  readonly redirectUri: string;
}

export interface ToolContext {
  readonly environment: ToolEnvironment;
  /** Through the one HTTP pipeline (tokens, retries, redaction), recorded in History as any call. */
  send(request: ToolSend): Promise<ApiResult>;
  readonly history: ToolHistory;
  /** Knows every secret and token of this context, so nothing a tool returns can carry one. */
  readonly redactor: Redactor;
  /** Undefined when no credentials are set; startAuthorisation then cannot make a bank link. */
  readonly client?: ToolClient;
  /**
   * The admin endpoints on the environment's API host, whenever it has one; sandboxScenario refuses unless they
   * are on a loopback host (SandboxAdmin's own rule, the Local Sandbox view's too) and the environment is not production.
   */
  readonly sandboxAdmin?: ToolSandboxAdmin;
  /** A fresh OAuth state value for a bank link. */
  newState?(): string;
}

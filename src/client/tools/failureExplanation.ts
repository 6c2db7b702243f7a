// Words for a failed call, from its codes only (never the server's prose): what happened and what to do next.
// Shared by sendRequest, the status tools and explainFailure, so a failure reads the same wherever it is met.
import { findOperation } from '../catalogue/catalogue';
import { explainTppCode } from '../catalogue/tppCodeExplanations';
import { settingsHeaderNamed } from '../http/psuHeaderRules';
import type { RequestFailureKind } from '../http/requestFailure';
import type { TppMessage } from '../http/tppMessages';

export interface ExplainedTppMessage extends TppMessage {
  /** What the code means for the caller; absent for a code the catalogue does not know. */
  readonly explanation?: string;
}

export function explainTppMessages(operationId: string, messages: readonly TppMessage[] | undefined): ExplainedTppMessage[] {
  const group = findOperation(operationId)?.group;
  return (messages ?? []).map((m) => {
    const explanation = explainTppCode(m.code, group);
    return { ...m, ...(explanation ? { explanation } : {}) };
  });
}

const KIND_SENTENCES: Readonly<Record<RequestFailureKind, string>> = {
  validation: 'The call was not sent: a parameter, header or body is missing or malformed.',
  token: 'The auth server refused the token request: check the client credentials, and that the client may use this API product.',
  dns: 'The host name could not be resolved: check the environment\'s hosts and the network.',
  refused: 'The host refused the connection: check that the environment\'s host is right and running (for the local sandbox, start it).',
  reset:
    'The connection was closed before an answer arrived: try again, and check proxies between you and the host. A host that requires a client certificate (mutual TLS) closes it like this when none, or one it does not accept, is presented.',
  tls: 'The TLS connection failed: check the client certificate and the CA for this environment.',
  timeout: 'The host did not answer in time: try again later.',
  cancelled: 'The call was cancelled before it finished.',
  network: 'A network error stopped the call: check the connection and proxy settings.',
  http: 'The server answered with an error status.',
  non_json: 'The server answered with a success status but a body that is not JSON.',
  empty_body: 'The server answered with a success status but no body.',
  internal: 'A defect in this client stopped the call; the log has the details.',
};

/** By status, what usually fixes an HTTP failure whose codes the catalogue does not explain. */
function statusAdvice(status: number | undefined): string | undefined {
  if (status === undefined) return undefined;
  if (status === 400) return 'Check the parameters and the body against describeOperation.';
  if (status === 401) return 'The token was refused; check the client credentials and the API product\'s scope.';
  if (status === 403) return 'This client may not access the resource: check the consent, its status, and the ids.';
  if (status === 404) return 'An id in the path does not exist for this client.';
  if (status === 405) return 'The operation is not supported by this bank.';
  if (status === 409) return 'The resource is in a state that does not allow this call yet; check its status first.';
  if (status === 429) return 'Too many calls: wait for Retry-After, or for the consent\'s daily frequency to reset.';
  if (status >= 500) return 'The platform or the bank failed; try again later and quote the X-Request-ID to support.';
  return undefined;
}

export interface FailureFacts {
  readonly operationId: string;
  readonly kind: RequestFailureKind;
  readonly status?: number;
  readonly requestId?: string;
  readonly causeCode?: string;
  readonly param?: string;
  readonly tppMessages?: readonly TppMessage[];
}

/** What happened, as sentences: the kind, each code's meaning, and the advice for the status. */
export function failureSentences(facts: FailureFacts): string[] {
  const sentences = [KIND_SENTENCES[facts.kind]];
  if (facts.kind === 'validation' && (facts.param || facts.causeCode)) {
    sentences.push(`The problem is ${facts.causeCode ?? 'an invalid value'}${facts.param ? ` in ${facts.param}` : ''}.`);
  }
  if (facts.kind === 'validation' && facts.causeCode === 'MISSING_BANK_HEADER') {
    sentences.push('This bank requires that PSU header on every Consent, AIS and PIS call; bankRequirements lists them.');
  }
  if (facts.kind === 'validation' && facts.param && settingsHeaderNamed(facts.param)) {
    sentences.push(
      `Give ${facts.param} in params, or set it once where the PSU headers are kept: the extension's settings in VS Code, the OPENPAYMENTS_PSU_* variables for the MCP server.`,
    );
  }
  const explained = explainTppMessages(facts.operationId, facts.tppMessages).filter((m) => m.explanation);
  for (const m of explained) sentences.push(`${m.code}: ${m.explanation}`);
  if (facts.kind === 'http' && explained.length === 0) {
    const advice = statusAdvice(facts.status);
    if (advice) sentences.push(advice);
  }
  return sentences;
}

/** One paragraph for a tool error: the operation and status, the X-Request-ID, and the sentences. */
export function failureMessage(facts: FailureFacts): string {
  const head = `${facts.operationId} failed${facts.status !== undefined ? ` with HTTP ${facts.status}` : ''}${facts.requestId ? ` (X-Request-ID ${facts.requestId})` : ''}.`;
  const next = facts.requestId ? ` Call explainFailure with this X-Request-ID for the details.` : '';
  return [head, ...failureSentences(facts)].join(' ') + next;
}

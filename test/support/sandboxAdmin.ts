// What the local sandbox's loopback admin endpoints tell the unit and extension-host tests: the API requests
// it received (what went over the wire, whatever the extension says it sent) and the tokens and codes it
// issued (to search every output for them by value).
export interface LoggedRequest {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly requestId?: string;
  /** The client closed the connection before the response was complete. */
  readonly closedEarly?: true;
}

export async function sandboxRequests(apiHost: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${apiHost}/__sandbox/requests`);
  if (!response.ok) throw new Error(`the sandbox request log answered ${response.status}`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

/** How many API requests the sandbox has received so far; unlike the log's length, it keeps growing past the log's cap. */
export async function requestMark(apiHost: string): Promise<number> {
  return (await sandboxRequests(apiHost)).at(-1)?.seq ?? 0;
}

/** The requests logged after `mark` (taken earlier with requestMark). */
export async function requestsSince(apiHost: string, mark: number): Promise<LoggedRequest[]> {
  return (await sandboxRequests(apiHost)).filter((r) => r.seq > mark);
}

/** Every access token and authorization code the sandbox issued so far. */
export async function issuedSecrets(apiHost: string): Promise<string[]> {
  const issued = (await (await fetch(`${apiHost}/__sandbox/secrets`)).json()) as Record<'accessTokens' | 'authorizationCodes' | 'refreshTokens', { value: string }[]>;
  return [...issued.accessTokens, ...issued.authorizationCodes, ...issued.refreshTokens].map((entry) => entry.value);
}

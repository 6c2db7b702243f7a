// The local sandbox's own record of the API requests it received (GET /__sandbox/requests): what went over
// the wire, independent of what the extension says it sent.
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly requestId?: string;
}

export async function sandboxRequests(apiHost: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${apiHost}/__sandbox/requests`);
  if (!response.ok) throw new Error(`the sandbox request log answered ${response.status}`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

/** The requests logged after `mark` (a count taken earlier with sandboxRequests(...).length). */
export async function requestsSince(apiHost: string, mark: number): Promise<LoggedRequest[]> {
  return (await sandboxRequests(apiHost)).slice(mark);
}

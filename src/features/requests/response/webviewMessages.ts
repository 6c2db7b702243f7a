// What the response webview may ask of the extension. A webview is a page showing server text, so each
// message is checked against the page the extension rendered before anything happens. Pure.

export type ResponseViewMessage =
  | { readonly type: 'copyRequestId'; readonly requestId: string }
  | { readonly type: 'openBodyInEditor' }
  /** The page has loaded and can take new content by message. */
  | { readonly type: 'ready' };

/** The message if it is one of ours and names only what is on the shown page; otherwise undefined. */
export function parseResponseViewMessage(raw: unknown, shownRequestIds: readonly string[]): ResponseViewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
  const keys = Object.keys(message);
  switch (message.type) {
    case 'copyRequestId':
      return keys.length === 2 && typeof message.requestId === 'string' && shownRequestIds.includes(message.requestId)
        ? { type: 'copyRequestId', requestId: message.requestId }
        : undefined;
    case 'openBodyInEditor':
      return keys.length === 1 ? { type: 'openBodyInEditor' } : undefined;
    case 'ready':
      return keys.length === 1 ? { type: 'ready' } : undefined;
    default:
      return undefined;
  }
}

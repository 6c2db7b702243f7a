// Berlin Group error bodies come in two shapes on this platform (reference §5): the NG object
// {"tppMessages":[...], "_links":...} and, in the ASPSP Information schema, a bare array of messages.
// Message text is the server's: it stays data and is never interpolated into markup.

export interface TppMessage {
  readonly category: string;
  readonly code: string;
  readonly path?: string;
  readonly text?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toMessage(value: unknown): TppMessage | undefined {
  if (!isRecord(value) || typeof value.code !== 'string') return undefined;
  return {
    category: typeof value.category === 'string' ? value.category : 'ERROR',
    code: value.code,
    ...(typeof value.path === 'string' ? { path: value.path } : {}),
    ...(typeof value.text === 'string' ? { text: value.text } : {}),
  };
}

export function extractTppMessages(json: unknown): TppMessage[] | undefined {
  const raw = isRecord(json) ? json.tppMessages : json;
  // Most bodies are successes without messages; answer those without building empty lists.
  if (raw === undefined || raw === null) return undefined;
  // Some servers send a single message object where the schema says array.
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : [];
  const messages = list.map(toMessage).filter((m): m is TppMessage => m !== undefined);
  return messages.length > 0 ? messages : undefined;
}

export function hasTppCode(messages: readonly TppMessage[] | undefined, codes: ReadonlySet<string>): boolean {
  return messages?.some((m) => codes.has(m.code)) ?? false;
}

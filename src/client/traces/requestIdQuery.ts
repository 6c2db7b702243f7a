// Finds the exchange a pasted X-Request-ID belongs to. Users paste what they have: a log line, a ticket
// sentence, a header dump from their own backend, in any case and with any text around it. Pure.
import type { HistoryEntry } from '../history/historyEntry';

// Any 8-4-4-4-12 hex run, not only RFC versions: a platform or a backend may log ids of its own making,
// and a paste that holds one should still be looked up rather than refused.
const UUID_ANYWHERE = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/gi;

/** Every UUID in the text, lower-cased, in order of appearance, each once. */
export function requestIdCandidates(text: string): string[] {
  return [...new Set([...text.matchAll(UUID_ANYWHERE)].map((match) => match[0].toLowerCase()))];
}

export interface RequestIdMatch {
  readonly entry: HistoryEntry;
  /** The id that matched, as the entry holds it. */
  readonly requestId: string;
  /** True when it is an earlier attempt of a retried call, not the one the response belongs to. */
  readonly earlierAttempt: boolean;
}

/**
 * The history entry holding one of the candidate ids (the first candidate that matches wins, so in a line
 * with several UUIDs an id that is an X-Request-ID is found whatever comes before it). Entries are newest
 * first; a retried call is found by any of its attempts' ids.
 */
export function findByRequestId(entries: readonly HistoryEntry[], candidates: readonly string[]): RequestIdMatch | undefined {
  for (const candidate of candidates) {
    for (const entry of entries) {
      if (entry.requestId?.toLowerCase() === candidate) return { entry, requestId: entry.requestId, earlierAttempt: false };
      const attempt = entry.attemptRequestIds.find((id) => id.toLowerCase() === candidate);
      if (attempt !== undefined) return { entry, requestId: attempt, earlierAttempt: true };
    }
  }
  return undefined;
}

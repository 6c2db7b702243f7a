// Text fitted to one-line tree rows: a row shows what fits and hides the rest behind an ellipsis, so long
// text is split where a reader would pause, and long names are shortened before they push other words out.

/**
 * The sentences of a message, in order. A sentence ends at ".", "?" or "!" followed by a space and a capital
 * letter, so dotted setting names ("openPayments.http.responseTimeoutMs") and "e.g. x" stay whole.
 */
export function sentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.?!])\s+(?=[A-Z])/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** `text` cut to at most `max` characters, ending in "…" when cut. */
export function shortened(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

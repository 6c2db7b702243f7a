// Where JSON.parse gave up, as a line and column the editor can reveal.
export interface JsonProblem {
  readonly message: string;
  readonly offset?: number;
  readonly line?: number;
  readonly column?: number;
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /at position (\d+)/.exec(message);
    // Without a position V8 means the text ended early.
    const offset = match ? Number(match[1]) : /end of JSON input/i.test(message) ? text.length : undefined;
    if (offset === undefined) return { ok: false, problem: { message: cleanMessage(message) } };
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { ok: false, problem: { message: cleanMessage(message), offset, line, column } };
  }
}

/** V8 quotes a slice of the input in its message; drop it so the message stays short and ours. */
function cleanMessage(message: string): string {
  return message.replace(/,? ".*" is not valid JSON/s, '').replace(/ in JSON at position \d+.*$/s, '').trim();
}

// Reads facts out of the reference document (openpayments-api.md) where it states them in machine-readable
// form, a Markdown table or a JSON example, so tests compare the sandbox with the document itself rather than
// with a copy of its values that could drift.

/** The text of the section whose heading starts with `heading` (e.g. "### 7.1"), up to the next heading of any level. */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${heading} `) || line === heading);
  if (start < 0) throw new Error(`no section "${heading}" in the reference`);
  const end = lines.findIndex((line, i) => i > start && /^#{1,6} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim().replace(/\*\*/g, ''));

/** The first Markdown table of `text` as rows keyed by the header cells. */
export function table(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((line) => line.trim().startsWith('|'));
  const [header, separator, ...rows] = lines;
  if (!header || !separator || !/^[|\s:-]+$/.test(separator)) throw new Error('no Markdown table found');
  const names = cells(header);
  return rows.map((row) => Object.fromEntries(cells(row).map((cell, i) => [names[i] ?? `column${i}`, cell])));
}

/** The first ```json block after `marker`, parsed. */
export function jsonExampleAfter(markdown: string, marker: string): unknown {
  const at = markdown.indexOf(marker);
  if (at < 0) throw new Error(`"${marker}" not found in the reference`);
  const block = /```json\n([\s\S]*?)\n```/.exec(markdown.slice(at));
  if (!block) throw new Error(`no JSON example after "${marker}"`);
  return JSON.parse(block[1]!);
}

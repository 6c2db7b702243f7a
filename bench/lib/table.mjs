// Plain-text tables for the bench report.

export function table(headers, rows) {
  const cells = [headers, ...rows.map((row) => row.map((cell) => String(cell)))];
  const widths = headers.map((_h, i) => Math.max(...cells.map((row) => row[i].length)));
  const numeric = headers.map((_h, i) => rows.every((row) => /^[-+]?[\d.,]+( ?[%a-zµA-Z]+)?$/.test(String(row[i]))));
  const line = (row) => row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const us = (value) => `${value.toFixed(0)} µs`;
export const ms = (value) => `${value.toFixed(1)} ms`;
export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

// Small numeric helpers shared by the bench sections.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds since a process.hrtime.bigint() reading. */
export const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** The median milliseconds of `runs` calls of a synchronous `fn`. */
export function medianMs(fn, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(msSince(start));
  }
  return median(samples);
}

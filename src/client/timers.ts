// One timer shape for what waits in time (a view shown a moment after a switch, a pause in the user's clicking),
// so each can be given a clock the test moves by hand.

/** Runs `run` after `ms`; disposing the result before then cancels it. */
export type SetTimer = (run: () => void, ms: number) => { dispose(): void };

export const nodeTimer: SetTimer = (run, ms) => {
  const handle = setTimeout(run, ms);
  return { dispose: () => clearTimeout(handle) };
};

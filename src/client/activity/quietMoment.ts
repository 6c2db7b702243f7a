// Finds a pause in the user's use of the extension. Some writes cost the whole window about a second the first
// time (VS Code opens settings.json to change a setting, which starts the JSON and TypeScript extensions in the
// extension host we share); made while the user is clicking through our views, that second lands on a click.
// They wait for a pause instead: no command, expansion or selection of ours for a while.

import { nodeTimer, type SetTimer } from '../timers';

export class QuietMoment {
  private lastUse: number;
  private waiters: Array<() => void> = [];
  private timer: { dispose(): void } | undefined;

  constructor(
    /** How long without use counts as a pause. */
    private readonly quietMs: number,
    private readonly now: () => number = Date.now,
    private readonly setTimer: SetTimer = nodeTimer,
  ) {
    this.lastUse = now();
  }

  /** The user did something with the extension: a pause starts again from now. */
  used(): void {
    this.lastUse = this.now();
  }

  /** Resolves at the next pause that starts after this call, or at flush(). */
  next(): Promise<void> {
    this.used();
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  /**
   * Ends every wait now: the window is going away, or the user is elsewhere (it lost focus), so nothing of
   * theirs can be slowed.
   */
  flush(): void {
    this.timer?.dispose();
    this.timer = undefined;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  dispose(): void {
    this.flush();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.waiters.length === 0) return;
    const due = Math.max(0, this.lastUse + this.quietMs - this.now());
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      if (this.now() - this.lastUse >= this.quietMs) this.flush();
      else this.schedule();
    }, due);
  }
}

import assert from 'node:assert/strict';
import { QuietMoment } from '../../../src/client/activity/quietMoment';
import type { SetTimer } from '../../../src/client/timers';

/** A clock and timers the test moves by hand, so "2 s without use" needs no real waiting. */
function manualTime() {
  let now = 0;
  let pending: Array<{ at: number; run: () => void }> = [];
  const setTimer: SetTimer = (run, ms) => {
    const timer = { at: now + ms, run };
    pending.push(timer);
    return { dispose: () => void (pending = pending.filter((other) => other !== timer)) };
  };
  return {
    now: () => now,
    setTimer,
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        pending = pending.filter((timer) => timer !== due);
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

async function settledAfter(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('QuietMoment', () => {
  it('waits for a pause that starts no earlier than the call', async () => {
    const time = manualTime();
    const quiet = new QuietMoment(2000, time.now, time.setTimer);
    time.advance(10_000);
    const pause = quiet.next();
    time.advance(1999);
    assert.equal(await settledAfter(pause), false, 'an old pause does not count');
    time.advance(1);
    assert.equal(await settledAfter(pause), true);
  });

  it('starts the pause again at each use, so the wait lands when the user stops clicking', async () => {
    const time = manualTime();
    const quiet = new QuietMoment(2000, time.now, time.setTimer);
    const pause = quiet.next();
    for (let i = 0; i < 5; i++) {
      time.advance(1500);
      quiet.used();
    }
    assert.equal(await settledAfter(pause), false, 'a use every 1.5 s keeps it waiting');
    time.advance(1999);
    assert.equal(await settledAfter(pause), false);
    time.advance(1);
    assert.equal(await settledAfter(pause), true);
  });

  it('ends every wait at once on flush, and leaves no timer behind', async () => {
    const time = manualTime();
    let cleared = 0;
    const setTimer: SetTimer = (run, ms) => {
      const timer = time.setTimer(run, ms);
      return { dispose: () => { cleared++; timer.dispose(); } };
    };
    const quiet = new QuietMoment(2000, time.now, setTimer);
    const first = quiet.next();
    const second = quiet.next();
    quiet.flush();
    assert.equal(await settledAfter(first), true);
    assert.equal(await settledAfter(second), true);
    assert.equal(cleared, 1);
    // A wait after a flush waits for its own pause.
    const third = quiet.next();
    assert.equal(await settledAfter(third), false);
    quiet.dispose();
    assert.equal(await settledAfter(third), true);
  });
});

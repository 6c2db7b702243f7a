// When the Local Sandbox view and its commands show: at once for the window's first state and when the user
// leaves the sandbox, a moment after a switch into it (so the Banks view draws its countries first).
import assert from 'node:assert/strict';
import { resolveEnvironment, type EnvironmentId } from '../../../src/client/environments/environments';
import { LocalSandboxContext } from '../../../src/features/localSandbox/localSandboxContext';
import type { SetTimer } from '../../../src/client/timers';
import type { EnvironmentState } from '../../../src/host/activeEnvironment';
import { EventEmitter, fake } from '../fakes/vscode';

const KEY = 'openPayments.localSandbox';

function stateOf(id: EnvironmentId, hasCredentials = true): EnvironmentState {
  return { id, resolution: resolveEnvironment(id), hasCredentials };
}

/** Timers that run only when the test says so. */
function manualTimers() {
  const due: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const setTimer: SetTimer = (run, ms) => {
    const timer = { run, ms, cancelled: false };
    due.push(timer);
    return { dispose: () => void (timer.cancelled = true) };
  };
  const runAll = () => {
    for (const timer of due.splice(0)) if (!timer.cancelled) timer.run();
  };
  return { setTimer, due, runAll };
}

describe('the Local Sandbox context key', () => {
  beforeEach(() => fake.reset());

  function setUp(first: EnvironmentState) {
    const changed = new EventEmitter<EnvironmentState>();
    const environment = { state: first, onDidChange: changed.event };
    const timers = manualTimers();
    const context = new LocalSandboxContext(environment, timers.setTimer, 1000);
    const switchTo = (state: EnvironmentState) => {
      environment.state = state;
      changed.fire(state);
    };
    return { context, timers, switchTo };
  }

  it('shows at once in a window that starts on the local sandbox, and hides at once when the user leaves it', () => {
    const { switchTo, timers } = setUp(stateOf('local'));
    assert.equal(fake.context.get(KEY), true);
    switchTo(stateOf('sandbox'));
    assert.equal(fake.context.get(KEY), false);
    assert.equal(timers.due.length, 0);
  });

  it('shows a moment after a switch into the local sandbox, not before', () => {
    const { switchTo, timers } = setUp(stateOf('sandbox', false));
    assert.equal(fake.context.get(KEY), false);
    switchTo(stateOf('local'));
    assert.equal(fake.context.get(KEY), false);
    assert.deepEqual(timers.due.map((t) => t.ms), [1000]);
    timers.runAll();
    assert.equal(fake.context.get(KEY), true);
    // Later reads of the same environment (credentials stored, say) keep it shown without waiting again.
    switchTo(stateOf('local', false));
    assert.equal(fake.context.get(KEY), true);
    assert.equal(timers.due.length, 0);
  });

  it('never shows when the user leaves the local sandbox within that moment', () => {
    const { switchTo, timers } = setUp(stateOf('sandbox'));
    switchTo(stateOf('local'));
    switchTo(stateOf('production'));
    timers.runAll();
    assert.equal(fake.context.get(KEY), false);
  });

  it('does not show after the window closed', () => {
    const { context, switchTo, timers } = setUp(stateOf('sandbox'));
    switchTo(stateOf('local'));
    context.dispose();
    timers.runAll();
    assert.equal(fake.context.get(KEY), false);
  });
});

// The context key that shows the Local Sandbox view and its commands while the environment in force is the
// local sandbox (its API host plain http on a loopback address).
import * as vscode from 'vscode';
import { SandboxAdmin } from '../../client/sandboxAdmin/sandboxAdmin';
import { nodeTimer, type SetTimer } from '../../client/timers';
import type { EnvironmentState } from '../../host/activeEnvironment';
import { Disposable } from '../../host/disposable';

export const CONTEXT_LOCAL_SANDBOX = 'openPayments.localSandbox';

/**
 * How long after a switch into the local sandbox its view appears. The switch also turns the Banks view from
 * its welcome to the countries the user clicked for, and the workbench builds a newly shown view in one long
 * task that held those countries up (Use Local Sandbox on VS Code 1.139: median 274 ms with the view shown at
 * once, 208 ms with it shown later). Short enough that it is built before the user's next click: shown a second
 * later, it was built just as a quick user expanded the first country.
 */
export const VIEW_AFTER_SWITCH_MS = 400;

function isLocalSandbox(state: EnvironmentState): boolean {
  return state.resolution.ok && new SandboxAdmin(state.resolution.environment.apiHost).isLoopback;
}

export class LocalSandboxContext extends Disposable {
  private shown: boolean | undefined;
  private pending: { dispose(): void } | undefined;

  constructor(
    private readonly environment: { readonly state: EnvironmentState; readonly onDidChange: vscode.Event<EnvironmentState> },
    private readonly setTimer: SetTimer = nodeTimer,
    private readonly delayMs = VIEW_AFTER_SWITCH_MS,
  ) {
    super();
    this._register({ dispose: () => this.pending?.dispose() });
    this._register(environment.onDidChange((state) => this.follow(state)));
    // The window's first state is shown at once: nothing else is switching then.
    this.set(isLocalSandbox(environment.state));
  }

  private follow(state: EnvironmentState): void {
    this.pending?.dispose();
    this.pending = undefined;
    const local = isLocalSandbox(state);
    // Leaving the sandbox hides its view and commands at once: they act on the local sandbox only.
    if (!local || this.shown) {
      this.set(local);
      return;
    }
    this.pending = this.setTimer(() => {
      this.pending = undefined;
      if (!this.isDisposed) this.set(isLocalSandbox(this.environment.state));
    }, this.delayMs);
  }

  private set(value: boolean): void {
    if (this.shown === value) return;
    this.shown = value;
    void vscode.commands.executeCommand('setContext', CONTEXT_LOCAL_SANDBOX, value);
  }
}

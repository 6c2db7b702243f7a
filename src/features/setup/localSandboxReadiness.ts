// While the welcome offers "Use Local Sandbox" (the environment in force has no credentials), its click is
// readied a moment after the views settle, so the click itself only stores, switches and lists.
import type * as vscode from 'vscode';
import { Disposable } from '../../host/disposable';
import type { EnvironmentState } from '../../host/activeEnvironment';

/** Long enough for the welcome to draw first; far shorter than anyone takes to read it and click. */
const AFTER_SETTLED_MS = 500;

export class LocalSandboxReadiness extends Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly environment: { readonly state: EnvironmentState; readonly onDidChange: vscode.Event<unknown> },
    private readonly prepare: () => void,
    private readonly delayMs = AFTER_SETTLED_MS,
  ) {
    super();
    this._register(environment.onDidChange(() => this.schedule()));
    this._register({ dispose: () => clearTimeout(this.timer) });
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.isDisposed && !this.environment.state.hasCredentials) this.prepare();
    }, this.delayMs);
  }
}

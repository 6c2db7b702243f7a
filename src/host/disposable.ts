// The one way a long-lived object owns what it must release: it registers each subscription, emitter or view
// as it creates it, and dispose() releases them all, newest first, so nothing outlives the object by an oversight.
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  /** Whether dispose() has run; work that would start after it is not started. */
  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Owns `disposable` until this object is disposed; after that it is disposed at once (it would leak otherwise). */
  protected _register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) {
      disposable.dispose();
    } else {
      this.owned.push(disposable);
    }
    return disposable;
  }

  /**
   * Releases everything registered, the last registered first (a listener goes before the emitter it listens
   * to). Safe to call more than once; one failing release does not keep the others from running.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const disposable of this.owned.splice(0).reverse()) {
      try {
        disposable.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'Several disposables failed to dispose.');
  }
}

/** A Disposable that owns others and nothing else: what a feature's register(host) hands back. */
export class DisposableGroup extends Disposable {
  add<T extends vscode.Disposable>(disposable: T): T {
    return this._register(disposable);
  }
}

// Remembers the last value the user gave each parameter (BIC, consent id, account id…) so the next request
// starts prefilled. Only identifiers live here; secrets never pass through parameter prompts.
import type * as vscode from 'vscode';

const KEY = 'openPayments.paramMemory';
const MAX_VALUE_LENGTH = 512;

export class ParamMemory {
  constructor(private readonly state: Pick<vscode.Memento, 'get' | 'update'>) {}

  /**
   * Remembers the parameters of what is selected in a tree view (a bank, a consent, an account…), for the
   * environment in force, so Send Request… starts prefilled with them.
   */
  followSelection<T>(
    view: { readonly onDidChangeSelection: vscode.Event<vscode.TreeViewSelectionChangeEvent<T>> },
    environmentId: () => string,
    paramsOf: (node: T) => Readonly<Record<string, string | undefined>> | undefined,
  ): vscode.Disposable {
    return view.onDidChangeSelection((event) => {
      const node = event.selection[0];
      const params = node === undefined ? undefined : paramsOf(node);
      if (params) void this.remember(environmentId(), params);
    });
  }

  get(environmentId: string, name: string): string | undefined {
    return this.all()[`${environmentId}:${name.toLowerCase()}`];
  }

  async remember(environmentId: string, values: Readonly<Record<string, string | undefined>>): Promise<void> {
    const next = { ...this.all() };
    for (const [name, value] of Object.entries(values)) {
      if (value && value.length <= MAX_VALUE_LENGTH) next[`${environmentId}:${name.toLowerCase()}`] = value;
    }
    await this.state.update(KEY, next);
  }

  private all(): Record<string, string> {
    return this.state.get<Record<string, string>>(KEY) ?? {};
  }
}

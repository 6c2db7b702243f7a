// Fakes for the language-model tools: vscode.lm.registerTool and invokeTool as VS Code runs a tool outside a
// chat: prepareInvocation, then the confirmation dialog when it asks for one (answered by lmFake.confirm), then
// invoke only if the user agreed.
/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors loosely typed vscode API surfaces */
import { Disposable } from './vscodeCore';

export class LanguageModelTextPart {
  constructor(public value: string) {}
}

export class LanguageModelToolResult {
  constructor(public content: unknown[]) {}
}

export class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

interface FakeTool {
  prepareInvocation?(options: { input: unknown }, token: unknown): any;
  invoke(options: { input: unknown; toolInvocationToken: undefined }, token: unknown): any;
}

const noToken = { isCancellationRequested: false, onCancellationRequested: () => new Disposable(() => undefined) };

export const lmFake = {
  tools: new Map<string, FakeTool>(),
  /** The user's answer to a confirmation dialog. */
  confirm: true,
  /** Every confirmation VS Code would have shown. */
  confirmations: [] as { title: string; message: string }[],
  reset(): void {
    this.tools.clear();
    this.confirm = true;
    this.confirmations = [];
  },
};

export const lm = {
  registerTool(name: string, tool: FakeTool): Disposable {
    if (lmFake.tools.has(name)) throw new Error(`tool ${name} is registered twice`);
    lmFake.tools.set(name, tool);
    return new Disposable(() => lmFake.tools.delete(name));
  },
  async invokeTool(name: string, options: { input: unknown }): Promise<unknown> {
    const tool = lmFake.tools.get(name);
    if (!tool) throw new Error(`Tool ${name} was not contributed`);
    const prepared = await tool.prepareInvocation?.({ input: options.input }, noToken);
    if (prepared?.confirmationMessages) {
      const { title, message } = prepared.confirmationMessages;
      lmFake.confirmations.push({ title, message: typeof message === 'string' ? message : message.value });
      if (!lmFake.confirm) throw new CancellationError();
    }
    return tool.invoke({ input: options.input, toolInvocationToken: undefined }, noToken);
  },
};

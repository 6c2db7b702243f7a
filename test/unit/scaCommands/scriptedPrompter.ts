// Answers the extension's questions from a script, as a user would: by item id, by typing, or by pressing
// Enter on what the question opened with. Refuses answers the real input box would refuse.
import type * as vscode from 'vscode';
import type { Prompter } from '../../../src/host/prompter';

/** Enter: the first item of a pick, the prefilled value of an input. */
export const ENTER = Symbol('enter');
export type Answer = string | typeof ENTER | undefined;

export interface Asked {
  readonly kind: 'input' | 'pick';
  readonly title?: string;
  readonly items?: readonly (vscode.QuickPickItem & { id?: string })[];
  readonly input?: vscode.InputBoxOptions;
}

export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  constructor(private readonly answers: Answer[]) {}

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.asked.push({ kind: 'input', title: options.title, input: options });
    const answer = this.answers.shift();
    const value = answer === ENTER ? options.value : answer;
    if (value === undefined) return undefined;
    const problem = await options.validateInput?.(value);
    if (problem) throw new Error(`scripted answer "${value}" is refused: ${String(problem)}`);
    return value;
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    this.asked.push({ kind: 'pick', title: options.title, items });
    const answer = this.answers.shift();
    if (answer === ENTER) return items[0];
    return items.find((item) => (item as T & { id?: string }).id === answer);
  }

  async pickMany<T extends vscode.QuickPickItem>(): Promise<readonly T[] | undefined> {
    throw new Error('not scripted');
  }

  async confirm(): Promise<boolean> {
    throw new Error('not scripted');
  }

  get remaining(): number {
    return this.answers.length;
  }
}

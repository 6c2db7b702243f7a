// The message an input box shows while a typed secret cannot be stored (see core/secretInput.ts). Shown
// through validateInput, so the box stays open with what the user typed.
import * as vscode from 'vscode';
import { secretProblem } from '../../client/redaction/secretInput';

/** `name` is how the user knows the value: "client_secret", "passphrase". */
export function secretInputMessage(name: string, value: string | undefined, minLength: number): string | undefined {
  switch (secretProblem(value, minLength)) {
    case 'empty':
      return vscode.l10n.t('The {0} cannot be empty.', name);
    case 'invisible':
      return vscode.l10n.t('The {0} is made only of invisible characters (such as a zero-width space). Copy it again from where it was issued.', name);
    case 'short':
      return vscode.l10n.t('The {0} must have at least {1} visible characters. Check that the whole value was pasted.', name, minLength);
    default:
      return undefined;
  }
}

export interface SecretAsk {
  readonly title: string;
  readonly prompt: string;
  readonly placeHolder?: string;
  /** How the user knows the value, as in secretInputMessage. */
  readonly name: string;
  readonly minLength: number;
  /** The error shown when a value that cannot be stored got past the box (e.g. typed by a test or an API). */
  readonly refused: (reason: string) => string;
}

/** Asks for a secret in a password box that refuses what cannot be stored; undefined when cancelled or refused. */
export async function askSecret(prompter: { input(options: vscode.InputBoxOptions): Thenable<string | undefined> }, ask: SecretAsk): Promise<string | undefined> {
  const value = await prompter.input({
    title: ask.title,
    prompt: ask.prompt,
    ...(ask.placeHolder ? { placeHolder: ask.placeHolder } : {}),
    password: true,
    ignoreFocusOut: true,
    validateInput: (typed) => secretInputMessage(ask.name, typed, ask.minLength),
  });
  if (value === undefined) return undefined;
  const refused = secretInputMessage(ask.name, value, ask.minLength);
  if (refused === undefined) return value;
  void vscode.window.showErrorMessage(ask.refused(refused));
  return undefined;
}

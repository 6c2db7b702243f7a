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

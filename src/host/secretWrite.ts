// A write to VS Code's SecretStorage that the OS keychain may refuse (locked, missing, denied): the refusal
// is logged with its cause and told to the user in the caller's words, never thrown to VS Code's generic
// "command failed" with the raw error.
import * as vscode from 'vscode';
import type { Logger } from './logger';

/** Runs `write`; true when it succeeded, false after logging `logLine` and showing `failure`. */
export async function secretWriteSucceeded(write: () => PromiseLike<void>, logger: Logger, logLine: string, failure: string): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    logger.error(logLine, error);
    void vscode.window.showErrorMessage(failure);
    return false;
  }
}

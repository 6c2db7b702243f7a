// The localiser that layer-0 code writes its sentences through. The VS Code layer passes vscode.l10n.t; tests
// and the default use plainTranslate, which only fills the placeholders, so the English text is the key.

/** A localiser with vscode.l10n.t's shape: `{0}` placeholders. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export const plainTranslate: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (match, index: string) => (args[Number(index)] === undefined ? match : String(args[Number(index)])));

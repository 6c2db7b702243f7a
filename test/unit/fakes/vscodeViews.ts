// Fake vscode API for views: tree items, webviews, clipboard, documents. Composed into ./vscode.ts.
export const viewsWindow = {};
export const viewsWorkspace = {};
export const viewsEnv = {};

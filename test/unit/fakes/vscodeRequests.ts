// Fake vscode API for sending requests: progress, cancellation, code lenses. Composed into ./vscode.ts.
export const requestsWindow = {};
export const requestsWorkspace = {};
export const requestsLanguages = {};

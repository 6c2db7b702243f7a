// The fake `vscode` module that esbuild aliases in for unit tests. It composes parts kept in separate files
// so that each area's fakes grow without editing one shared file.
import { window as coreWindow, workspace as coreWorkspace } from './vscodeCore';
import { requestsLanguages, requestsWindow, requestsWorkspace } from './vscodeRequests';
import { viewsEnv, viewsWindow, viewsWorkspace } from './vscodeViews';

export * from './vscodeCore';
export * from './vscodeViews';
export * from './vscodeRequests';

export const window = { ...coreWindow, ...viewsWindow, ...requestsWindow };
export const workspace = { ...coreWorkspace, ...viewsWorkspace, ...requestsWorkspace };
export const env = { ...viewsEnv };
export const languages = { ...requestsLanguages };

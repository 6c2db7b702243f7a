// The fake `vscode` module that esbuild aliases in for unit tests. It composes parts kept in separate files
// so that each area's fakes grow without editing one shared file.
import { window as coreWindow, workspace as coreWorkspace } from './vscodeCore';
import { requestsLanguages, requestsWindow, requestsWorkspace } from './vscodeRequests';
import { scaEnv } from './vscodeSca';
import { viewsEnv, viewsWindow, viewsWorkspace } from './vscodeViews';

export * from './vscodeCore';
export * from './vscodeViews';
export * from './vscodeRequests';
export * from './vscodeSca';
export * from './vscodeTraces';
export { LanguageModelTextPart, LanguageModelToolResult, CancellationError, lm, lmFake } from './vscodeLanguageModelTools';

export const window = { ...coreWindow, ...viewsWindow, ...requestsWindow };
export const workspace = { ...coreWorkspace, ...viewsWorkspace, ...requestsWorkspace };
// Property descriptors rather than a spread, so scaEnv's getters (remoteName) stay live.
export const env = Object.defineProperties({ ...viewsEnv }, Object.getOwnPropertyDescriptors(scaEnv)) as typeof viewsEnv & typeof scaEnv;
export const languages = { ...requestsLanguages };

// The loopback redirect listener for browser-based SCA (scaOAuth and scaRedirect callbacks).
export { RedirectListeners, DEFAULT_LISTENER_TIMEOUT_MS } from './redirectListener';
export type { RedirectListener, RedirectListenerOptions, RedirectListenersOptions } from './redirectListener';
export { classifyCallback } from './callbackRequest';
export type { CallbackDecision, CallbackMode, CallbackResult, RejectReason } from './callbackRequest';
export { LoopbackError } from './loopbackError';
export type { LoopbackErrorDetails, LoopbackErrorKind } from './loopbackError';
export { finishPathFor, hostHeaderFor, parseLoopbackRedirectUri } from './redirectUri';
export type { LoopbackRedirectUri } from './redirectUri';

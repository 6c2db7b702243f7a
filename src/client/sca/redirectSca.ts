// REDIRECT SCA through the PSU's browser (reference §6.1): listen on the registered loopback URI, fill the
// template (scaOAuth: with PKCE), open the browser, wait for the callback, and for scaOAuth activate the
// authorisation with the code exchange. scaRedirect callbacks carry no code; the right state is the signal.
import { createPkcePair, createState, fillScaTemplate, type PkcePair } from '../auth/authorizationCode';
import { isClientError } from '../errors';
import type { CallbackResult, RedirectListener } from '../auth/loopback';
import { authorisationTarget } from './operations';
import { ScaStop, type ScaRun } from './scaRun';

export type RedirectRoute = 'scaOAuth' | 'scaRedirect';

async function openListener(run: ScaRun, state: string, route: RedirectRoute): Promise<RedirectListener> {
  try {
    return await run.deps.startListener({
      expectedState: state,
      mode: route === 'scaOAuth' ? 'code' : 'stateOnly',
      timeoutMs: run.remainingMs(),
      signal: run.signal,
    });
  } catch (error) {
    if (isClientError(error, 'loopback')) throw new ScaStop({ kind: 'failed', reason: 'listener_failed', listenerError: error.details });
    throw error;
  }
}

/** Sends the browser to the filled template and waits for the callback; closes the listener if it never comes. */
async function browserLogin(run: ScaRun, listener: RedirectListener, template: string, state: string, pkce: PkcePair | undefined): Promise<CallbackResult> {
  let handedOver = false;
  try {
    const filled = fillScaTemplate({
      template,
      authHost: run.settings.authHost,
      clientId: run.settings.clientId,
      redirectUri: listener.redirectUri,
      state,
      ...(pkce ? { codeChallenge: pkce.challenge } : {}),
    });
    if (!filled.ok) throw new ScaStop({ kind: 'failed', reason: 'invalid_sca_link', templateProblem: filled.problem });
    run.progress('waitingForBrowser');
    if (!(await run.deps.openBrowser(filled.url))) {
      run.checkCancelled();
      throw new ScaStop({ kind: 'failed', reason: 'browser_not_opened' });
    }
    handedOver = true;
    // After a callback the listener stays up briefly on its own to serve the finish page, then closes.
    return await listener.result;
  } finally {
    if (!handedOver) await listener.close();
  }
}

async function activate(run: ScaRun, code: string, iss: string | undefined, redirectUri: string, pkce: PkcePair | undefined): Promise<void> {
  run.progress('activating');
  const exchanged = await run.deps.exchangeCode({
    code,
    redirectUri,
    target: authorisationTarget(run.subject, run.authorisationId ?? ''),
    signal: run.signal,
    ...(pkce ? { codeVerifier: pkce.verifier } : {}),
    ...(iss ? { iss } : {}),
  });
  run.noteRequestId(exchanged.ok ? exchanged.requestId : exchanged.failure.requestId);
  if (exchanged.ok) return;
  run.checkCancelled();
  throw new ScaStop(
    exchanged.failure.kind === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', reason: 'code_exchange_failed', exchangeFailure: exchanged.failure },
  );
}

/** Returns once the PSU is back and (scaOAuth) the authorisation is activated; the caller polls SCA status. */
export async function redirectSca(run: ScaRun, route: RedirectRoute, template: string): Promise<void> {
  const state = (run.deps.createState ?? createState)();
  const pkce = route === 'scaOAuth' ? await (run.deps.createPkce ?? createPkcePair)() : undefined;
  const listener = await openListener(run, state, route);
  const callback = await browserLogin(run, listener, template, state, pkce);
  switch (callback.kind) {
    case 'code':
      await activate(run, callback.code, callback.iss, listener.redirectUri, pkce);
      return;
    case 'redirected':
      return;
    case 'denied':
      throw new ScaStop({ kind: 'denied', error: callback.error, ...(callback.errorDescription ? { errorDescription: callback.errorDescription } : {}) });
    case 'malformed':
      throw new ScaStop({ kind: 'failed', reason: 'callback_malformed' });
    case 'timeout':
      throw new ScaStop({ kind: 'timedOut', phase: 'waitingForBrowser' });
    case 'cancelled':
      throw new ScaStop({ kind: 'cancelled' });
  }
}

// Words the end of an SCA run for the user. Only our sentences and values that pass notificationSafeId (ids) or
// requestIdSuffix (X-Request-IDs): notifications render markdown and command links, and ids, statuses and error
// codes here come from banks. The bank's error description is free text and goes to the log, never into a notification.
import * as vscode from 'vscode';
import { notificationSafeId } from '../../client/text/notificationSafe';
import type { FollowUpEnd, PaymentSubject } from '../../client/sca/paymentFollowUp';
import type { ScaTemplateProblem } from '../../client/auth/authorizationCode/scaOAuthTemplate';
import type { ScaOutcome, ScaPhase, ScaProgress, ScaSubject } from '../../client/sca/types';
import { describeFailure, requestIdSuffix } from '../../host/failureMessages';

/** "consent c-1 at NDEASESS", leaving out whatever is not a plain identifier. */
export function subjectLabel(outcome: { readonly subject: ScaSubject }): string {
  const s = outcome.subject;
  const id = notificationSafeId(s.kind === 'consent' ? s.consentId : s.paymentId);
  const bank = notificationSafeId(s.bicFi);
  if (s.kind === 'consent') {
    if (id && bank) return vscode.l10n.t('consent {0} at {1}', id, bank);
    return bank ? vscode.l10n.t('consent at {0}', bank) : id ? vscode.l10n.t('consent {0}', id) : vscode.l10n.t('consent');
  }
  if (id && bank) return vscode.l10n.t('payment {0} at {1}', id, bank);
  return bank ? vscode.l10n.t('payment at {0}', bank) : id ? vscode.l10n.t('payment {0}', id) : vscode.l10n.t('payment');
}

/** A status code from the bank, or a placeholder word when it is not code-like. */
export function statusText(status: string | undefined): string {
  return notificationSafeId(status) ?? vscode.l10n.t('unknown');
}


export function describeScaOutcome(outcome: ScaOutcome): { readonly text: string; readonly success: boolean } {
  const what = subjectLabel(outcome);
  const trace = requestIdSuffix(outcome.requestIds[outcome.requestIds.length - 1]);
  switch (outcome.kind) {
    case 'finalised':
      return {
        success: true,
        text:
          outcome.subject.kind === 'consent'
            ? vscode.l10n.t('The {0} is authorised ({1}). Its accounts are in the Consents & Accounts view.', what, outcome.parentStatus ? statusText(outcome.parentStatus) : 'valid')
            : vscode.l10n.t('The {0} is authorised; its status is {1}.', what, statusText(outcome.parentStatus)),
      };
    case 'denied':
      return { success: false, text: denialText(outcome.error, what, trace) };
    case 'cancelled':
      return { success: false, text: vscode.l10n.t('Authorisation of the {0} was cancelled.', what) };
    case 'timedOut':
      return { success: false, text: vscode.l10n.t('Authorisation of the {0} timed out while {1}. Start it again when the PSU is ready.{2}', what, phaseText(outcome.phase), trace) };
    case 'failed':
      return { success: false, text: failedText(outcome, what, trace) };
  }
}

/** What the flow is doing in a phase, as a phrase that completes "… while" and fills the progress line. */
export function phaseText(phase: ScaPhase): string {
  switch (phase) {
    case 'starting': return vscode.l10n.t('starting the authorisation');
    case 'choosingMethod': return vscode.l10n.t('waiting for an SCA method to be chosen');
    case 'selectingMethod': return vscode.l10n.t('sending the chosen SCA method to the bank');
    case 'waitingForBrowser': return vscode.l10n.t('waiting for the bank login in the browser');
    case 'activating': return vscode.l10n.t('handing the login code to the bank');
    case 'waitingForSca': return vscode.l10n.t('waiting for the PSU to sign with the bank');
    case 'waitingForStatus': return vscode.l10n.t('waiting for the bank to confirm the status');
  }
}

/** The progress line: the phase in words, and the bank's statuses only when they are plain codes. */
export function progressText(p: ScaProgress): string {
  return [phaseText(p.phase), notificationSafeId(p.scaStatus), notificationSafeId(p.parentStatus)].filter(Boolean).join(' · ');
}

// OAuth 2.0 (RFC 6749 §4.1.2.1) and OpenID Connect error codes a callback may carry, by what they mean to the user.
const REFUSED = new Set(['access_denied']);
const ENDED_WITHOUT_LOGIN = new Set(['login_required', 'consent_required', 'interaction_required', 'account_selection_required']);
const UNAVAILABLE = new Set(['server_error', 'temporarily_unavailable']);
const REQUEST_REFUSED = new Set(['invalid_request', 'unauthorized_client', 'unsupported_response_type', 'invalid_scope', 'invalid_request_uri', 'invalid_request_object', 'request_not_supported', 'request_uri_not_supported', 'registration_not_supported']);

/** Only access_denied says the PSU or bank refused; other codes say what they mean, unknown ones are not dressed up. */
export function denialText(error: string, what: string, trace: string): string {
  const code = notificationSafeId(error);
  if (!code) {
    return vscode.l10n.t('The login for the {0} ended with an error from the bank that cannot be shown here; the Open Payments log has it. Nothing was authorised.{1}', what, trace);
  }
  if (REFUSED.has(code)) return vscode.l10n.t('The login for the {0} was refused at the bank ({1}). Nothing was authorised.{2}', what, code, trace);
  if (ENDED_WITHOUT_LOGIN.has(code)) return vscode.l10n.t('The login for the {0} ended before the PSU signed in ({1}). Nothing was authorised; start it again.{2}', what, code, trace);
  if (UNAVAILABLE.has(code)) return vscode.l10n.t('The bank could not complete the login for the {0} ({1}). Nothing was authorised; try again later.{2}', what, code, trace);
  if (REQUEST_REFUSED.has(code)) {
    return vscode.l10n.t('The auth host refused the login request for the {0} ({1}). Check the client\'s registered redirect URI and API products in the Developer Portal.{2}', what, code, trace);
  }
  return vscode.l10n.t('The login for the {0} ended with the error code {1}, which this extension does not know. Nothing was authorised.{2}', what, code, trace);
}

/** What the user hears when a followed payment reaches a final status; nothing while it stays open. */
export function describeFollowUpEnd(subject: PaymentSubject, end: FollowUpEnd): { readonly severity: 'info' | 'warning'; readonly text: string } | undefined {
  const what = subjectLabel({ subject });
  const status = statusText(end.status);
  if (end.kind === 'settled') return { severity: 'info', text: vscode.l10n.t('The {0} has settled ({1}).', what, status) };
  if (end.kind === 'ended') return { severity: 'warning', text: vscode.l10n.t('The bank did not execute the {0}: its status is {1}.', what, status) };
  return undefined;
}

/** Why a login link was not opened, and what to do about it; nothing from the link itself is repeated. */
function scaLinkText(problem: ScaTemplateProblem | undefined, trace: string): string {
  switch (problem) {
    case undefined:
      return vscode.l10n.t('The bank asked for a redirect login but sent no login link (scaOAuth or scaRedirect), so there was nothing to open. Open the response from History, then start the authorisation again.{0}', trace);
    case 'foreign_authorize_endpoint':
      return vscode.l10n.t('The bank\'s login link does not point at this environment\'s auth host, so it was not opened: another host could capture the login. Check the environment\'s hosts, then start the authorisation again.{0}', trace);
    case 'not_a_url':
      return vscode.l10n.t('The bank\'s login link is not a URL, so it was not opened. Open the response from History to see it.{0}', trace);
    case 'credentials_in_url':
      return vscode.l10n.t('The bank\'s login link carries a user name or password, so it was not opened.{0}', trace);
    case 'duplicate_parameter':
      return vscode.l10n.t('The bank\'s login link names client_id, redirect_uri, state or code_challenge twice, so it was not opened: which value the auth host would read cannot be known.{0}', trace);
  }
}

function failedText(outcome: Extract<ScaOutcome, { kind: 'failed' }>, what: string, trace: string): string {
  switch (outcome.reason) {
    case 'request_failed':
      return outcome.failure ? describeFailure(vscode.l10n.t('Authorising the {0}', what), outcome.failure).text : vscode.l10n.t('A request while authorising the {0} failed.{1}', what, trace);
    case 'listener_failed': {
      const error = outcome.listenerError;
      if (error?.kind === 'port_in_use') {
        return vscode.l10n.t('Port {0} of the redirect URI is in use by another program. Free it, or register another loopback redirect URI with the platform and set it in openPayments.redirectUri.', String(error.port ?? ''));
      }
      if (error?.kind === 'login_in_progress') return vscode.l10n.t('Another login is already waiting for its callback on port {0}. Finish or cancel it first.', String(error.port ?? ''));
      if (error?.kind === 'listen_failed') {
        return vscode.l10n.t('Could not listen for the login callback on port {0} ({1}). Check openPayments.redirectUri, or register another loopback redirect URI with the platform.', String(error.port ?? ''), notificationSafeId(error.causeCode) ?? 'error');
      }
      return vscode.l10n.t('The redirect URI in openPayments.redirectUri cannot be used: it must be an http URL on 127.0.0.1 (or [::1]) with a port and path, as registered with the platform.');
    }
    case 'browser_not_opened':
      return vscode.l10n.t('The bank login page was not opened, so the {0} was not authorised.', what);
    case 'code_exchange_failed':
      return vscode.l10n.t('The bank login succeeded but activating the {0} at the auth host failed ({1}). Start the authorisation again.{2}', what, outcome.exchangeFailure?.kind ?? 'error', trace);
    case 'sca_failed':
      return vscode.l10n.t('The bank reports that the SCA for the {0} failed.{1}', what, trace);
    case 'parent_rejected':
      return vscode.l10n.t('The bank rejected the {0} (status {1}).{2}', what, statusText(outcome.parentStatus), trace);
    case 'invalid_sca_link':
      return scaLinkText(outcome.templateProblem, trace);
    case 'unexpected_response':
      return vscode.l10n.t('A step of authorising the {0} was answered without what the next step needs (an authorisationId, scaStatus or login link). Open the response from History, then start the authorisation again.{1}', what, trace);
    case 'callback_malformed':
      return vscode.l10n.t('The login came back to the redirect URI with neither a code nor an error, so the {0} was not authorised. Start the authorisation again.{1}', what, trace);
    case 'no_sca_method':
      return vscode.l10n.t('The bank offered no SCA method for the {0}.{1}', what, trace);
    case 'unsupported_approach':
      return vscode.l10n.t('The bank asked for an SCA approach this extension does not support (EMBEDDED).{0}', trace);
    default:
      return vscode.l10n.t('Authorising the {0} failed unexpectedly. See the Open Payments log.{1}', what, trace);
  }
}

// Words the end of an SCA run for the user. Only our sentences and code-like values: the bank's error
// description is server text and goes to the log (redacted), never into a notification.
import * as vscode from 'vscode';
import type { ScaOutcome } from '../sca/types';
import { describeFailure } from './failureMessages';

const CODE_LIKE = /^[A-Za-z0-9_.-]{1,64}$/;

export function subjectLabel(outcome: Pick<ScaOutcome, 'subject'>): string {
  const s = outcome.subject;
  return s.kind === 'consent' ? vscode.l10n.t('consent {0} at {1}', s.consentId, s.bicFi) : vscode.l10n.t('payment {0} at {1}', s.paymentId, s.bicFi);
}

export function describeScaOutcome(outcome: ScaOutcome): { readonly text: string; readonly success: boolean } {
  const what = subjectLabel(outcome);
  const trace = outcome.requestIds.length ? ` ${vscode.l10n.t('X-Request-ID: {0}.', outcome.requestIds[outcome.requestIds.length - 1] ?? '')}` : '';
  switch (outcome.kind) {
    case 'finalised':
      return {
        success: true,
        text:
          outcome.subject.kind === 'consent'
            ? vscode.l10n.t('The {0} is authorised ({1}). Its accounts are in the Consents & Accounts view.', what, outcome.parentStatus ?? 'valid')
            : vscode.l10n.t('The {0} is authorised; its status is {1}.', what, outcome.parentStatus ?? 'unknown'),
      };
    case 'denied': {
      const code = CODE_LIKE.test(outcome.error) ? outcome.error : 'access_denied';
      return { success: false, text: vscode.l10n.t('The login for the {0} was refused at the bank ({1}). Nothing was authorised.{2}', what, code, trace) };
    }
    case 'cancelled':
      return { success: false, text: vscode.l10n.t('Authorisation of the {0} was cancelled.', what) };
    case 'timedOut':
      return { success: false, text: vscode.l10n.t('Authorisation of the {0} timed out while {1}. Start it again when the PSU is ready.{2}', what, outcome.phase, trace) };
    case 'failed':
      return { success: false, text: failedText(outcome, what, trace) };
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
      return vscode.l10n.t('The redirect URI in openPayments.redirectUri cannot be used: it must be an http URL on 127.0.0.1 (or [::1]) with a port and path, as registered with the platform.');
    }
    case 'browser_not_opened':
      return vscode.l10n.t('The bank login page was not opened, so the {0} was not authorised.', what);
    case 'code_exchange_failed':
      return vscode.l10n.t('The bank login succeeded but activating the {0} at the auth host failed ({1}). Start the authorisation again.{2}', what, outcome.exchangeFailure?.kind ?? 'error', trace);
    case 'sca_failed':
      return vscode.l10n.t('The bank reports that the SCA for the {0} failed.{1}', what, trace);
    case 'parent_rejected':
      return vscode.l10n.t('The bank rejected the {0} (status {1}).{2}', what, outcome.parentStatus ?? 'unknown', trace);
    case 'invalid_sca_link':
      return vscode.l10n.t('The bank answered with a login link that does not point at this environment\'s auth host, so it was not opened.{0}', trace);
    case 'no_sca_method':
      return vscode.l10n.t('The bank offered no SCA method for the {0}.{1}', what, trace);
    case 'unsupported_approach':
      return vscode.l10n.t('The bank asked for an SCA approach this extension does not support (EMBEDDED).{0}', trace);
    default:
      return vscode.l10n.t('Authorising the {0} failed unexpectedly. See the Open Payments log.{1}', what, trace);
  }
}

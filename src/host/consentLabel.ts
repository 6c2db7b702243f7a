// How a consent reads wherever a person picks or scans one: the tree, the pickers of Start Authorisation and
// Delete Consent, the notifications.
import * as vscode from 'vscode';
import type { ConsentRecord } from '../client/consents/consentStore';

/** The status in words; the platform's code stays in the tooltip and the context value. */
function statusText(status: ConsentRecord['status']): string {
  switch (status) {
    case 'revokedByPsu':
      return vscode.l10n.t('revoked by the PSU');
    case 'terminatedByTpp':
      return vscode.l10n.t('deleted (terminated by the TPP)');
    case 'unknown':
      return vscode.l10n.t('status unknown');
    default:
      return status;
  }
}

/** Only for these does the end date still say something; other consents keep it in the tooltip. */
const STILL_USABLE: ReadonlySet<ConsentRecord['status']> = new Set(['valid', 'received']);

/**
 * What a person scans first: the bank, whether the consent can be used, and until when, e.g.
 * "ESSESESS · valid until 2027-03-05" (short enough for a sidebar of the default width). The consent id goes
 * to the description and the tooltip.
 */
export function consentLabel(consent: ConsentRecord): string {
  const status = statusText(consent.status);
  const state = consent.validUntil && STILL_USABLE.has(consent.status) ? vscode.l10n.t('{0} until {1}', status, consent.validUntil) : status;
  return `${consent.bicFi} · ${state}`;
}

// Commands of the Consents & Accounts view: refresh, show status, delete, transactions for a period.
import * as vscode from 'vscode';
import { catalogueOperation, paramsFromSources } from '../../client/catalogue/catalogue';
import type { ConsentRecord } from '../../client/consents/consentStore';
import { notificationSafeId } from '../../client/text/notificationSafe';
import { requestIdSuffix } from '../../host/failureMessages';
import { consentLabel } from '../../host/consentLabel';
import type { ConsentNode } from '../../host/treeNodes';
import type { ConsentsTreeProvider } from './consentsTree';
import type { Host } from '../../host/host';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ConsentCommands {
  constructor(
    private readonly host: Pick<Host, 'consents' | 'environment' | 'prompter' | 'runner'>,
    private readonly tree: ConsentsTreeProvider,
  ) {}

  /** Reads the consent's status from the bank; the tracker stores what comes back. */
  async status(node?: ConsentNode): Promise<string | undefined> {
    const consent = await this.consentOf(node);
    if (!consent) return undefined;
    const input = { operation: catalogueOperation('getConsentStatus'), params: { consentId: consent.consentId, 'X-BicFi': consent.bicFi }, context: consent.context };
    const result = await this.host.runner.run(input, { show: false });
    if (!result?.ok) return undefined;
    // The store records the answer in the background; the status shown is the one it then holds.
    await this.host.consents.settled();
    const status = this.host.consents.get(consent.environmentId, consent.consentId)?.status;
    // The consent id, the BIC and the status all came from servers; each must pass before a notification shows it.
    const [id, bank] = [notificationSafeId(consent.consentId), notificationSafeId(consent.bicFi)];
    const shown = status === undefined ? vscode.l10n.t('unknown') : notificationSafeId(status);
    const trace = requestIdSuffix(result.exchange.requestId);
    if (id && bank && shown) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Consent {0} at {1} is {2}.{3}', id, bank, shown, trace));
      return status;
    }
    const showResponse = vscode.l10n.t('Show Response');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('The consent status was read. The bank\'s answer holds values that are not shown in notifications; the response view shows them.{0}', trace),
        showResponse,
      )
      .then((picked) => {
        if (picked === showResponse) this.host.runner.show({ operation: input.operation, environmentId: this.host.environment.state.id, input, result });
      });
    return status;
  }

  async delete(node?: ConsentNode): Promise<boolean> {
    const consent = await this.consentOf(node);
    if (!consent) return false;
    const [id, bank] = [notificationSafeId(consent.consentId), notificationSafeId(consent.bicFi)];
    const confirmed = await this.host.prompter.confirm(
      id && bank ? vscode.l10n.t('Delete consent {0} at {1}?', id, bank) : vscode.l10n.t('Delete the selected consent?'),
      vscode.l10n.t('The bank ends the consent (terminatedByTpp); its accounts can no longer be read with it.'),
      vscode.l10n.t('Delete'),
    );
    if (!confirmed) return false;
    const result = await this.host.runner.run(
      { operation: catalogueOperation('deleteConsent'), params: { consentId: consent.consentId, 'X-BicFi': consent.bicFi }, context: consent.context },
      { show: false },
    );
    return result?.ok === true;
  }

  async period(node?: ConsentNode): Promise<boolean> {
    if (node?.kind !== 'transactions' && node?.kind !== 'account') return false;
    const dateFrom = await this.askDate(vscode.l10n.t('Transactions from (yyyy-MM-dd)'), node.kind === 'transactions' ? node.period.dateFrom : undefined, true);
    if (!dateFrom) return false;
    // Checked inside the box, so an end date before the start keeps what was typed instead of ending the command.
    const dateTo = await this.askDate(vscode.l10n.t('Transactions to (yyyy-MM-dd, empty for today)'), node.kind === 'transactions' ? node.period.dateTo : undefined, false, dateFrom);
    if (dateTo === undefined) return false;
    this.tree.setPeriod(node.consent, node.account, { dateFrom, ...(dateTo ? { dateTo } : {}) });
    return true;
  }

  private async askDate(title: string, value: string | undefined, required: boolean, notBefore?: string): Promise<string | undefined> {
    return this.host.prompter.input({
      title,
      value,
      placeHolder: 'yyyy-MM-dd',
      ignoreFocusOut: true,
      validateInput: (input) => {
        const trimmed = input.trim();
        if (!trimmed) return required ? vscode.l10n.t('Enter a date as yyyy-MM-dd.') : undefined;
        if (!DATE.test(trimmed) || Number.isNaN(Date.parse(trimmed))) return vscode.l10n.t('Enter a date as yyyy-MM-dd, for example 2024-01-31.');
        if (notBefore && trimmed < notBefore) return vscode.l10n.t('Enter a date on or after the start date {0}.', notBefore);
        return undefined;
      },
    }).then((answer) => answer?.trim());
  }

  private async consentOf(node?: ConsentNode): Promise<ConsentRecord | undefined> {
    if (node && 'consent' in node) return node.consent;
    const consents = this.host.consents.list(this.host.environment.state.id);
    const picked = await this.host.prompter.pick(
      consents.map((consent) => ({ id: consent.consentId, consent, label: consentLabel(consent), description: consent.consentId })),
      { title: vscode.l10n.t('Choose a consent') },
    );
    return picked?.consent;
  }
}

/** The parameters the selection fills, by each catalogue parameter's source. */
/** What a selected consent or account prefills in Send Request… (X-BicFi, consentId/Consent-ID, account-id). */
export function consentSelectionParams(node: ConsentNode): Record<string, string> | undefined {
  if (!('consent' in node)) return undefined;
  const { consent } = node;
  return paramsFromSources({ bicFi: consent.bicFi, consentId: consent.consentId, ...('account' in node ? { accountId: node.account.resourceId } : {}) });
}

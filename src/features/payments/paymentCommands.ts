// Initiate Payment… at a bank, and from an account (the account as debtor): the product asked among those the
// bank offers, then the body opened from the catalogue's template in Send Request, where it is edited and sent.
import * as vscode from 'vscode';
import type { Account } from '../../client/models/accountModels';
import { paymentBodyTemplate, type OperationId } from '../../client/catalogue/catalogue';
import { debtorAccountKind, type DebtorAccountKind } from '../../client/catalogue/paymentAccountForms';
import type { Host } from '../../host/host';
import type { BankNode, ConsentNode } from '../../host/treeNodes';

export type AccountItem = Extract<ConsentNode, { kind: 'account' }>;

export class PaymentCommands {
  constructor(private readonly host: Pick<Host, 'directory' | 'prompter' | 'bankSelection'>) {}

  /** Initiate Payment… on an account: that account's bank, with the account as debtor in the body. */
  async initiateFromAccount(node?: AccountItem): Promise<unknown> {
    if (node?.kind !== 'account') return undefined;
    return this.initiateAt(node.consent.bicFi, node.account);
  }

  /** Initiate Payment… on a bank, else at the bank selected in the Banks view, else one found by Find Bank. */
  async initiate(node?: BankNode): Promise<unknown> {
    const bicFi = node?.kind === 'bank' ? node.bank.bicFi : (this.host.bankSelection.selectedBic() ?? (await vscode.commands.executeCommand<string | undefined>('openPayments.banks.find')));
    if (!bicFi) return undefined;
    return this.initiateAt(bicFi, undefined);
  }

  private async initiateAt(bicFi: string, debtor: Account | undefined): Promise<unknown> {
    const details = await this.host.directory.details(bicFi);
    const products = details.ok && details.value.paymentProducts.length ? details.value.paymentProducts : ['domestic'];
    const product =
      products.length === 1
        ? products[0]
        : (await this.host.prompter.pick(products.map((p) => ({ id: p, label: p })), { title: vscode.l10n.t('Payment product at {0}', bicFi) }))?.id;
    if (!product) return undefined;
    const template = paymentBodyTemplate(product, bicFi);
    const debtorAccount = debtor && debtorReference(debtor, debtorAccountKind(bicFi, product));
    return vscode.commands.executeCommand('openPayments.sendRequest', {
      operationId: 'initiatePayment' satisfies OperationId,
      params: { 'payment-service': 'payments', 'payment-product': product, 'X-BicFi': bicFi },
      ...(debtorAccount && typeof template === 'object' && template !== null ? { bodyTemplate: { ...template, debtorAccount } } : {}),
    });
  }
}

/** The account in the form the bank wants for a debtor; none (the template's placeholder) when it lacks that identifier. */
function debtorReference(account: Account, kind: DebtorAccountKind): Record<string, string> | undefined {
  const id = account[kind];
  return id ? { [kind]: id, ...(account.currency ? { currency: account.currency } : {}) } : undefined;
}

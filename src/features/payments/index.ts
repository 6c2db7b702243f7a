// The Payments feature: starting a payment at a bank or from an account. The payments made are listed under
// their bank in the Banks view (from the host's payment records); authorising one is the SCA feature's.
import type * as vscode from 'vscode';
import { registerCommands } from '../../host/commands';
import type { Host } from '../../host/host';
import type { BankNode } from '../../host/treeNodes';
import { type AccountItem, PaymentCommands } from './paymentCommands';

export function register(host: Host): vscode.Disposable {
  const commands = new PaymentCommands(host);
  return registerCommands({
    'openPayments.banks.initiatePayment': (node?: BankNode) => commands.initiate(node),
    'openPayments.accounts.initiatePayment': (node?: AccountItem) => commands.initiateFromAccount(node),
  }, host.activity);
}

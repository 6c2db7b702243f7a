// The request Copy as Code copies for a tree item: the read each item stands for (a bank's details, a
// consent's status, an account's details, balances or transactions, a payment's status), with the item's ids
// filled in through the catalogue's parameter sources, so no operation's parameter names are written here.
import { paramsFromSources } from '../../client/catalogue/catalogue';
import type { ParamSource } from '../../client/catalogue/operationTypes';
import type { RequestDescription } from '../../client/codegen/describedRequest';
import type { BankNode, ConsentNode } from '../../host/treeNodes';

function described(operationId: string, sources: Partial<Record<ParamSource, string>>, extra: Record<string, string> = {}, rest: Partial<RequestDescription> = {}): RequestDescription {
  return { operationId, params: { ...paramsFromSources(sources), ...extra }, ...rest };
}

/** Undefined for items no single request stands for (countries, groups, messages). */
export function requestForNode(node: BankNode | ConsentNode): RequestDescription | undefined {
  switch (node.kind) {
    case 'bank':
      return described('getASPSPDetails', { bicFi: node.bank.bicFi });
    case 'payment': {
      const p = node.payment;
      return described('getPaymentInitiationStatus', { bicFi: p.bicFi, paymentId: p.paymentId, paymentProduct: p.paymentProduct, paymentService: p.paymentService }, {}, { environmentId: p.environmentId });
    }
    case 'consent':
      return described('getConsentStatus', { bicFi: node.consent.bicFi, consentId: node.consent.consentId }, {}, { context: node.consent.context, environmentId: node.consent.environmentId });
    case 'account':
    case 'balances':
    case 'transactions': {
      const { consent, account } = node;
      const sources = { bicFi: consent.bicFi, consentId: consent.consentId, accountId: account.resourceId };
      const rest = { context: consent.context, environmentId: consent.environmentId };
      if (node.kind === 'account') return described('readAccountDetails', sources, {}, rest);
      if (node.kind === 'balances') return described('getBalances', sources, {}, rest);
      const period = { bookingStatus: 'both', dateFrom: node.period.dateFrom, ...(node.period.dateTo ? { dateTo: node.period.dateTo } : {}) };
      return described('getTransactionList', sources, period, rest);
    }
    default:
      return undefined;
  }
}

const NODE_KINDS = new Set(['country', 'bank', 'detail', 'payments', 'payment', 'error', 'retry', 'empty', 'consent', 'account', 'balances', 'transactions', 'transactionGroup', 'more', 'leaf', 'message']);

/** A tree node from the Banks or Consents & Accounts view (their nodes are plain objects with a kind). */
export function isTreeNode(value: unknown): value is BankNode | ConsentNode {
  return typeof value === 'object' && value !== null && NODE_KINDS.has(String((value as { kind?: unknown }).kind));
}

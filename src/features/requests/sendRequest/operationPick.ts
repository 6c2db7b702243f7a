// The operation quick pick: every catalogue operation, grouped by product, with method and path.
import * as vscode from 'vscode';
import { OPERATIONS, type Operation } from '../../../client/catalogue/catalogue';

export interface OperationItem extends vscode.QuickPickItem {
  readonly operation?: Operation;
  /** Catalogue id, so scripted answers and tests can name an item. */
  readonly id?: string;
}

export function operationItems(): OperationItem[] {
  const items: OperationItem[] = [];
  let group: string | undefined;
  for (const operation of OPERATIONS) {
    if (operation.group !== group) {
      group = operation.group;
      items.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      id: operation.id,
      operation,
      label: operation.title,
      description: `${operation.method} ${operation.path}`,
      detail: operation.supportedByPlatform ? undefined : vscode.l10n.t('Not supported by any ASPSP on the platform; it answers with an error.'),
    });
  }
  return items;
}

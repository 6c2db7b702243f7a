// Until a view has content of its own it stays empty, which makes VS Code show its viewsWelcome text.
import type * as vscode from 'vscode';

export class EmptyTreeProvider implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }

  getChildren(): never[] {
    return [];
  }
}

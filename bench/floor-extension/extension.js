// A bench fixture, not part of the product: a welcome button whose command sets one context key and fills a
// tree with two rows it already holds. What a click on it costs is what the workbench itself costs, with no
// request, no storage and no other view: the floor under any extension's "click to a visible result".
const vscode = require('vscode');

module.exports.activate = (context) => {
  let filled = false;
  const changed = new vscode.EventEmitter();
  const rows = {
    onDidChangeTreeData: changed.event,
    getTreeItem: (label) => new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed),
    getChildren: (parent) => (parent || !filled ? [] : ['Sweden', 'Finland']),
  };
  context.subscriptions.push(
    changed,
    vscode.window.createTreeView('workbenchFloor.rows', { treeDataProvider: rows }),
    vscode.commands.registerCommand('workbenchFloor.fill', () => {
      filled = true;
      void vscode.commands.executeCommand('setContext', 'workbenchFloor.filled', true);
      changed.fire(undefined);
    }),
  );
};

// activate() only wires objects and registers disposables: anything that does work at start-up belongs to the
// object that owns it, where its unit tests can reach it. Checked on the syntax of src/extension.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** `vscode.window.createTreeView(…)` and the like: constructors VS Code spells as functions. */
function isVscodeFactory(node: ts.Expression): boolean {
  return ts.isCallExpression(node) && /^vscode\.window\.create[A-Z]\w*$/.test(node.expression.getText());
}

/** What a statement of activate() does that is not wiring, or undefined when it only wires. */
function notWiring(statement: ts.Statement): string | undefined {
  if (ts.isVariableStatement(statement)) {
    const bad = statement.declarationList.declarations.find(
      (d) => !d.initializer || !(ts.isNewExpression(d.initializer) || isVscodeFactory(d.initializer)),
    );
    return bad ? `const ${bad.name.getText()} is not a new object` : undefined;
  }
  if (ts.isExpressionStatement(statement)) {
    return statement.expression.getText().startsWith('context.subscriptions.push(') ? undefined : statement.getText();
  }
  if (ts.isReturnStatement(statement)) return undefined;
  // The one branch allowed hands the extension-host tests their handle; it may only return.
  if (ts.isIfStatement(statement) && !statement.elseStatement) {
    const body = ts.isBlock(statement.thenStatement) ? statement.thenStatement.statements : [statement.thenStatement];
    return body.every(ts.isReturnStatement) ? undefined : statement.getText();
  }
  return statement.getText();
}

function activateStatements(source: string): readonly ts.Statement[] {
  const file = ts.createSourceFile('extension.ts', source, ts.ScriptTarget.Latest, true);
  const activate = file.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === 'activate');
  assert.ok(activate?.body, 'src/extension.ts declares function activate()');
  return activate.body.statements;
}

describe('activate()', () => {
  it('only constructs objects, pushes them to context.subscriptions and returns', () => {
    const offenders = activateStatements(readFileSync('src/extension.ts', 'utf8')).map(notWiring).filter(Boolean);
    assert.deepEqual(offenders, []);
  });

  it('is caught doing start-up work itself', () => {
    const source = `export function activate(context) {
      const environment = new ActiveEnvironment();
      const n = environment.count;
      context.subscriptions.push(environment);
      void environment.refresh();
      if (test) { environment.refresh(); return environment; }
      return undefined;
    }`;
    assert.equal(activateStatements(source).map(notWiring).filter(Boolean).length, 3);
  });
});

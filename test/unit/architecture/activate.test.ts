// activate() only creates the host, lets each feature register itself on it, hands what they return to
// context.subscriptions, and in test mode returns the test handle built from what it already has. Anything that
// does work at start-up belongs to the object (or the feature's register) that owns it, where its unit tests can
// reach it. Checked on the syntax of src/extension.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** `host.prompter`, `banksFeature.tree`, `context.logUri`: a value read, nothing called. */
function isReading(node: ts.Expression): boolean {
  return ts.isIdentifier(node) || (ts.isPropertyAccessExpression(node) && isReading(node.expression));
}

/** `new Host(context)`, the one object activate() creates. */
function isHost(node: ts.Expression): boolean {
  return ts.isNewExpression(node) && node.expression.getText() === 'Host' && node.arguments?.length === 1 && node.arguments[0]?.getText() === 'context';
}

/** `banks.register(host)`: a feature's registration, given the host and nothing else. */
function isRegistration(node: ts.Expression, host: string | undefined): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.name.text === 'register' &&
    node.arguments.length === 1 &&
    node.arguments[0]?.getText() === host
  );
}

/** The test handle: an object literal of values read from the host, the registrations and the context. */
function isTestHandle(node: ts.Expression | undefined): boolean {
  if (!node || !ts.isObjectLiteralExpression(node)) return false;
  return node.properties.every((p) => (ts.isPropertyAssignment(p) && isReading(p.initializer)) || ts.isShorthandPropertyAssignment(p));
}

/** What the statements of activate() do that is not that wiring; empty when they only wire. */
function notWiring(statements: readonly ts.Statement[]): string[] {
  const offenders: string[] = [];
  let host: string | undefined;
  for (const statement of statements) {
    if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      const [d] = statement.declarationList.declarations;
      if (d?.initializer && host === undefined && isHost(d.initializer)) {
        host = d.name.getText();
        continue;
      }
      if (d?.initializer && isRegistration(d.initializer, host)) continue;
    } else if (ts.isExpressionStatement(statement)) {
      const e = statement.expression;
      if (ts.isCallExpression(e) && e.expression.getText() === 'context.subscriptions.push' && e.arguments.every(ts.isIdentifier)) continue;
    } else if (ts.isReturnStatement(statement)) {
      if (statement.expression?.getText() === 'undefined') continue;
    } else if (ts.isIfStatement(statement) && !statement.elseStatement) {
      // The one branch allowed hands the extension-host tests their handle.
      const body = ts.isBlock(statement.thenStatement) ? statement.thenStatement.statements : [statement.thenStatement];
      if (body.length === 1 && ts.isReturnStatement(body[0]!) && isTestHandle(body[0].expression)) continue;
    }
    offenders.push(statement.getText().split('\n')[0] ?? '');
  }
  if (host === undefined) offenders.push('no `new Host(context)`');
  return offenders;
}

function activateStatements(source: string): readonly ts.Statement[] {
  const file = ts.createSourceFile('extension.ts', source, ts.ScriptTarget.Latest, true);
  const activate = file.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === 'activate');
  assert.ok(activate?.body, 'src/extension.ts declares function activate()');
  return activate.body.statements;
}

describe('activate()', () => {
  it('only creates the host, calls the features\' registrations, pushes them to context.subscriptions and returns the test handle', () => {
    assert.deepEqual(notWiring(activateStatements(readFileSync('src/extension.ts', 'utf8'))), []);
  });

  it('is caught building objects, doing start-up work or computing the test handle itself', () => {
    const source = `export function activate(context) {
      const host = new Host(context);
      const tree = new BanksTreeProvider(host.directory);
      const banksFeature = banks.register(host, tree);
      const setupFeature = setup.register(host);
      void host.environment.refresh();
      context.subscriptions.push(host, setupFeature, host.runner.onDidExchange(() => undefined));
      if (test) { return { banks: banksFeature.tree, count: host.history.entries().length }; }
      return host;
    }`;
    assert.deepEqual(notWiring(activateStatements(source)), [
      'const tree = new BanksTreeProvider(host.directory);',
      'const banksFeature = banks.register(host, tree);',
      'void host.environment.refresh();',
      'context.subscriptions.push(host, setupFeature, host.runner.onDidExchange(() => undefined));',
      'if (test) { return { banks: banksFeature.tree, count: host.history.entries().length }; }',
      'return host;',
    ]);
  });

  it('is caught without the host', () => {
    assert.deepEqual(notWiring(activateStatements('export function activate(context) { return undefined; }')), ['no `new Host(context)`']);
  });
});

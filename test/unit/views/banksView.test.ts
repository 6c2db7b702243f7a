// The Banks view as a person meets it (fake VS Code, real sandbox): nothing but the welcome without
// credentials, errors readable in the tree with a Retry row, and a bank's BIC visible beside a long name.
import assert from 'node:assert/strict';
import type { BankNode } from '../../../src/host/treeNodes';
import { eventually } from '../fakes/activate';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, type TreeItem } from '../fakes/vscode';
import { requestMark } from '../../support/sandboxAdmin';

const SECRET = 'banks-view-secret-7c1d';

describe('the Banks view (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('banks-view-client', SECRET);

  it('lists nothing without credentials, so the welcome shows instead of an error, and loads once they are set', async () => {
    const { ext, sandbox } = current();
    const { banks, credentials, environment } = ext.api;
    await credentials.clear('custom');
    await eventually(() => assert.equal(environment.state.hasCredentials, false));
    assert.equal(fake.context.get('openPayments.hasCredentials'), false, 'the welcome\'s when clause holds');
    const before = await requestMark(sandbox.apiHost);
    assert.deepEqual(await banks.getChildren(), []);
    assert.equal(await requestMark(sandbox.apiHost), before, 'nothing was requested');

    let reloads = 0;
    banks.onDidChangeTreeData(() => reloads++);
    await credentials.set('custom', { clientId: 'banks-view-client', clientSecret: SECRET });
    await eventually(() => assert.ok(reloads > 0, 'the tree reloads when credentials are set'));
    const countries = await banks.getChildren();
    assert.deepEqual(countries.map((node) => banks.getTreeItem(node).label), ['Finland', 'Sweden']);
  });

  it('shows an error as rows: what failed, the rest of the message, then Retry, each readable without hovering', async () => {
    const { ext, sandbox } = current();
    const { banks } = ext.api;
    await fetch(`${sandbox.apiHost}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ kind: 'malformed-json', operations: ['getCountriesList'], times: 1 }]) });
    const [error] = await banks.getChildren();
    assert.equal(error?.kind, 'error');
    const item = banks.getTreeItem(error) as unknown as TreeItem;
    assert.equal(item.label, 'Get Country List answered HTTP 200 with a body that is not JSON.');
    assert.equal(item.collapsibleState, 2, 'expanded, so the rest shows at once');
    assert.equal(item.command?.command, 'openPayments.banks.refresh', 'selecting the error retries');
    assert.match(String(item.tooltip), /not JSON\. X-Request-ID: [0-9a-f-]{36}\.\nSelect to retry\.$/);

    const rows = (await banks.getChildren(error)).map((node) => banks.getTreeItem(node));
    assert.equal(rows.length, 2);
    assert.match(String(rows[0]?.label), /^X-Request-ID: [0-9a-f-]{36}\.$/);
    assert.equal(rows[1]?.label, 'Retry');
    assert.equal(rows[1]?.command?.command, 'openPayments.banks.refresh');
    assert.deepEqual((await banks.getChildren(error)).map((node) => banks.getParent(node)), [error, error]);

    // The fault was for one request: Retry loads the countries.
    await commands.executeCommand(String(rows[1]?.command?.command));
    assert.deepEqual((await banks.getChildren()).map((node) => banks.getTreeItem(node).label), ['Finland', 'Sweden']);
  });

  it('keeps the BIC visible beside a long bank name, which the tooltip has in full', async () => {
    const { banks } = current().ext.api;
    const country: BankNode = { kind: 'country', id: 'country:SE', country: { isoCountryCode: 'SE', name: 'Sweden' } };
    const name = 'Skandinaviska Enskilda Banken AB (publ) Stockholm Branch';
    const item = banks.getTreeItem({ kind: 'bank', id: 'bank:SE:ESSESESS', bank: { bicFi: 'ESSESESS', name }, parent: country });
    assert.equal(item.label, 'Skandinaviska Enskilda Bank…');
    assert.equal(item.description, 'ESSESESS');
    assert.equal(item.tooltip, `${name} (BIC ESSESESS)`);
    const short = banks.getTreeItem({ kind: 'bank', id: 'bank:SE:HANDSESS', bank: { bicFi: 'HANDSESS', name: 'Handelsbanken' }, parent: country });
    assert.equal(short.label, 'Handelsbanken');
  });
});

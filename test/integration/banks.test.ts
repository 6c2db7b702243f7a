import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BankNode } from '../../src/views/banksTree';
import { eventually, extensionApi, SANDBOX_API_HOST as API_HOST, useSandboxEnvironment, withPrompter } from './support';

describe('the Banks view against the local sandbox', function () {
  this.timeout(60_000);
  const config = () => vscode.workspace.getConfiguration('openPayments');

  useSandboxEnvironment();

  it('lists countries, then the banks of a country, then a bank\'s details', async () => {
    const { banks } = await extensionApi();
    const countries = await banks.getChildren();
    const labels = countries.map((node) => banks.getTreeItem(node).label);
    assert.deepEqual(labels, ['Finland', 'Sweden']);
    const sweden = countries.find((node) => node.kind === 'country' && node.country.isoCountryCode === 'SE') as BankNode;
    const swedish = await banks.getChildren(sweden);
    const bics = swedish.map((node) => banks.getTreeItem(node).description);
    for (const bic of ['ESSESESS', 'HANDSESS', 'NDEASESS', 'SWEDSESS', 'DABASESX']) assert.ok(bics.includes(bic), `${bic} is listed`);
    const swedbank = swedish.find((node) => node.kind === 'bank' && node.bank.bicFi === 'SWEDSESS') as BankNode;
    const details = await banks.getChildren(swedbank);
    const byLabel = new Map(details.map((node) => [String(banks.getTreeItem(node).label), banks.getTreeItem(node)]));
    assert.equal(byLabel.get('Payment products')?.description, 'domestic, international, swedish-giro');
    assert.match(String(byLabel.get('Authorisation methods')?.description), /OAuth2, Decoupled/);
    const affiliated = details.find((node) => banks.getTreeItem(node).label === 'Affiliated ASPSPs') as BankNode;
    const savings = await banks.getChildren(affiliated);
    assert.ok(savings.some((node) => banks.getTreeItem(node).description === '08114'));
  });

  it('Find Bank searches all banks by BIC and reveals the one picked, asking only the picked bank where it lives', async () => {
    const api = await extensionApi();
    const logged = async (): Promise<string[]> =>
      ((await (await fetch(`${API_HOST}/__sandbox/requests`)).json()) as { requests: { path: string }[] }).requests.map((r) => r.path);
    await vscode.commands.executeCommand('openPayments.banks.refresh');
    const before = (await logged()).length;
    let offered = 0;
    const found = await withPrompter(
      api,
      [
        (items) => {
          offered = items.length;
          return items.find((item) => item.description === 'OKOYFIHH');
        },
      ],
      () => vscode.commands.executeCommand<string>('openPayments.banks.find'),
    );
    assert.equal(found, 'OKOYFIHH');
    assert.equal(offered, 7, 'every sandbox bank is offered');
    const made = (await logged()).slice(before);
    // No list per country before the picker (with thousands of banks in dozens of countries it must open at once):
    // the list of all banks, then the picked bank's details and its country's list to reveal it.
    const lists = made.filter((p) => p === '/psd2/aspspinformation/v1/aspsps');
    assert.equal(lists.length, 2, `bank lists requested: ${made.join(', ')}`);
    assert.ok(made.includes('/psd2/aspspinformation/v1/aspsps/OKOYFIHH'), 'the picked bank is asked where it lives');
    // Revealing it loaded its country's banks into the tree.
    const finland = (await api.banks.getChildren()).find((n) => n.kind === 'country' && n.country.isoCountryCode === 'FI');
    assert.ok(finland);
    assert.ok((await api.banks.getChildren(finland)).some((n) => n.kind === 'bank' && n.bank.bicFi === 'OKOYFIHH'));
  });

  it('shows an error item with a retry instead of an empty tree when the API host is down', async () => {
    const api = await extensionApi();
    await config().update('apiHost', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    await eventually(() => assert.ok(api.environment.state.resolution.ok && api.environment.state.resolution.environment.apiHost.endsWith(':9')));
    await vscode.commands.executeCommand('openPayments.banks.refresh');
    const [node] = await api.banks.getChildren();
    assert.ok(node);
    const item = api.banks.getTreeItem(node);
    assert.equal(node.kind, 'error');
    assert.match(String(item.description), /connection was refused.*X-Request-ID: [0-9a-f-]{36}\./);
    assert.equal(item.command?.command, 'openPayments.banks.refresh');
    await config().update('apiHost', API_HOST, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('openPayments.banks.refresh');
    await eventually(async () => assert.equal((await api.banks.getChildren())[0]?.kind, 'country'));
  });
});

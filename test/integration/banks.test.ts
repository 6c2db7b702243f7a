import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as vscode from 'vscode';
import type { BankNode } from '../../src/host/treeNodes';
import { requestsSince } from '../support/sandboxAdmin';
import { eventually, extensionApi, requestMark, RUN_SECRET, SANDBOX_API_HOST as API_HOST, useSandboxEnvironment, withPrompter } from './support';

describe('the Banks view against the local sandbox', function () {
  this.timeout(90_000);
  const config = () => vscode.workspace.getConfiguration('openPayments');

  useSandboxEnvironment();

  // The MCP server as agent mode meets it (VS Code 1.101 and later): offered by the extension, started with the
  // environment's hosts and credentials, answering with the same banks. Here, where the suite already points at the sandbox.
  it('offers agent mode the MCP server: a definition that starts dist/mcp.js for the active environment, whose findBanks answers from the sandbox (VS Code 1.101+: skipped on 1.100, whose MCP API is only a proposal)', async function () {
    if (Number(vscode.version.split('.')[1]) < 101) this.skip();
    const { mcpServers } = await extensionApi();
    assert.ok(mcpServers, 'the provider is registered where VS Code has the API');
    const definitions = mcpServers.provideMcpServerDefinitions();
    assert.equal(definitions.length, 1);
    const listed = definitions[0]!;
    assert.ok(!JSON.stringify(listed).includes(RUN_SECRET), 'no secret in the listed definition');
    const server = await mcpServers.resolveMcpServerDefinition(listed);
    assert.deepEqual(server.args, [mcpServers.serverFile]);
    const child = spawn(server.command, [...server.args], { env: { PATH: process.env.PATH ?? '', ...server.env } as NodeJS.ProcessEnv, stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const answers = jsonRpcAnswers(child.stdout);
      const send = (message: object): void => void child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
      send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'it', version: '1' } } });
      await answers(1);
      send({ method: 'notifications/initialized' });
      send({ id: 2, method: 'tools/call', params: { name: 'findBanks', arguments: { bic: 'SWEDSESS' } } });
      const found = (await answers(2)) as { result: { structuredContent: { banks: { bicFi: string }[] } } };
      assert.deepEqual(found.result.structuredContent.banks.map((b) => b.bicFi), ['SWEDSESS']);
      assert.match(stderr, /ready: Custom Hosts/);
      assert.ok(!stderr.includes(RUN_SECRET));
    } finally {
      child.kill();
    }
  });

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

  it('lists nothing without credentials, so the view shows its welcome, and loads once they are set', async () => {
    const api = await extensionApi();
    let reloads = 0;
    const listening = api.banks.onDidChangeTreeData(() => reloads++);
    try {
      await api.credentials.clear('custom');
      await eventually(() => assert.equal(api.environment.state.hasCredentials, false));
      const before = await requestMark();
      assert.deepEqual(await api.banks.getChildren(), [], 'no error item hides the welcome');
      assert.equal(await requestMark(), before, 'nothing was requested');
      reloads = 0;
      await api.credentials.set('custom', { clientId: 'it-client', clientSecret: RUN_SECRET });
      await eventually(() => assert.ok(reloads > 0, 'the tree reloads when credentials are set'));
      assert.deepEqual((await api.banks.getChildren()).map((node) => api.banks.getTreeItem(node).label), ['Finland', 'Sweden']);
    } finally {
      listening.dispose();
      if (!(await api.credentials.has('custom'))) await api.credentials.set('custom', { clientId: 'it-client', clientSecret: RUN_SECRET });
    }
  });

  it('Create Consent from the Command Palette asks for the bank, offering the one selected in the Banks view first', async () => {
    const api = await extensionApi();
    // Find Bank reveals and selects the bank in the tree, as a click would.
    await withPrompter(api, [(items) => items.find((item) => item.description === 'OKOYFIHH')], () => vscode.commands.executeCommand('openPayments.banks.find'));
    for (const command of ['openPayments.consents.create', 'openPayments.banks.createConsent']) {
      const before = await requestMark();
      let offered: readonly vscode.QuickPickItem[] = [];
      const prompter = await withPrompter(api, [(items) => ((offered = items), undefined)], async (p) => {
        await vscode.commands.executeCommand(command);
        return p;
      });
      assert.equal((prompter.asked[0]?.options as { title?: string }).title, 'Create Consent: bank', `${command} asks for the bank`);
      assert.equal((offered[0] as { id?: string }).id, 'OKOYFIHH', `${command} offers the selected bank first`);
      assert.match(String(offered[0]?.description), /selected in the Banks view/);
      assert.equal(offered.length, 7, 'every bank is offered');
      assert.deepEqual((await requestsSince(API_HOST ?? '', before)).filter((r) => r.method === 'POST'), [], 'Escape created nothing');
    }
    // From a bank's own item, that bank is used without asking.
    const sweden = (await api.banks.getChildren()).find((node) => node.kind === 'country' && node.country.isoCountryCode === 'SE');
    assert.ok(sweden);
    const seb = (await api.banks.getChildren(sweden)).find((node) => node.kind === 'bank' && node.bank.bicFi === 'ESSESESS');
    const prompter = await withPrompter(api, [undefined], async (p) => {
      await vscode.commands.executeCommand('openPayments.banks.createConsent', seb);
      return p;
    });
    assert.equal((prompter.asked[0]?.options as { title?: string }).title, 'Create Consent at ESSESESS (1/3): accounts');
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
    // Readable without hovering: what failed is the row, the rest of the message rows under it, then Retry.
    assert.equal(item.label, 'Get Country List failed: the connection was refused.');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(item.command?.command, 'openPayments.banks.refresh');
    const rows = (await api.banks.getChildren(node)).map((child) => api.banks.getTreeItem(child));
    assert.deepEqual(rows.slice(0, -1).map((row) => row.label), ['Is the server (or the local sandbox) running?', rows[1]?.label]);
    assert.match(String(rows[1]?.label), /^X-Request-ID: [0-9a-f-]{36}\.$/);
    assert.equal(rows.at(-1)?.label, 'Retry');
    assert.equal(rows.at(-1)?.command?.command, 'openPayments.banks.refresh');
    await config().update('apiHost', API_HOST, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('openPayments.banks.refresh');
    await eventually(async () => assert.equal((await api.banks.getChildren())[0]?.kind, 'country'));
  });
});

/** Reads newline-delimited JSON-RPC answers from the server's stdout; answers(id) waits for that id's. */
function jsonRpcAnswers(stdout: NodeJS.ReadableStream): (id: number) => Promise<unknown> {
  const seen = new Map<number, unknown>();
  const waiting = new Map<number, (value: unknown) => void>();
  let buffered = '';
  stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const message = JSON.parse(buffered.slice(0, end)) as { id?: number };
      buffered = buffered.slice(end + 1);
      if (typeof message.id !== 'number') continue;
      seen.set(message.id, message);
      waiting.get(message.id)?.(message);
    }
  });
  return (id) => (seen.has(id) ? Promise.resolve(seen.get(id)) : new Promise((resolve) => waiting.set(id, resolve)));
}

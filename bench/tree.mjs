// The Banks tree with thousands of banks: time to expand one country among 3,000 generated banks (the real
// extension, activated in the unit tests' fake VS Code, through its runner, token cache, masking and tree
// provider), against a bare undici fetch + JSON.parse of the same list from the same sandbox.
// Usage: node bench/tree.mjs [runs=15]
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { loadSource } from './lib/loadSource.mjs';
import { request } from 'undici';
import { median } from './lib/stats.mjs';
import { ms, table } from './lib/table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 15);
const CLIENT = { clientId: 'bench-tree', clientSecret: 'bench-tree-secret' };

function loadHarness() {
  return loadSource(
    root,
    'tree-harness',
    [
      "export { activateExtension } from './test/unit/fakes/activate.ts';",
      "export { commands, fake } from './test/unit/fakes/vscode.ts';",
      "export { start } from './sandbox/index.ts';",
    ],
    { alias: { vscode: path.join(root, 'test/unit/fakes/vscode.ts') } },
  );
}

async function main() {
  const { activateExtension, commands, fake, start } = await loadHarness();
  const sandbox = await start({ banks: 3000, clients: [{ ...CLIENT, redirectUris: ['http://127.0.0.1:53682/callback'], products: ['aspspinformation'] }] });
  const ext = await activateExtension();
  try {
    fake.settings.set('openPayments.environment', { global: 'custom' });
    fake.settings.set('openPayments.authHost', { global: sandbox.authHost });
    fake.settings.set('openPayments.apiHost', { global: sandbox.apiHost });
    await ext.api.credentials.set('custom', CLIENT);
    await ext.api.environment.refresh();
    const { banks } = ext.api;

    const countries = await banks.getChildren();
    const sizes = [];
    for (const node of countries) if (node.kind === 'country') sizes.push({ node, count: (await banks.getChildren(node)).length });
    const biggest = sizes.sort((a, b) => b.count - a.count)[0];
    const code = biggest.node.country.isoCountryCode;
    const rawToken = await fetchToken(sandbox);

    const rawList = async (query) => {
      const response = await request(`${sandbox.apiHost}/psd2/aspspinformation/v1/aspsps${query}`, {
        headers: { authorization: `Bearer ${rawToken}`, 'x-request-id': randomUUID() },
      });
      return JSON.parse(await response.body.text()).aspsps.length;
    };
    // Each run starts from a refreshed tree (nothing cached), as after Refresh; only the expansion is timed.
    const expand = async () => {
      await commands.executeCommand('openPayments.banks.refresh');
      const fresh = (await banks.getChildren()).find((n) => n.kind === 'country' && n.country.isoCountryCode === code);
      const began = performance.now();
      const count = (await banks.getChildren(fresh)).length;
      return { count, ms: performance.now() - began };
    };

    const raw = [];
    const tree = [];
    for (let i = 0; i < runs; i++) {
      const began = performance.now();
      const count = await rawList(`?isoCountryCodes=${code}`);
      raw.push(performance.now() - began);
      const expanded = await expand();
      if (expanded.count !== count) throw new Error(`the tree shows ${expanded.count} banks, the API lists ${count}`);
      tree.push(expanded.ms);
    }
    const rows = [[`expand ${biggest.node.country.name} (${biggest.count} banks)`, ms(median(raw)), ms(median(tree)), (median(tree) / median(raw)).toFixed(2)]];
    console.log(`Banks tree with 3,000 generated banks in ${countries.length} countries, median of ${runs} (node ${process.version})\n`);
    console.log(table(['what', 'raw fetch + parse', 'tree (runner + provider)', 'ratio'], rows));
  } finally {
    ext.dispose();
    await sandbox.close();
  }
}

async function fetchToken(sandbox) {
  const response = await request(`${sandbox.authHost}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'aspspinformation private', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }).toString(),
  });
  return JSON.parse(await response.body.text()).access_token;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

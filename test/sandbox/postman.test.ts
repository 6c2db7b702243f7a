// Every non-interactive request of the official Postman collection, with the sandbox environment file's
// variables (hosts and client replaced by the local sandbox's), against several sandbox banks. The two
// interactive requests per folder ("Get … OAuth start URL") are opened by a scripted browser so the
// "Activate OAuth … authorisation" requests can run with a real code.
import assert from 'node:assert/strict';
import { makeIban } from '../../sandbox/data/accounts';
import { Browser } from './helpers/browser';
import { useSandbox, type Response } from './helpers/client';
import { loginFor } from './helpers/flows';
import { validateResponse, validateResponseHeaders } from './helpers/oas';
import { flatten, PostmanRunner, type FlatItem, type PostmanCollection, type PostmanEnvironment } from './helpers/postman';
import { COLLECTION_FILE, hasReference, loadJson, OAS_FILE, requireReference, SANDBOX_ENV_FILE } from './helpers/reference';
import { OPERATIONS } from '../../src/client/catalogue/catalogue';

/** Banks to run the collection against, with the account the "Create Consent - With Accounts" request names. */
const RUNS = [
  { bic: 'ESSESESS', consentIban: 'SE3750000000054400047881' },
  { bic: 'NDEASESS', consentIban: makeIban('SE', '41351300039') },
  // Bank code 600 (clearing 6000) and the account number padded to 17 digits, as Swedish IBANs are built.
  { bic: 'HANDSESS', consentIban: makeIban('SE', '60000000000403333911') },
] as const;

/** The status each request is documented to get (reference §4, §7.2). */
function expectedStatus(item: FlatItem, bic: string): number {
  const name = item.name;
  if (name === 'Cancel Payment Initiation') return 405; // "Not supported by ASPSP" for every bank (§4.5.3)
  if (name === 'Get Transaction Details' && bic !== 'ESSESESS') return 400; // only SEB offers details (§7.2)
  if (name === 'Get Payment Initiation' && bic === 'HANDSESS') return 405; // "Get Payment not supported" (§7.2)
  if (name === 'Delete Consent') return 204;
  if (name.startsWith('Create') || name.startsWith('Start')) return 201;
  return 200;
}

/** Matches a Postman request to its catalogue operation by method and path, for the OAS check. */
function operationOf(item: FlatItem, url: string) {
  const path = new URL(url).pathname;
  return OPERATIONS.find((op) => {
    if (op.method !== item.request.method.toUpperCase()) return false;
    const pattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return pattern.test(path);
  });
}

describe('official Postman collection against the sandbox', function () {
  this.timeout(30_000);
  const ran = new Map<string, string[]>();
  /** Requests a run did not send, with why: "<BIC>: <reason>" per request id. */
  const skipped = new Map<string, string[]>();
  let collectionSize = 0;

  before(function () {
    requireReference(this, COLLECTION_FILE, SANDBOX_ENV_FILE);
  });
  const demo = useSandbox();
  after(() => {
    if (ran.size === 0) return;
    console.log(`\n  Postman requests run: ${ran.size} of ${collectionSize} (status per bank; the OAuth start URLs opened by a scripted browser)`);
    for (const [id, statuses] of ran) console.log(`    ${id}: ${statuses.join(' ')}`);
    console.log(`  Postman requests skipped for a bank: ${[...skipped.values()].flat().length}`);
    for (const [id, reasons] of skipped) for (const reason of reasons) console.log(`    ${id} for ${reason}`);
  });

  for (const run of RUNS) {
    it(`runs every request of the collection for ${run.bic} with the documented statuses`, async () => {
      const collection = loadJson<PostmanCollection>(COLLECTION_FILE);
      const environment = loadJson<PostmanEnvironment>(SANDBOX_ENV_FILE);
      const runner = new PostmanRunner(environment, {
        authHost: new URL(demo.sandbox.authHost).host,
        apiHost: new URL(demo.sandbox.apiHost).host,
        clientId: demo.sandbox.client.clientId,
        clientSecret: demo.sandbox.client.clientSecret,
        redirectUri: demo.sandbox.client.redirectUri,
        // Left empty in the environment file for the user to fill:
        responseType: 'code',
        state: `postman-${run.bic}`,
        consentIban: run.consentIban,
        consentCurrency: 'SEK',
        creditorAgent: 'ESSESESS',
        creditorAddressStreet: 'Kungsgatan',
        creditorAddressBuildingNumber: '1',
        creditorAddressCity: 'Stockholm',
        creditorAddressPostalCode: '111 43',
        creditorAddressCountry: 'SE',
      });
      const items = flatten(collection.item);
      collectionSize = items.length;
      const interactive = items.filter((i) => i.folder.endsWith('OAuth/authorization_code'));
      const byName = (name: string) => items.find((i) => i.name === name)!;
      // Deleting the consent right after creating it (collection order) would leave nothing to authorise: run it last.
      const plan = [...items.filter((i) => !interactive.includes(i) && i.name !== 'Delete Consent'), byName('Delete Consent')];

      const handled = new Set<string>();
      const skip = (item: FlatItem, reason: string) => {
        handled.add(item.id);
        skipped.set(item.id, [...(skipped.get(item.id) ?? []), `${run.bic}: ${reason}`]);
      };
      const record = (item: FlatItem, res: Response, expected: number) => {
        handled.add(item.id);
        const statuses = ran.get(item.id) ?? [];
        statuses.push(`${run.bic}:${res.status}`);
        ran.set(item.id, statuses);
        assert.equal(res.status, expected, `${item.id} for ${run.bic}: ${res.status} ${res.text.slice(0, 300)}`);
      };
      const send = async (item: FlatItem, expected = expectedStatus(item, run.bic)) => {
        const url = runner.url(item);
        const res = await runner.send(item);
        record(item, res, expected);
        const op = operationOf(item, url);
        if (op && hasReference(OAS_FILE)) {
          validateResponseHeaders(op.id, op.method, op.path, res.status, res.headers);
          if (res.text) validateResponse(op.id, op.method, op.path, res.status, res.json);
        }
        if (op) assert.ok(res.headers.get('x-request-id'), `${item.id}: X-Request-ID is echoed`);
        return res;
      };

      /** After Update PSU Data: the browser part of redirect SCA, then the collection's Activate request. */
      const completeSca = async (updated: Response, folder: string, codeVar: string) => {
        const start = interactive.find((i) => i.folder.startsWith(folder) && i.request.method === 'GET')!;
        const activateItem = interactive.find((i) => i.folder.startsWith(folder) && i.request.method === 'POST')!;
        if (!updated.json['_links']?.['scaOAuth']) {
          const approach = updated.headers.get('aspsp-sca-approach');
          const reason = `the bank answered ASPSP-SCA-Approach ${approach} without _links.scaOAuth, so there is no OAuth login to open or code to activate`;
          skip(start, reason);
          skip(activateItem, reason);
        } else {
          const browser = new Browser(demo.sandbox.client.redirectUri);
          const { callback } = await browser.authorise(runner.url(start), { ...loginFor(run.bic), decision: 'approve' });
          assert.equal(callback.searchParams.get('state'), `postman-${run.bic}`);
          record(start, { status: 302, headers: new Headers(), text: '', json: {} }, 302);
          runner.vars.set(codeVar, callback.searchParams.get('code') ?? '');
          await send(activateItem, 200);
        }
      };

      for (const item of plan) {
        const res = await send(item);
        if (item.name === 'Get ASPSP List') runner.vars.set('bicFi', run.bic);
        if (item.name === 'Update PSU Data for Consent') {
          await completeSca(res, 'Consent Service', 'accountInformationCode');
          assert.equal((await send(byName('Get Consent Authorisation SCA Status'))).json['scaStatus'], 'finalised');
          assert.equal((await send(byName('Get Consent Status'))).json['consentStatus'], 'valid');
        }
        if (item.name === 'Update PSU Data for Payment Initiation') {
          await completeSca(res, 'Payment Initiation Service', 'paymentInitiationCode');
          assert.equal((await send(byName('Get Payment Initiation Authorisation SCA Status'))).json['scaStatus'], 'finalised');
          assert.notEqual((await send(byName('Get Payment Initiation Status'))).json['transactionStatus'], 'RJCT');
        }
      }
      const unaccounted = items.filter((i) => !handled.has(i.id)).map((i) => i.id);
      assert.deepEqual(unaccounted, [], 'every request of the collection either ran or was skipped with a reason');
    });
  }
});

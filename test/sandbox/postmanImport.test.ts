// The request files Import Postman Collection… writes from the official collection and the sandbox environment,
// sent against the sandbox in the collection's flow order: each file top to bottom, every block read and matched
// as the lens reads it (parseHttpFile + matchBlock, with the newest consent and payment for {{consentId}} and
// {{paymentId}}, as the send command supplies them). The test plays the user: it defines at the top of each file
// the variables the import lists as having no value (the ones Postman's scripts set from responses), and, HANDSESS
// being a decoupled bank, completes the SCA by reading its status as the bank app would be approved.
import assert from 'node:assert/strict';
import { makeIban } from '../../sandbox/data/accounts';
import { importCollection, importedFileText, readCollection, readEnvironment } from '../../src/client/postman/index';
import { matchBlock, parseHttpFile, type RequestBlock } from '../../src/client/requestFiles/index';
import { useSandbox, type Response } from './helpers/client';
import { COLLECTION_FILE, loadJson, requireReference, SANDBOX_ENV_FILE } from './helpers/reference';

const BIC = 'HANDSESS';

/** The documented answers that are no success at HANDSESS (reference §4.5.3, §7.2), as the Postman run expects. */
const DOCUMENTED: Readonly<Record<string, number>> = { 'Cancel Payment Initiation': 405, 'Get Transaction Details': 400, 'Get Payment Initiation': 405 };

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('imported Postman request files against the sandbox', function () {
  this.timeout(30_000);
  before(function () {
    requireReference(this, COLLECTION_FILE, SANDBOX_ENV_FILE);
  });
  const demo = useSandbox();

  it('sends every imported block in flow order with the documented statuses', async () => {
    const collection = readCollection(JSON.stringify(loadJson(COLLECTION_FILE)));
    const environment = readEnvironment(JSON.stringify(loadJson(SANDBOX_ENV_FILE)));
    assert.ok(collection.ok && environment.ok);
    const result = importCollection(collection.value, environment.value);

    // What the user defines: the bank, and what Postman's environment leaves empty or its scripts compute.
    const defined = new Map<string, string>([
      ['bicFi', BIC],
      ['consentValidUntil', isoDay(4)],
      ['consentIban', makeIban('SE', '60000000000403333911')],
      ['consentCurrency', 'SEK'],
      ['dateFrom', isoDay(-30)],
      ['dateTo', isoDay(0)],
      ['authenticationMethodId', 'mbid'],
      ['paymentAuthenticationMethodId', 'mbid'],
      ['creditorAgent', 'ESSESESS'],
      ['creditorAddressStreet', 'Kungsgatan'],
      ['creditorAddressBuildingNumber', '1'],
      ['creditorAddressCity', 'Stockholm'],
      ['creditorAddressPostalCode', '111 43'],
      ['creditorAddressCountry', 'SE'],
    ]);
    const newest: { consentId?: string; paymentId?: string } = {};
    const sent: string[] = [];
    let deleteConsent: (() => Promise<void>) | undefined;

    for (const file of result.files) {
      const base = importedFileText('', file, result);
      const textNow = () => `${[...defined].map(([name, value]) => `@${name} = ${value}`).join('\n')}\n${base}`;
      const blockNames = parseHttpFile(base).blocks.map((block) => block.name ?? '');
      const send = async (name: string): Promise<Response> => {
        const parsed = parseHttpFile(textNow());
        assert.deepEqual(parsed.problems, []);
        const block = parsed.blocks.find((candidate) => candidate.name === name) as RequestBlock;
        const match = matchBlock(block, { variables: parsed.variables, supplied: (variable) => newest[variable as keyof typeof newest] });
        assert.equal(match.kind, 'operation', `${file.fileName} ${name}: ${JSON.stringify(match)}`);
        if (match.kind !== 'operation') throw new Error('unreachable');
        const pick = (where: 'path' | 'query' | 'header') =>
          Object.fromEntries(match.operation.params.filter((param) => param.in === where && match.params[param.name] !== undefined).map((param) => [param.name, match.params[param.name] as string]));
        const res = await demo.call(match.operation.id, {
          params: pick('path'),
          query: pick('query'),
          headers: pick('header'),
          ...(match.body === undefined ? {} : { rawBody: match.body }),
        });
        sent.push(`${name} ${res.status}`);
        const expected = DOCUMENTED[name] ?? (name === 'Delete Consent' ? 204 : /^(Create|Start)/.test(name) ? 201 : 200);
        assert.equal(res.status, expected, `${file.fileName} ${name}: ${res.status} ${res.text.slice(0, 300)}`);
        return res;
      };

      for (const name of blockNames) {
        // Deleting the consent right after creating it would leave nothing to authorise: it goes last, as in the Postman run.
        if (name === 'Delete Consent') {
          deleteConsent = async () => void (await send(name));
          continue;
        }
        const res = await send(name);
        // What the collection's test scripts take from responses, the user defines in the file.
        if (name.startsWith('Create Consent')) newest.consentId = String(res.json['consentId']);
        if (name.startsWith('Create Payment')) newest.paymentId = String(res.json['paymentId']);
        if (name.startsWith('Start')) defined.set('authorisationId', String(res.json['authorisationId']));
        if (name === 'Get City List') defined.set('cityId', String(res.json['cities'][0]['cityId']));
        if (name === 'Get Account List') defined.set('accountId', String(res.json['accounts'][0]['resourceId']));
        if (name === 'Get Transaction List') defined.set('resourceId', String(res.json['transactions']['booked'][0]['transactionId']));
        if (name.startsWith('Update PSU Data')) {
          // The decoupled bank app approves while the status is read, as the extension polls it.
          const status = blockNames.find((candidate) => candidate.endsWith('SCA Status')) as string;
          let scaStatus = '';
          for (let read = 0; read < 5 && scaStatus !== 'finalised'; read++) scaStatus = String((await send(status)).json['scaStatus']);
          assert.equal(scaStatus, 'finalised', `${file.fileName}: the SCA finished`);
        }
      }
    }
    assert.ok(deleteConsent, 'the consent file has Delete Consent');
    await deleteConsent();
    assert.equal(new Set(sent.map((line) => line.replace(/ \d+$/, ''))).size, 29, `every imported block was sent:\n${sent.join('\n')}`);
  });
});

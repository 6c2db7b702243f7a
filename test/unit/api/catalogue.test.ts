import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OPERATIONS, PAYMENT_BODY_TEMPLATES, PAYMENT_PRODUCTS, findOperation, isOperationId, paramsFromSources, paymentBodyTemplate } from '../../../src/client/catalogue/catalogue';
import type { OperationGroup, OperationShape } from '../../../src/client/catalogue/operationTypes';
import { ibanIsValid } from '../../../src/client/text/iban';
import { createAccountBook } from '../../../sandbox/data/accounts';
import { buildDirectory } from '../../../sandbox/data/directory';
import { OAS_FILE, loadOas, referenceDir, type OasDocument } from '../../sandbox/helpers/reference';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch']);
// Reference §7.2: the platform asks for these on every Consent/AIS call although the OAS lists them on few.
const PLATFORM_EXTRA_HEADERS = new Set(['PSU-ID', 'PSU-Corporate-ID', 'PSU-User-Agent', 'TPP-Redirect-Preferred']);
const templateNames = (template: string) => [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();

/** "METHOD /psd2/path" → operationId, for every operation the OAS declares. */
function oasOperations(oas: OasDocument): Map<string, string> {
  const found = new Map<string, string>();
  for (const [oasPath, item] of Object.entries(oas.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (HTTP_METHODS.has(method)) found.set(`${method.toUpperCase()} /psd2${oasPath}`, String(op.operationId));
    }
  }
  return found;
}

/** Every difference between a catalogue and the OAS, one readable line each; empty when they agree. */
function coverageProblems(catalogue: readonly Pick<OperationShape, 'id' | 'method' | 'path'>[], oas: OasDocument): string[] {
  const fromOas = oasOperations(oas);
  const fromCatalogue = new Map(catalogue.map((o) => [`${o.method} ${o.path}`, o.id]));
  const problems: string[] = [];
  for (const [key, id] of fromOas) {
    const mine = fromCatalogue.get(key);
    if (mine === undefined) problems.push(`missing from the catalogue: ${key} (${id})`);
    else if (mine !== id) problems.push(`${key}: the catalogue calls it ${mine}, the OAS ${id}`);
  }
  for (const key of fromCatalogue.keys()) if (!fromOas.has(key)) problems.push(`not in the OAS: ${key}`);
  return problems;
}

describe('catalogue', () => {
  it('files each operation under the group its API path belongs to, with no group empty', () => {
    // Counts come from the catalogue itself (issue 12); what a wrong entry can get wrong is its group.
    const apiOf: Readonly<Record<OperationGroup, string>> = {
      'ASPSP Information': '/psd2/aspspinformation/',
      Consent: '/psd2/consent/',
      'Account Information': '/psd2/accountinformation/',
      'Payment Initiation': '/psd2/paymentinitiation/',
    };
    for (const op of OPERATIONS) assert.ok(op.path.startsWith(apiOf[op.group]), `${op.id} (${op.group}) is at ${op.path}`);
    for (const group of Object.keys(apiOf)) assert.ok(OPERATIONS.some((o) => o.group === group), `${group} has operations`);
  });

  it('has unique ids and unique method+path pairs, and findOperation finds each', () => {
    assert.equal(new Set(OPERATIONS.map((o) => o.id)).size, OPERATIONS.length);
    assert.equal(new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`)).size, OPERATIONS.length);
    for (const op of OPERATIONS) assert.equal(findOperation(op.id), op);
    assert.equal(findOperation('nope'), undefined);
  });

  it('knows its ids apart from strings that only look like them (history files, command arguments)', () => {
    for (const op of OPERATIONS) assert.ok(isOperationId(op.id), op.id);
    for (const id of ['nope', '', 'GetConsentStatus', 'getConsentStatus ', 'constructor', 'toString']) assert.equal(isOperationId(id), false, id);
  });

  it('fills every parameter of a source from that source, whatever the operation names it', () => {
    // A selected consent prefills Send Request: the bank as X-BicFi and the bicFi path, the consent as
    // Consent-ID and the consentId path; a selected account adds account-id.
    assert.deepEqual(paramsFromSources({ bicFi: 'ESSESESS', consentId: 'c-1' }), {
      'X-BicFi': 'ESSESESS',
      bicFi: 'ESSESESS',
      consentId: 'c-1',
      'Consent-ID': 'c-1',
    });
    const withAccount = paramsFromSources({ bicFi: 'ESSESESS', consentId: 'c-1', accountId: 'a-1' });
    assert.equal(withAccount['account-id'], 'a-1');
    for (const op of OPERATIONS) {
      for (const p of op.params.filter((q) => q.source === 'bicFi' || q.source === 'consentId' || q.source === 'accountId')) {
        assert.ok(withAccount[p.name] !== undefined, `${op.id} ${p.name} is filled from the selection`);
      }
    }
    assert.deepEqual(paramsFromSources({}), {});
  });

  it('declares exactly the path parameters of each path template, all required', () => {
    for (const op of OPERATIONS) {
      const declared = op.params.filter((p) => p.in === 'path');
      assert.deepEqual(declared.map((p) => p.name).sort(), templateNames(op.path), op.id);
      assert.ok(declared.every((p) => p.required), op.id);
      assert.ok(op.path.startsWith('/psd2/'), op.id);
    }
  });

  it('never lists a parameter twice and never Authorization or X-Request-ID', () => {
    for (const op of OPERATIONS) {
      const keys = op.params.map((p) => `${p.in}:${p.name.toLowerCase()}`);
      assert.equal(new Set(keys).size, keys.length, op.id);
      assert.ok(!keys.includes('header:authorization') && !keys.includes('header:x-request-id'), op.id);
    }
  });

  it('gives every parameter with a pattern an example that matches it, which the prompt shows instead of the pattern', () => {
    for (const op of OPERATIONS) {
      for (const p of op.params.filter((q) => q.pattern !== undefined)) {
        assert.ok(p.example, `${op.id} ${p.name} has an example`);
        assert.match(p.example, new RegExp(p.pattern as string), `${op.id} ${p.name}`);
      }
    }
  });

  it('gives a body template to every POST/PUT that takes a body, and marks cancellation unsupported', () => {
    for (const id of ['createConsent', 'initiatePayment', 'updateConsentsPsuData', 'updatePaymentPsuData']) {
      assert.ok(findOperation(id)?.bodyTemplate, id);
    }
    const unsupported = OPERATIONS.filter((o) => !o.supportedByPlatform).map((o) => o.id).sort();
    assert.deepEqual(unsupported, [
      'cancelPayment',
      'getPaymentCancellationScaStatus',
      'getPaymentInitiationCancellationAuthorisationInformation',
      'startPaymentInitiationCancellationAuthorisation',
      'updatePaymentCancellationPsuData',
    ]);
    assert.deepEqual(Object.keys(PAYMENT_BODY_TEMPLATES).sort(), [...PAYMENT_PRODUCTS].sort());
  });

  it('uses only IBANs that pass the ISO 13616 check in every body template, so a template sent as it is is not refused for its check digits', () => {
    const ibans: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'iban' && typeof inner === 'string') ibans.push(inner);
          else collect(inner);
        }
      }
    };
    for (const operation of OPERATIONS) collect(operation.bodyTemplate);
    for (const product of PAYMENT_PRODUCTS) collect(paymentBodyTemplate(product));
    assert.ok(ibans.length >= 4, `found ${ibans.length}`);
    for (const iban of ibans) assert.ok(ibanIsValid(iban), `${iban} in a template`);
  });

  it('gives the local sandbox\'s demo accounts valid IBANs, so a Payment from Account with them is not refused', () => {
    const directory = buildDirectory(1, 20);
    const book = createAccountBook(1, new Date('2026-12-01T00:00:00Z'));
    let checked = 0;
    for (const bank of directory.banks) {
      for (const account of book.accountsOf(bank)) {
        if (account.iban === undefined) continue;
        checked++;
        assert.ok(ibanIsValid(account.iban), `${bank.bicFi} ${account.iban}`);
      }
    }
    assert.ok(checked > 10, `checked ${checked}`);
  });

  it('names the debtor as the bank documents: BBAN for a Nordea domestic payment, the IBAN template elsewhere', () => {
    const nordea = paymentBodyTemplate('domestic', 'NDEASESS') as Record<string, unknown>;
    const domestic = PAYMENT_BODY_TEMPLATES.domestic as Record<string, unknown>;
    assert.deepEqual(nordea['debtorAccount'], { bban: '30000000000000000001', currency: 'SEK' }, 'the placeholder IBAN SE4930000000000000000001 as BBAN');
    assert.deepEqual({ ...nordea, debtorAccount: domestic['debtorAccount'] }, domestic, 'nothing else changes');
    for (const product of PAYMENT_PRODUCTS) {
      for (const bic of [undefined, 'ESSESESS', 'HANDSESS', 'SWEDSESS']) assert.equal(paymentBodyTemplate(product, bic), PAYMENT_BODY_TEMPLATES[product], `${product} at ${bic}`);
    }
    assert.equal(paymentBodyTemplate('swedish-giro', 'NDEASESS'), PAYMENT_BODY_TEMPLATES['swedish-giro'], 'giro keeps its template');
  });

  describe(`against ${OAS_FILE}`, () => {
    before(function () {
      // Only a checkout without the reference folder may skip; once the folder is there, a missing OAS file
      // (or one the comparison cannot read) fails instead of quietly passing as skipped.
      if (!fs.existsSync(referenceDir)) {
        console.log(`    (skipped: the reference folder ${referenceDir} is absent, so the catalogue is not compared with ${OAS_FILE})`);
        this.skip();
      }
      assert.ok(fs.existsSync(path.join(referenceDir, OAS_FILE)), `${referenceDir} exists but holds no ${OAS_FILE}`);
    });

    it('covers exactly every operation (method + path) of the OAS, with the OAS operationIds', () => {
      const oas = loadOas();
      assert.ok(oasOperations(oas).size > 0, 'the OAS declares operations');
      assert.deepEqual(coverageProblems(OPERATIONS, oas), []);
    });

    it('the comparison fails for a catalogue that misses an operation, renames one or adds one', () => {
      const oas = loadOas();
      // Built from the operations the OAS has, so the check of the check holds whatever the real catalogue adds.
      const declared = oasOperations(oas);
      const [first, second, ...rest] = OPERATIONS.filter((o) => declared.has(`${o.method} ${o.path}`));
      assert.ok(first && second);
      assert.deepEqual(coverageProblems([second, ...rest], oas), [`missing from the catalogue: ${first.method} ${first.path} (${first.id})`]);
      assert.deepEqual(coverageProblems([{ ...first, id: 'renamed' }, second, ...rest], oas), [
        `${first.method} ${first.path}: the catalogue calls it renamed, the OAS ${first.id}`,
      ]);
      assert.deepEqual(coverageProblems([first, second, ...rest, { id: 'extra', method: 'GET', path: '/psd2/extra' }], oas), ['not in the OAS: GET /psd2/extra']);
    });

    it('marks a parameter required exactly when the OAS does', () => {
      const oas = loadOas();
      const components = oas.components.parameters as Record<string, { name: string; in: string; required?: boolean }>;
      for (const op of OPERATIONS) {
        const oasOp = oas.paths[op.path.slice('/psd2'.length)]?.[op.method.toLowerCase()];
        // An operation the OAS lacks has no parameters to compare; the coverage test above names it.
        if (!oasOp) continue;
        const oasParams = (oasOp.parameters as { $ref?: string }[]).map((p) =>
          p.$ref ? components[p.$ref.split('/').pop()!]! : (p as { name: string; in: string; required?: boolean }),
        );
        for (const mine of op.params) {
          const theirs = oasParams.find((p) => p.in === mine.in && p.name.toLowerCase() === mine.name.toLowerCase());
          if (!theirs && !mine.required && PLATFORM_EXTRA_HEADERS.has(mine.name)) continue;
          assert.ok(theirs, `${op.id}: ${mine.in} ${mine.name} is not in the OAS`);
          assert.equal(mine.required, theirs.required === true, `${op.id}: ${mine.name} required flag`);
        }
        for (const theirs of oasParams.filter((p) => p.required && p.name !== 'X-Request-ID')) {
          assert.ok(
            op.params.some((p) => p.in === theirs.in && p.name.toLowerCase() === theirs.name.toLowerCase()),
            `${op.id}: required ${theirs.in} ${theirs.name} is missing`,
          );
        }
      }
    });
  });
});

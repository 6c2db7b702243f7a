import assert from 'node:assert/strict';
import type { ExchangeRecord } from '../../../src/host/requestRunner';
import { ResponseViews } from '../../../src/host/responseViews';
import type { BankNode, ConsentNode } from '../../../src/host/treeNodes';
import { requestForNode } from '../../../src/features/requestFiles/saveRequestCommands';
import { parseHttpFile } from '../../../src/client/requestFiles/httpFileSyntax';
import { appendRequestBlock, requestBlock } from '../../../src/client/requestFiles/httpFileWriter';
import { matchBlock } from '../../../src/client/requestFiles/operationMatch';

const consent = { consentId: 'c-1', bicFi: 'ESSESESS', environmentId: 'sandbox', status: 'valid', createdAt: '2026-01-01T00:00:00Z', context: 'private' } as const;
const account = { resourceId: 'acc-1' } as unknown as Extract<ConsentNode, { kind: 'account' }>['account'];

describe('Save as Request File from a tree item', () => {
  it('saves the operation each item stands for, which reads back as that operation with its parameters', () => {
    const cases: [BankNode | ConsentNode, string, Record<string, string>][] = [
      [{ kind: 'bank', id: 'b', bank: { bicFi: 'ESSESESS', name: 'SEB' }, parent: { kind: 'empty', id: 'e', message: '' } } as BankNode, 'getASPSPDetails', { bicFi: 'ESSESESS' }],
      [{ kind: 'consent', consent }, 'getConsentStatus', { consentId: 'c-1', 'X-BicFi': 'ESSESESS' }],
      [{ kind: 'account', consent, account }, 'getBalances', { 'account-id': 'acc-1', 'Consent-ID': 'c-1', 'X-BicFi': 'ESSESESS' }],
      [
        { kind: 'payment', id: 'p', payment: { paymentId: 'p-1', bicFi: 'ESSESESS', paymentProduct: 'domestic', paymentService: 'payments', environmentId: 'sandbox', status: 'RCVD', createdAt: '' }, parent: { kind: 'empty', id: 'e', message: '' } } as BankNode,
        'getPaymentInitiationStatus',
        { 'payment-service': 'payments', 'payment-product': 'domestic', paymentId: 'p-1', 'X-BicFi': 'ESSESESS' },
      ],
    ];
    for (const [node, operationId, params] of cases) {
      const request = requestForNode(node);
      assert.equal(request?.operation.id, operationId);
      const file = parseHttpFile(appendRequestBlock('', requestBlock(request)));
      const match = matchBlock(file.blocks[0]!, { variables: file.variables });
      assert.deepEqual(match.kind === 'operation' && [match.operation.id, match.params], [operationId, params]);
    }
  });

  it('offers nothing for items no single request stands for', () => {
    assert.equal(requestForNode({ kind: 'leaf', label: 'x' }), undefined);
    assert.equal(requestForNode(undefined), undefined);
  });

  it('knows the last exchange shown to the user, not the ones views load quietly', () => {
    const views = new ResponseViews();
    const seen: string[] = [];
    const listening = views.onDidShow((record) => seen.push(record.operation.id));
    views.show({ operation: { id: 'getConsentStatus' } } as ExchangeRecord);
    views.showIfOpen({ operation: { id: 'getBalances' } } as ExchangeRecord);
    listening.dispose();
    views.show({ operation: { id: 'getAccountList' } } as ExchangeRecord);
    assert.deepEqual(seen, ['getConsentStatus', 'getBalances']);
  });
});

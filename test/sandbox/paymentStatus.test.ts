// Payment statuses per bank through a payment's life, against the table of reference §6.4 (read from the
// reference itself): created, login started, logged in, signed but not activated, future-dated, locked for
// settlement, settled.
import assert from 'node:assert/strict';
import { PAYMENT_BODY_TEMPLATES, paymentBodyTemplate, type PaymentProduct } from '../../src/client/catalogue/catalogue';
import { Browser, fillScaTemplate } from './helpers/browser';
import { useSandbox } from './helpers/client';
import { activate, activationHeaders, createPayment, loginFor, PSU_HEADERS, scaStatus, startAndSelect } from './helpers/flows';
import { section, table } from './helpers/referenceDoc';
import { API_REFERENCE_FILE, loadText, requireReference } from './helpers/reference';

type Stage = 'created' | 'loginStarted' | 'loggedIn' | 'signedNotActivated' | 'futureDated' | 'locked' | 'settled';

const STAGE_ROWS: Record<Stage, string> = {
  created: 'Payment created',
  loginStarted: 'Login started',
  loggedIn: 'Logged in, not signed',
  signedNotActivated: 'Signed – OAuth not activated',
  futureDated: 'Signed – future execution date',
  locked: 'Signed – locked for settlement',
  settled: 'Settled',
};

/** The table's columns by sandbox bank; its note under the table says the Nordea column is Nordea SE/FI. */
const COLUMNS: Record<string, string> = { ESSESESS: 'SEB', NDEASESS: 'Nordea', NDEAFIHH: 'Nordea', HANDSESS: 'Handelsbanken', SWEDSESS: 'Swedbank', DABASESX: 'Danske' };

/**
 * The expected status per stage for a bank. Cell marks: "*" points at the ACCC footnote (tested on its own),
 * "PNDG(sic)" is the table's own flagged typo for PDNG, "n/a" means the stage does not occur at that bank;
 * the sandbox's SEB has OAuth activation anyway and shows its "Logged in, not signed" status there.
 */
function expectedStatuses(markdown: string, bic: string): Record<Stage, string> {
  const rows = table(section(markdown, '### 6.4'));
  const cell = (stage: Stage) => {
    const row = rows.find((r) => r['State']!.startsWith(STAGE_ROWS[stage]));
    if (!row) throw new Error(`no row "${STAGE_ROWS[stage]}" in reference §6.4`);
    return row[COLUMNS[bic]!]!.replace('*', '').replace('PNDG(sic)', 'PDNG');
  };
  const stages = Object.keys(STAGE_ROWS) as Stage[];
  const statuses = Object.fromEntries(stages.map((stage) => [stage, cell(stage)])) as Record<Stage, string>;
  if (statuses.signedNotActivated === 'n/a') statuses.signedNotActivated = statuses.loggedIn;
  return statuses;
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('sandbox payment statuses per bank (reference §6.4)', () => {
  let markdown: string;

  before(function () {
    requireReference(this, API_REFERENCE_FILE);
    markdown = loadText(API_REFERENCE_FILE);
  });
  const c = useSandbox();

  const statusOf = async (bic: string, params: Record<string, string>) => {
    const res = await c.call('getPaymentInitiationStatus', { bic, params, headers: PSU_HEADERS });
    assert.equal(res.status, 200, res.text);
    return String(res.json['transactionStatus']);
  };

  /** A redirect (scaOAuth) payment, checking the status after each step; returns the reads after activation. */
  async function redirectPayment(bic: string, product: PaymentProduct, body: Record<string, unknown>, expected: Record<Stage, string>): Promise<string[]> {
    const created = await c.call('initiatePayment', { bic, params: { 'payment-product': product }, body, headers: PSU_HEADERS });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json['transactionStatus'], expected.created, `${bic} created (201 body)`);
    const params = { paymentId: String(created.json['paymentId']), 'payment-product': product };
    assert.equal(await statusOf(bic, params), expected.created, `${bic} created`);
    const { authorisationId, selected } = await startAndSelect(c, 'payment', bic, params);
    assert.equal(await statusOf(bic, params), expected.created, `${bic}: method selected, the PSU is not at the bank yet`);
    const { client } = c.sandbox;
    const login = await new Browser(client.redirectUri).open(fillScaTemplate(String(selected.json['_links']['scaOAuth']['href']), client.clientId, client.redirectUri, 's'));
    assert.equal(await statusOf(bic, params), expected.loginStarted, `${bic} login started`);
    const { callback } = await login.submit({ ...loginFor(bic), decision: 'approve' });
    assert.equal(await statusOf(bic, params), expected.signedNotActivated, `${bic} signed, OAuth not activated`);
    const activated = await activate(c, callback.searchParams.get('code')!, activationHeaders('payment', params.paymentId, authorisationId), 'paymentinitiation private');
    assert.equal(activated.status, 200, activated.text);
    return [await statusOf(bic, params), await statusOf(bic, params), await statusOf(bic, params)];
  }

  for (const bic of ['ESSESESS', 'NDEASESS', 'NDEAFIHH', 'SWEDSESS', 'DABASESX']) {
    it(`${bic}: created → login started → signed, not activated → locked → settled; future-dated stays put`, async () => {
      const expected = expectedStatuses(markdown, bic);
      const product: PaymentProduct = bic === 'NDEAFIHH' ? 'sepa-credit-transfers' : 'domestic';
      const body = paymentBodyTemplate(product, bic) as Record<string, unknown>;
      assert.deepEqual(await redirectPayment(bic, product, body, expected), [expected.locked, expected.settled, expected.settled]);
      const future = await redirectPayment(bic, product, { ...body, requestedExecutionDate: tomorrow() }, expected);
      assert.deepEqual(future, [expected.futureDated, expected.futureDated, expected.futureDated]);
    });
  }

  it('SWEDSESS decoupled: login started while BankID authenticates, logged in while the PSU signs, then settles', async () => {
    const bic = 'SWEDSESS';
    const expected = expectedStatuses(markdown, bic);
    const decoupled = { 'tpp-redirect-preferred': 'false' };
    const { paymentId } = await createPayment(c, bic, 'domestic', decoupled);
    const params = { paymentId, 'payment-product': 'domestic' };
    const { authorisationId, selected } = await startAndSelect(c, 'payment', bic, params, 'mbid', decoupled);
    assert.equal(selected.json['scaStatus'], 'authenticationStarted');
    assert.equal(await statusOf(bic, params), expected.loginStarted);
    assert.equal((await scaStatus(c, 'payment', bic, params, authorisationId)).json['scaStatus'], 'started');
    assert.equal(await statusOf(bic, params), expected.loggedIn);
    assert.equal((await scaStatus(c, 'payment', bic, params, authorisationId)).json['scaStatus'], 'finalised');
    assert.deepEqual([await statusOf(bic, params), await statusOf(bic, params)], [expected.locked, expected.settled]);
  });

  it('HANDSESS: signed as SCA starts; ACCC between two Handelsbanken accounts (§6.4 footnote); future-dated stays ACCP', async () => {
    const bic = 'HANDSESS';
    const expected = expectedStatuses(markdown, bic);
    const run = async (body: Record<string, unknown>) => {
      const created = await c.call('initiatePayment', { bic, params: { 'payment-product': 'domestic' }, body, headers: PSU_HEADERS });
      assert.equal(created.json['transactionStatus'], expected.created);
      const params = { paymentId: String(created.json['paymentId']), 'payment-product': 'domestic' };
      await startAndSelect(c, 'payment', bic, params);
      return [await statusOf(bic, params), await statusOf(bic, params)];
    };
    const domestic = PAYMENT_BODY_TEMPLATES.domestic as Record<string, unknown>;
    assert.deepEqual(await run(domestic), [expected.locked, expected.settled]);
    assert.match(section(markdown, '### 6.4'), /ACCC if both accounts are Handelsbanken/);
    const withinBank = { ...domestic, debtorAccount: { bban: '403333911', currency: 'SEK' }, creditorAccount: { bban: '401975231', clearingNumber: '6000', currency: 'SEK' } };
    assert.deepEqual(await run(withinBank), ['ACCC', 'ACCC']);
    assert.deepEqual(await run({ ...domestic, requestedExecutionDate: tomorrow() }), [expected.futureDated, expected.futureDated]);
  });
});

import assert from 'node:assert/strict';
import { PAYMENT_BODY_TEMPLATES, PAYMENT_PRODUCTS } from '../../../src/client/catalogue/catalogue';
import { plainTranslate } from '../../../src/client/text/translate';
import { normalisePaymentIbans, validatePaymentBody, type PaymentBodyProblem } from '../../../src/client/payments/paymentValidation';

const TODAY = '2026-11-25';
type Body = Record<string, unknown>;

/** A fresh, mutable copy of the catalogue's template for `product`. */
function template(product: (typeof PAYMENT_PRODUCTS)[number]): Body {
  return JSON.parse(JSON.stringify(PAYMENT_BODY_TEMPLATES[product])) as Body;
}

function problems(product: string, body: unknown): PaymentBodyProblem[] {
  return validatePaymentBody(product, body, { today: TODAY });
}

const paths = (product: string, body: unknown) => problems(product, body).map((p) => p.path);

/** The single problem the body has, which must be at `path`. */
function only(product: string, body: unknown, path: string): string {
  const found = problems(product, body);
  assert.deepEqual(
    found.map((p) => p.path),
    [path],
    JSON.stringify(found),
  );
  return found[0]!.message;
}

const domestic = (patch: Body): Body => ({ ...template('domestic'), ...patch });
const giro = (patch: Body): Body => ({ ...template('swedish-giro'), ...patch });

describe('validatePaymentBody', () => {
  describe('catalogue templates', () => {
    for (const product of PAYMENT_PRODUCTS) {
      it(`accepts the ${product} template for its own product`, () => {
        assert.deepEqual(problems(product, PAYMENT_BODY_TEMPLATES[product]), []);
        assert.deepEqual(validatePaymentBody(product, PAYMENT_BODY_TEMPLATES[product]), [], 'with the real clock');
      });
    }

    it('accepts the reference §4.5.1 example and the §7.2 bank account pairs', () => {
      const base = { instructedAmount: { currency: 'SEK', amount: '142.66' }, creditorName: 'Enterprise Inc' };
      const pairs: Body[] = [
        { debtorAccount: { iban: 'SE3750000000054400047881' }, creditorAccount: { iban: 'SE2550000000054400047903' } },
        { debtorAccount: { bban: '403333911' }, creditorAccount: { bban: '401975231', clearingNumber: '1000' } },
        { debtorAccount: { bban: '41351300039' }, creditorAccount: { bban: '32704620016' } },
        { debtorAccount: { plusgiroNumber: '948294-5' }, creditorAccount: { bban: '32704620016' } },
        { creditorAccount: { bban: '15517312471731', currency: 'GBP' } },
      ];
      for (const pair of pairs) assert.deepEqual(problems('domestic', { ...base, ...pair }), [], JSON.stringify(pair));
    });

    it('reports a template sent under another product where the products really differ', () => {
      assert.deepEqual(paths('sepa-credit-transfers', PAYMENT_BODY_TEMPLATES.domestic), ['instructedAmount.currency']);
      assert.deepEqual(paths('swedish-giro', PAYMENT_BODY_TEMPLATES.domestic), ['creditorGiro', 'ocrRef']);
      assert.deepEqual(paths('domestic', PAYMENT_BODY_TEMPLATES['swedish-giro']), ['creditorAccount']);
      assert.deepEqual(paths('international', PAYMENT_BODY_TEMPLATES.domestic), ['creditorAgent']);
    });
  });

  describe('product and body', () => {
    it('reports an unknown product once, at payment-product, whatever the body', () => {
      for (const product of ['periodic', '', 'DOMESTIC', '__proto__', 'constructor', 'toString']) {
        const found = validatePaymentBody(product, null);
        assert.equal(found.length, 1, product);
        assert.equal(found[0]!.path, 'payment-product');
        assert.match(found[0]!.message, /^The payment product ".*" is not known; use one of domestic, sepa-credit-transfers, international, swedish-giro\.$/);
      }
      const long = validatePaymentBody('x'.repeat(100_000), {})[0]!.message;
      assert.ok(long.length < 200, 'a huge product name is cut in the message');
      assert.equal(validatePaymentBody(42 as unknown as string, {})[0]!.path, 'payment-product');
    });

    it('reports a body that is not an object at the root path ""', () => {
      for (const body of [null, undefined, [], [template('domestic')], 42, 'text', true]) {
        const message = only('domestic', body, '');
        assert.match(message, /^The payment body must be a JSON object .* not (null|undefined|an array|a number|a string|a boolean)\.$/);
      }
    });
  });

  describe('instructedAmount', () => {
    it('is required and must be an object', () => {
      assert.match(only('domestic', domestic({ instructedAmount: undefined }), 'instructedAmount'), /^instructedAmount is required; add an object/);
      assert.match(only('domestic', domestic({ instructedAmount: '10.50' }), 'instructedAmount'), /must be an object .* not a string\.$/);
      assert.match(only('domestic', domestic({ instructedAmount: ['10.50'] }), 'instructedAmount'), /not an array\.$/);
    });

    it('needs amount as a decimal string of up to 14 digits and 3 decimals', () => {
      const amount = (value: unknown) => domestic({ instructedAmount: { currency: 'SEK', amount: value } });
      for (const good of ['1', '10.5', '10.50', '0.001', '12345678901234.123', '0010']) {
        assert.deepEqual(problems('domestic', amount(good)), [], good);
      }
      const expected = 'instructedAmount.amount must be a decimal string like "10.50" (up to 14 digits and 3 decimals).';
      for (const bad of ['10,50', '10.', '.5', '1.2345', '123456789012345', '1e3', ' 10.50', '10 SEK', '', '+1']) {
        assert.equal(only('domestic', amount(bad), 'instructedAmount.amount'), expected, bad);
      }
      assert.equal(
        only('domestic', amount(10.5), 'instructedAmount.amount'),
        'instructedAmount.amount must be a decimal string like "10.50" (up to 14 digits and 3 decimals), written in quotes, not a number.',
      );
      assert.match(only('domestic', amount(undefined), 'instructedAmount.amount'), /^instructedAmount\.amount is required; set it to a decimal string/);
      assert.match(only('domestic', amount(null), 'instructedAmount.amount'), /not null\.$/);
    });

    it('needs a positive amount', () => {
      for (const value of ['0', '0.000', '-5', '-0.01', '-0']) {
        const message = only('domestic', domestic({ instructedAmount: { currency: 'SEK', amount: value } }), 'instructedAmount.amount');
        assert.match(message, /^instructedAmount\.amount must be greater than zero;/, value);
      }
    });

    it('needs a currency of 3 capital letters', () => {
      for (const bad of ['sek', 'SE', 'SEKK', 'kr', 752]) {
        const message = only('domestic', domestic({ instructedAmount: { currency: bad, amount: '1' } }), 'instructedAmount.currency');
        assert.match(message, /^instructedAmount\.currency must be a currency code of 3 capital letters/);
      }
      assert.match(
        only('domestic', domestic({ instructedAmount: { amount: '1', Currency: 'SEK' } }), 'instructedAmount.currency'),
        /^instructedAmount\.currency is required \(found "Currency"; names are case-sensitive\); set it to/,
      );
    });

    it('is in EUR for sepa-credit-transfers only', () => {
      const sepa = { ...template('sepa-credit-transfers'), instructedAmount: { currency: 'SEK', amount: '1' } };
      assert.match(only('sepa-credit-transfers', sepa, 'instructedAmount.currency'), /^instructedAmount\.currency must be "EUR" for sepa-credit-transfers, not "SEK"/);
      assert.deepEqual(problems('domestic', domestic({ instructedAmount: { currency: 'EUR', amount: '1' } })), []);
      assert.deepEqual(problems('international', { ...template('international'), instructedAmount: { currency: 'USD', amount: '1' } }), []);
    });
  });

  describe('account references', () => {
    it('makes debtorAccount optional and creditorAccount required for credit transfers', () => {
      for (const product of ['domestic', 'sepa-credit-transfers', 'international'] as const) {
        const body = template(product);
        delete body['debtorAccount'];
        assert.deepEqual(problems(product, body), [], product);
        delete body['creditorAccount'];
        assert.match(only(product, body, 'creditorAccount'), /^creditorAccount is required; add an account reference/);
      }
      const giroBody = template('swedish-giro');
      delete giroBody['debtorAccount'];
      assert.deepEqual(problems('swedish-giro', giroBody), []);
    });

    it('needs exactly one account identifier', () => {
      assert.equal(
        only('domestic', domestic({ creditorAccount: { currency: 'SEK' } }), 'creditorAccount'),
        'creditorAccount must name the account with exactly one of iban, bban, pan, maskedPan or msisdn; none was given.',
      );
      assert.equal(
        only('domestic', domestic({ debtorAccount: { iban: 'SE4930000000000000000001', bban: '41351300039' } }), 'debtorAccount'),
        'debtorAccount must name the account with exactly one of iban, bban, pan, maskedPan, msisdn, bankgiroNumber or plusgiroNumber; keep only one of iban and bban.',
      );
      assert.match(only('domestic', domestic({ creditorAccount: { IBAN: 'SE2230000000000000000002' } }), 'creditorAccount'), /none was given \(found "IBAN"; names are case-sensitive\)\.$/);
      assert.match(only('domestic', domestic({ creditorAccount: 'SE2230000000000000000002' }), 'creditorAccount'), /^creditorAccount must be an account reference .* not a string\.$/);
    });

    it('takes giro numbers for the debtor only', () => {
      assert.deepEqual(problems('domestic', domestic({ debtorAccount: { bankgiroNumber: '5555-5555' } })), []);
      assert.match(only('domestic', domestic({ creditorAccount: { bankgiroNumber: '5555-5555' } }), 'creditorAccount'), /none was given\.$/);
    });

    it('checks the shape of each identifier, the clearing number and the currency', () => {
      const cases: [Body, string, RegExp][] = [
        [{ iban: 'SE12 3000 0000 0000 0000 0001' }, 'creditorAccount.iban', /must be an IBAN: .*, written without spaces\.$/],
        [{ iban: 'se1230000000000000000002' }, 'creditorAccount.iban', /^creditorAccount\.iban must be an IBAN: 2 capital letters/],
        [{ iban: 'SE12300' }, 'creditorAccount.iban', /must be an IBAN/],
        [{ iban: 'SE4550000000058398257467' }, 'creditorAccount.iban', /^creditorAccount\.iban is not a valid IBAN: its check digits \(the 3rd and 4th characters\) do not match the rest \(ISO 13616\)/],
        [{ iban: `SE12${'1'.repeat(31)}` }, 'creditorAccount.iban', /must be an IBAN/],
        [{ bban: '4135-1300039' }, 'creditorAccount.bban', /^creditorAccount\.bban must be a BBAN of 1 to 30 letters or digits/],
        [{ msisdn: '' }, 'creditorAccount.msisdn', /^creditorAccount\.msisdn must not be empty;/],
        [{ pan: '1'.repeat(36) }, 'creditorAccount.pan', /^creditorAccount\.pan is 36 characters long; shorten it to at most 35 characters\.$/],
        [{ bban: '401975231', clearingNumber: '10000-1' }, 'creditorAccount.clearingNumber', /a clearing number of 1 to 5 digits/],
        [{ bban: '401975231', currency: 'sek' }, 'creditorAccount.currency', /^creditorAccount\.currency must be a currency code/],
      ];
      for (const [account, path, message] of cases) {
        assert.match(only('domestic', domestic({ creditorAccount: account }), path), message, JSON.stringify(account));
      }
      assert.match(only('domestic', domestic({ debtorAccount: { plusgiroNumber: '94-82-94' } }), 'debtorAccount.plusgiroNumber'), /digits with at most one hyphen/);
      assert.deepEqual(problems('domestic', domestic({ creditorAccount: { maskedPan: '123456xxxxxx1234' } })), []);
    });
  });

  describe('IBANs in their printed form', () => {
    it('are sent without spaces and in upper case, and then pass', () => {
      const typed = domestic({ debtorAccount: { iban: 'se49 3000 0000 0000 0000 0001', currency: 'SEK' }, creditorAccount: { iban: 'SE25\u00a05000 0000 0544 0004 7903' } });
      const normalised = normalisePaymentIbans(typed) as Body;
      assert.deepEqual(normalised['debtorAccount'], { iban: 'SE4930000000000000000001', currency: 'SEK' });
      assert.deepEqual(normalised['creditorAccount'], { iban: 'SE2550000000054400047903' });
      assert.deepEqual(problems('domestic', normalised), []);
      assert.notEqual(normalised, typed, 'the typed body is not changed in place');
      assert.match(JSON.stringify(typed), /se49 3000/);
    });

    it('leave bodies without IBANs, and whatever is not an account IBAN, as they were', () => {
      for (const body of [null, 'text', [], template('swedish-giro'), domestic({ creditorAccount: { bban: '41351300039' } }), domestic({ creditorAccount: { iban: 5 } })]) {
        assert.equal(normalisePaymentIbans(body), body);
      }
      const valid = template('domestic');
      assert.equal(normalisePaymentIbans(valid), valid);
    });
  });

  describe('creditor and remittance', () => {
    it('needs a non-empty creditorName of up to 70 characters', () => {
      assert.match(only('domestic', domestic({ creditorName: undefined }), 'creditorName'), /^creditorName is required; set it to the creditor's name, up to 70 characters\.$/);
      assert.match(only('domestic', domestic({ creditorName: '   ' }), 'creditorName'), /^creditorName must not be empty;/);
      assert.match(only('domestic', domestic({ creditorName: 'x'.repeat(71) }), 'creditorName'), /^creditorName is 71 characters long; shorten it to at most 70 characters\.$/);
      assert.match(only('domestic', domestic({ creditorName: 7 }), 'creditorName'), /not a number\.$/);
      assert.deepEqual(problems('domestic', domestic({ creditorName: 'x'.repeat(70) })), []);
    });

    it('limits remittanceInformationUnstructured to 140 characters', () => {
      assert.deepEqual(problems('domestic', domestic({ remittanceInformationUnstructured: 'x'.repeat(140) })), []);
      assert.match(
        only('domestic', domestic({ remittanceInformationUnstructured: 'x'.repeat(141) }), 'remittanceInformationUnstructured'),
        /^remittanceInformationUnstructured is 141 characters long; shorten it to at most 140 characters\.$/,
      );
      assert.match(only('domestic', domestic({ remittanceInformationUnstructured: ['a'] }), 'remittanceInformationUnstructured'), /not an array\.$/);
    });

    it('checks endToEndIdentification, creditorAgent and creditorAgentName when present', () => {
      assert.match(only('domestic', domestic({ endToEndIdentification: 'x'.repeat(36) }), 'endToEndIdentification'), /at most 35 characters/);
      assert.match(only('domestic', domestic({ creditorAgent: 'cobadeff' }), 'creditorAgent'), /^creditorAgent must be a BIC of 8 or 11 capital letters and digits/);
      assert.match(only('domestic', domestic({ creditorAgentName: 'x'.repeat(71) }), 'creditorAgentName'), /at most 70 characters/);
      assert.deepEqual(problems('domestic', domestic({ creditorAgent: 'ESSESESS', endToEndIdentification: 'E2E-1' })), []);
    });

    it('needs a country in creditorAddress when one is given', () => {
      assert.match(only('domestic', domestic({ creditorAddress: { city: 'Frankfurt' } }), 'creditorAddress.country'), /^creditorAddress\.country is required; set it to a country code of 2 capital letters/);
      assert.match(only('domestic', domestic({ creditorAddress: { country: 'Germany' } }), 'creditorAddress.country'), /must be a country code/);
      assert.match(only('domestic', domestic({ creditorAddress: { country: 'DE', street: 's'.repeat(71) } }), 'creditorAddress.street'), /at most 70 characters/);
      assert.match(only('domestic', domestic({ creditorAddress: { country: 'DE', postalCode: 60311 } }), 'creditorAddress.postalCode'), /^creditorAddress\.postalCode must be a string, written in quotes, not a number\.$/);
      assert.match(only('domestic', domestic({ creditorAddress: 'Frankfurt, DE' }), 'creditorAddress'), /must be an object with at least "country"/);
    });

    it('needs creditorAgent or creditorAddress for international payments', () => {
      const body = template('international');
      delete body['creditorAddress'];
      assert.deepEqual(problems('international', body), [], 'creditorAgent alone');
      delete body['creditorAgent'];
      assert.match(only('international', body, 'creditorAgent'), /^creditorAgent or creditorAddress is required for an international payment;/);
      assert.deepEqual(problems('international', { ...body, creditorAddress: { country: 'DE' } }), [], 'creditorAddress alone');
    });
  });

  describe('requestedExecutionDate', () => {
    const dated = (date: unknown, today: string | Date = TODAY) =>
      validatePaymentBody('domestic', domestic({ requestedExecutionDate: date }), { today });

    it('accepts today and later days', () => {
      assert.deepEqual(dated('2026-11-25'), []);
      assert.deepEqual(dated('2027-01-01'), []);
      assert.deepEqual(dated('2026-11-25', new Date('2026-11-25T23:30:00Z')), []);
    });

    it('reports a day in the past, naming today', () => {
      const found = dated('2026-11-24');
      assert.deepEqual(found.map((p) => p.path), ['requestedExecutionDate']);
      assert.equal(
        found[0]!.message,
        'requestedExecutionDate 2026-11-24 is in the past; use today (2026-11-25) or a later day, or leave it out to pay as soon as possible.',
      );
      assert.equal(dated('2026-11-25', new Date('2026-11-26T00:00:00Z')).length, 1, 'a Date counts by its UTC day');
      assert.equal(validatePaymentBody('domestic', domestic({ requestedExecutionDate: '2000-01-01' })).length, 1, 'with the real clock');
    });

    it('needs yyyy-MM-dd and a day that exists', () => {
      for (const bad of ['24.12.2030', '2030-1-5', '2030-12-24T10:00:00Z', '', 20301224]) {
        const found = dated(bad);
        assert.equal(found.length, 1, String(bad));
        assert.match(found[0]!.message, /^requestedExecutionDate must be a date written yyyy-MM-dd/);
      }
      assert.match(dated('2030-02-30')[0]!.message, /^requestedExecutionDate must be a real calendar day written yyyy-MM-dd; 2030-02-30 does not exist\.$/);
    });
  });

  describe('swedish-giro', () => {
    it('needs creditorGiro with a giro number and type, and no creditorAccount', () => {
      assert.match(only('swedish-giro', giro({ creditorGiro: undefined }), 'creditorGiro'), /^creditorGiro is required; add an object like/);
      assert.match(only('swedish-giro', giro({ creditorGiro: { giroNumber: '5555-5555' } }), 'creditorGiro.giroType'), /^creditorGiro\.giroType is required; set it to "BANKGIRO" or "PLUSGIRO"\.$/);
      assert.match(only('swedish-giro', giro({ creditorGiro: { giroNumber: '5555-5555', giroType: 'bankgiro' } }), 'creditorGiro.giroType'), /must be "BANKGIRO" or "PLUSGIRO"/);
      for (const bad of ['55-55-55', '5555 5555', '-5555', 'BG5555', '5']) {
        assert.match(only('swedish-giro', giro({ creditorGiro: { giroNumber: bad, giroType: 'BANKGIRO' } }), 'creditorGiro.giroNumber'), /digits with at most one hyphen/, bad);
      }
      for (const good of ['55555555', '948294-5']) {
        assert.deepEqual(problems('swedish-giro', giro({ creditorGiro: { giroNumber: good, giroType: 'PLUSGIRO' } })), [], good);
      }
    });

    it('needs exactly one of ocrRef and invoiceRef, reported at ocrRef', () => {
      assert.match(only('swedish-giro', giro({ invoiceRef: 'Invoice 4421' }), 'ocrRef'), /^ocrRef and invoiceRef cannot both be given;/);
      assert.match(only('swedish-giro', giro({ ocrRef: undefined }), 'ocrRef'), /^ocrRef or invoiceRef is required for a swedish-giro payment;/);
      assert.deepEqual(problems('swedish-giro', giro({ ocrRef: undefined, invoiceRef: 'Invoice 4421' })), []);
    });

    it('checks the references and messages', () => {
      assert.match(only('swedish-giro', giro({ ocrRef: '12AB5' }), 'ocrRef'), /^ocrRef must be an OCR reference of 5 to 140 digits/);
      assert.match(only('swedish-giro', giro({ ocrRef: '1234' }), 'ocrRef'), /5 to 140 digits/);
      assert.match(only('swedish-giro', giro({ ocrRef: undefined, invoiceRef: 'abc' }), 'invoiceRef'), /^invoiceRef is 3 characters long; it must be an invoice reference of 5 to 140 characters\.$/);
      assert.match(only('swedish-giro', giro({ debtorAccountMessage: 'x'.repeat(141) }), 'debtorAccountMessage'), /at most 140/);
      assert.match(only('swedish-giro', giro({ creditorAccountMessage: 1 }), 'creditorAccountMessage'), /not a number\.$/);
    });
  });

  it('reports every problem of a body at once, in field order', () => {
    assert.deepEqual(paths('domestic', { instructedAmount: { amount: 5 }, debtorAccount: {}, creditorName: '', requestedExecutionDate: '2020-01-01' }), [
      'instructedAmount.amount',
      'instructedAmount.currency',
      'debtorAccount',
      'creditorName',
      'creditorAccount',
      'requestedExecutionDate',
    ]);
  });
});

describe('validatePaymentBody through a localiser', () => {
  // Pseudo-localisation: every string the localiser returns is marked, so English that bypassed it shows.
  const pseudo = (message: string, ...args: (string | number)[]) => `⟪${plainTranslate(message, ...args)}⟫`;
  const cases: [string, unknown][] = [
    ['dollar-transfers', {}],
    ['domestic', null],
    ['domestic', domestic({ instructedAmount: undefined })],
    ['domestic', domestic({ instructedAmount: 'ten', creditorName: { first: 'Ada' } })],
    ['domestic', domestic({ instructedAmount: { amount: 10, Currency: 'SEK' } })],
    ['domestic', domestic({ instructedAmount: { amount: '0', currency: 'SEK' } })],
    ['domestic', domestic({ creditorName: '', remittanceInformationUnstructured: 'x'.repeat(141) })],
    ['domestic', domestic({ creditorAccount: { IBAN: 'SE45 5000' }, debtorAccount: { iban: 'SE45 5000 0000 0583 9825 7466', bban: '1' } })],
    ['domestic', domestic({ requestedExecutionDate: '2026-02-30' })],
    ['domestic', domestic({ requestedExecutionDate: '2020-01-01' })],
    ['international', { ...template('international'), creditorAgent: undefined, creditorAddress: undefined }],
    ['sepa-credit-transfers', { ...template('sepa-credit-transfers'), instructedAmount: { amount: '1', currency: 'SEK' } }],
    ['swedish-giro', giro({ invoiceRef: 'Invoice 4421' })],
    ['swedish-giro', giro({ ocrRef: undefined, invoiceRef: 'abc' })],
    ['swedish-giro', giro({ ocrRef: undefined })],
  ];

  it('writes every sentence through it, and changes nothing else', () => {
    for (const [product, body] of cases) {
      const english = validatePaymentBody(product, body, { today: TODAY });
      const localised = validatePaymentBody(product, body, { today: TODAY, t: pseudo });
      assert.ok(english.length > 0, `${product} ${JSON.stringify(body)} has a problem`);
      assert.deepEqual(localised.map((p) => p.path), english.map((p) => p.path));
      for (const [i, problem] of localised.entries()) {
        assert.match(problem.message, /^⟪[^]*⟫$/, problem.message);
        assert.equal(problem.message.replace(/[⟪⟫]/g, ''), english[i]?.message);
      }
    }
  });

  it('localises the pieces a sentence is built from: rule, type, case hint and list words', () => {
    const all = cases.flatMap(([product, body]) => validatePaymentBody(product, body, { today: TODAY, t: pseudo })).map((p) => p.message);
    const has = (piece: string) => assert.ok(all.some((m) => m.includes(piece)), `${piece} in ${all.join('\n')}`);
    has('⟪a currency code of 3 capital letters');
    has('⟪(found "Currency"; names are case-sensitive)⟫');
    has('⟪a number⟫');
    has('⟪a string⟫');
    has('⟪an object⟫');
    has('⟪written without spaces⟫');
    has('⟪iban, bban, pan, maskedPan or msisdn⟫');
    has('iban⟪ and ⟫bban');
  });
});

// Payment Initiation Service (reference §4.5) for payments × domestic | sepa-credit-transfers |
// international | swedish-giro. Cancellation is answered as the platform documents it: not supported.
import crypto from 'node:crypto';
import { PAYMENT_PRODUCTS, type OperationIdIn } from '../../src/client';
import type { Bank } from '../data/types';
import { created, ok, type Reply } from '../http/reply';
import { ApiError, formatError } from '../http/tppMessages';
import type { Payment } from '../state/types';
import { checkPaymentRules } from './bankRules';
import { requireCorporateSupport, requirePsuHeaders } from './checks';
import { redirectPreferred, type BankHandler, type BankContext, type SandboxEnv } from './context';
import { authorisationHandlers } from './authorisations';
import { approachOf, flowFor, scaParent, type Outcome, type ScaParent } from './sca';
import { advanceSettlement, transactionStatus } from './paymentStatus';
import { accountReference, amount, date, isObject, object, optionalString, PATTERNS, requiredString, type Json } from './validate';

const PIS_BASE = '/psd2/paymentinitiation/v1';

export function paymentOutcomeFor(env: SandboxEnv): Outcome {
  return (auth, approved) => {
    const payment = env.store.payments.get(auth.parentId);
    if (!payment) return;
    if (approved) payment.signedStep = 0;
    else payment.rejected = true;
  };
}

/** Whether the creditor account is one of the bank's own accounts (Handelsbanken settles those as ACCC). */
function creditorAtSameBank(env: SandboxEnv, bank: Bank, body: Json): boolean {
  const creditor = body['creditorAccount'];
  if (!isObject(creditor)) return false;
  return env.accounts
    .accountsOf(bank)
    .some((a) => (creditor['iban'] !== undefined && creditor['iban'] === a.iban) || (creditor['bban'] !== undefined && creditor['bban'] === a.bban));
}

function validateCreditTransfer(body: Json, product: string): void {
  object(body['creditorAccount'], 'creditorAccount');
  accountReference(body['creditorAccount'], 'creditorAccount');
  optionalString(body, 'creditorAgent', '', { pattern: PATTERNS.bic });
  optionalString(body, 'creditorAgentName', '', { max: 140 });
  optionalString(body, 'remittanceInformationUnstructured', '', { max: 140 });
  if (body['creditorAddress'] !== undefined) {
    const address = object(body['creditorAddress'], 'creditorAddress');
    requiredString(address, 'country', 'creditorAddress', { pattern: PATTERNS.country });
    optionalString(address, 'street', 'creditorAddress', { max: 70 });
  }
  if (product === 'international' && body['creditorAgent'] === undefined && body['creditorAddress'] === undefined) {
    throw formatError('creditorAgent', 'International payments need creditorAgent or creditorAddress.');
  }
}

function validateGiro(body: Json): void {
  const giro = object(body['creditorGiro'], 'creditorGiro');
  requiredString(giro, 'giroNumber', 'creditorGiro', { pattern: PATTERNS.giro });
  const type = requiredString(giro, 'giroType', 'creditorGiro');
  if (type !== 'BANKGIRO' && type !== 'PLUSGIRO') throw formatError('creditorGiro.giroType', 'giroType must be BANKGIRO or PLUSGIRO.');
  const ocr = optionalString(body, 'ocrRef', '', { pattern: PATTERNS.ocr });
  const invoice = optionalString(body, 'invoiceRef', '', { min: 5, max: 140 });
  if ((ocr === undefined) === (invoice === undefined)) {
    throw formatError(ocr === undefined ? 'ocrRef' : 'invoiceRef', 'Give exactly one of ocrRef or invoiceRef.');
  }
  optionalString(body, 'debtorAccountMessage', '', { max: 140 });
  optionalString(body, 'creditorAccountMessage', '', { max: 140 });
}

function validatePayment(value: unknown, product: string, today: Date): { body: Json; futureDated: boolean } {
  const body = object(value, 'body');
  const instructed = amount(body['instructedAmount'], 'instructedAmount');
  accountReference(body['debtorAccount'], 'debtorAccount', true);
  requiredString(body, 'creditorName', '', { max: 70 });
  optionalString(body, 'endToEndIdentification', '', { max: 35 });
  if (product === 'swedish-giro') validateGiro(body);
  else validateCreditTransfer(body, product);
  if (product === 'sepa-credit-transfers' && instructed.currency !== 'EUR') {
    throw formatError('instructedAmount.currency', 'sepa-credit-transfers are in EUR only.');
  }
  let futureDated = false;
  const requested = optionalString(body, 'requestedExecutionDate', '');
  if (requested !== undefined) {
    const day = date(requested, 'requestedExecutionDate').toISOString().slice(0, 10);
    const todayText = today.toISOString().slice(0, 10);
    if (day < todayText) throw new ApiError(400, 'EXECUTION_DATE_INVALID', 'requestedExecutionDate is in the past.', 'requestedExecutionDate');
    futureDated = day > todayText;
  }
  return { body, futureDated };
}

function checkServiceAndProduct(ctx: BankContext, bank: Bank): { service: string; product: string } {
  const service = ctx.params['payment-service']!;
  const product = ctx.params['payment-product']!;
  if (service !== 'payments') throw new ApiError(400, 'SERVICE_INVALID', `Payment service "${service}" is not offered; use "payments".`, 'payment-service');
  if (!(PAYMENT_PRODUCTS as readonly string[]).includes(product) || !(bank.paymentProducts as readonly string[]).includes(product)) {
    throw new ApiError(404, 'PRODUCT_UNKNOWN', `${bank.bicFi} does not offer the payment product "${product}".`, 'payment-product');
  }
  return { service, product };
}

function paymentPath(p: Payment): string {
  return `${PIS_BASE}/${p.service}/${p.product}/${p.id}`;
}

function initiatePayment(ctx: BankContext): Reply {
  const { env, bank } = ctx;
  const { service, product } = checkServiceAndProduct(ctx, bank);
  requireCorporateSupport(bank, ctx.token);
  requirePsuHeaders(ctx.headers, bank, ctx.op, true);
  const { body, futureDated } = validatePayment(ctx.body, product, env.today);
  checkPaymentRules(bank, { product, context: ctx.token.context, body });
  const preferRedirect = redirectPreferred(ctx.headers);
  const payment: Payment = {
    id: crypto.randomUUID(),
    bicFi: bank.bicFi,
    clientId: ctx.token.clientId,
    context: ctx.token.context,
    service,
    product,
    body,
    ...(preferRedirect === undefined ? {} : { redirectPreferred: preferRedirect }),
    signedStep: -1,
    rejected: false,
    futureDated,
    creditorAtSameBank: creditorAtSameBank(env, bank, body),
    authorisationIds: [],
  };
  env.store.payments.set(payment.id, payment);
  const self = paymentPath(payment);
  return created(
    {
      transactionStatus: transactionStatus(env, payment, bank),
      paymentId: payment.id,
      _links: {
        startAuthorisationWithTransactionAuthorisation: { href: `${self}/authorisations` },
        self: { href: self },
        status: { href: `${self}/status` },
      },
      psuMessage: `Please confirm payment ${payment.id}`,
    },
    self,
    { 'ASPSP-SCA-Approach': approachOf(flowFor(bank, preferRedirect)) },
  );
}

/** Another client's payment answers like an unknown one: RESOURCE_UNKNOWN, "unknown relative to the TPP", 404 for a path parameter (OAS). */
function findPayment(ctx: BankContext): Payment {
  requirePsuHeaders(ctx.headers, ctx.bank, ctx.op, false);
  const { product } = checkServiceAndProduct(ctx, ctx.bank);
  const id = ctx.params['paymentId']!;
  const payment = ctx.env.store.payments.get(id);
  if (!payment || payment.bicFi !== ctx.bank.bicFi || payment.product !== product || payment.clientId !== ctx.token.clientId) {
    throw new ApiError(404, 'RESOURCE_UNKNOWN', `No ${product} payment ${id} at ${ctx.bank.bicFi}.`, 'paymentId');
  }
  return payment;
}

function paymentParent(p: Payment): ScaParent {
  return scaParent('payment', p, paymentPath(p));
}

const notSupported: BankHandler = (ctx) => {
  checkServiceAndProduct(ctx, ctx.bank);
  throw new ApiError(405, 'SERVICE_INVALID', 'Payment cancellation is not supported by any ASPSP on the platform.');
};

const paymentAuthorisations = authorisationHandlers({
  resolve: (ctx) => {
    const p = findPayment(ctx);
    const done = p.signedStep >= 0 || p.rejected;
    const status = transactionStatus(ctx.env, p, ctx.bank);
    return { parent: paymentParent(p), ...(done ? { notStartable: `The payment is ${status}; it cannot be authorised again.` } : {}) };
  },
  outcome: (ctx) => paymentOutcomeFor(ctx.env),
});

export const paymentHandlers: Readonly<Record<OperationIdIn<'Payment Initiation'>, BankHandler>> = {
  initiatePayment,
  getPaymentInformation: (ctx) => {
    const p = findPayment(ctx);
    if (!ctx.bank.getPaymentSupported) throw new ApiError(405, 'SERVICE_INVALID', `${ctx.bank.bicFi} does not support Get Payment.`);
    return ok({ ...p.body, transactionStatus: transactionStatus(ctx.env, p, ctx.bank) });
  },
  getPaymentInitiationStatus: (ctx) => {
    const p = findPayment(ctx);
    // Report the status as it is, then move on: the first read after signing shows "locked for settlement".
    const status = transactionStatus(ctx.env, p, ctx.bank);
    advanceSettlement(p);
    return ok({ transactionStatus: status });
  },
  startPaymentAuthorisation: paymentAuthorisations.start,
  getPaymentInitiationAuthorisation: paymentAuthorisations.list,
  getPaymentInitiationScaStatus: paymentAuthorisations.status,
  updatePaymentPsuData: paymentAuthorisations.update,
  cancelPayment: notSupported,
  startPaymentInitiationCancellationAuthorisation: notSupported,
  getPaymentInitiationCancellationAuthorisationInformation: notSupported,
  getPaymentCancellationScaStatus: notSupported,
  updatePaymentCancellationPsuData: notSupported,
};

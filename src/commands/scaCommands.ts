// Authorise a consent or a payment (strong customer authentication), and the guided Create Consent.
import * as vscode from 'vscode';
import { CONSENT_BODY_TEMPLATE } from '../api/catalogue';
import type { ConsentStore } from '../consents/consentStore';
import type { ActiveEnvironment } from '../platform/activeEnvironment';
import type { Prompter } from '../platform/prompter';
import type { ExchangeRecord, RequestRunner } from '../platform/requestRunner';
import type { RequestSettingsReader } from '../platform/requestSettings';
import type { ScaSession } from '../platform/scaSession';
import { catalogueOperation } from '../platform/viewLoader';
import type { ScaOutcome } from '../sca/types';
import type { ConsentNode } from '../views/consentsTree';

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

export interface PaymentArgs {
  readonly bicFi: string;
  readonly paymentId: string;
  readonly paymentProduct: string;
  readonly paymentService?: string;
}

export class ScaCommands {
  constructor(
    private readonly sca: ScaSession,
    private readonly runner: RequestRunner,
    private readonly store: ConsentStore,
    private readonly environment: ActiveEnvironment,
    private readonly settings: RequestSettingsReader,
    private readonly prompter: Prompter,
  ) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.commands.registerCommand('openPayments.consents.authorise', (node?: ConsentNode) => this.authoriseConsent(node)),
      vscode.commands.registerCommand('openPayments.consents.create', (bicFi?: unknown) => this.createConsent(typeof bicFi === 'string' ? bicFi : undefined)),
      vscode.commands.registerCommand('openPayments.payments.authorise', (args?: unknown) => this.authorisePayment(args)),
      vscode.commands.registerCommand('openPayments.payments.status', (args?: unknown) => this.paymentStatus(args)),
      // A payment created with Send Request… is offered for authorisation straight away.
      this.runner.onDidExchange((record) => this.offerPaymentAuthorisation(record)),
    );
  }

  async authoriseConsent(node?: ConsentNode): Promise<ScaOutcome | undefined> {
    const consent =
      node && 'consent' in node
        ? node.consent
        : (
            await this.prompter.pick(
              this.store.list(this.environment.state.id).map((c) => ({ id: c.consentId, consent: c, label: `${c.bicFi} · ${c.consentId}`, description: c.status })),
              { title: vscode.l10n.t('Choose the consent to authorise') },
            )
          )?.consent;
    if (!consent) return undefined;
    return this.sca.authorise({ kind: 'consent', bicFi: consent.bicFi, consentId: consent.consentId }, consent.context);
  }

  /** Asks what the consent should cover, creates it, then authorises it. */
  async createConsent(bicFi: string | undefined): Promise<ScaOutcome | undefined> {
    const bank = bicFi ?? (await vscode.commands.executeCommand<string | undefined>('openPayments.banks.find'));
    if (!bank) return undefined;
    const scope = await this.prompter.pick(
      [
        { id: 'all', label: vscode.l10n.t('All accounts'), description: vscode.l10n.t('The bank lets the PSU choose (access: {})') },
        { id: 'ibans', label: vscode.l10n.t('Chosen IBANs…'), description: vscode.l10n.t('Accounts, balances and transactions of the IBANs you enter') },
      ],
      { title: vscode.l10n.t('Create Consent at {0}: accounts', bank), ignoreFocusOut: true },
    );
    if (!scope) return undefined;
    let access: unknown = {};
    if (scope.id === 'ibans') {
      const answer = await this.prompter.input({
        title: vscode.l10n.t('Create Consent at {0}: IBANs', bank),
        prompt: vscode.l10n.t('Enter one or more IBANs, separated by commas or spaces.'),
        ignoreFocusOut: true,
        validateInput: (value) => {
          const ibans = value.split(/[\s,]+/).filter(Boolean);
          if (!ibans.length) return vscode.l10n.t('Enter at least one IBAN.');
          const bad = ibans.find((iban) => !IBAN.test(iban.toUpperCase()));
          return bad ? vscode.l10n.t('{0} is not an IBAN.', bad) : undefined;
        },
      });
      if (answer === undefined) return undefined;
      const refs = answer.split(/[\s,]+/).filter(Boolean).map((iban) => ({ iban: iban.toUpperCase() }));
      access = { accounts: refs, balances: refs, transactions: refs };
    }
    const validUntil = await this.prompter.input({
      title: vscode.l10n.t('Create Consent at {0}: valid until', bank),
      value: new Date(Date.now() + 89 * 24 * 3600 * 1000).toISOString().slice(0, 10),
      prompt: vscode.l10n.t('Last day the consent is valid (yyyy-MM-dd).'),
      ignoreFocusOut: true,
      validateInput: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && !Number.isNaN(Date.parse(value.trim())) ? undefined : vscode.l10n.t('Enter a date as yyyy-MM-dd.')),
    });
    if (validUntil === undefined) return undefined;
    const body = { ...CONSENT_BODY_TEMPLATE, access, validUntil: validUntil.trim(), recurringIndicator: true, frequencyPerDay: 4 };
    const context = this.settings.read().context;
    const result = await this.runner.run({ operation: catalogueOperation('createConsent'), params: { 'X-BicFi': bank }, body, context }, { show: false });
    if (!result?.ok) return undefined;
    const consentId = (result.exchange.json as { consentId?: unknown } | undefined)?.consentId;
    if (typeof consentId !== 'string') return undefined;
    return this.sca.authorise({ kind: 'consent', bicFi: bank, consentId }, context);
  }

  async authorisePayment(args: unknown): Promise<ScaOutcome | undefined> {
    const payment = paymentArgs(args) ?? (await this.askPayment());
    if (!payment) return undefined;
    return this.sca.authorise({ kind: 'payment', ...payment });
  }

  /** Reads the payment's status from the bank; the exchange tracker stores it for the Banks view. */
  async paymentStatus(args: unknown): Promise<string | undefined> {
    const payment = paymentArgs(args);
    if (!payment) return undefined;
    const result = await this.runner.run(
      {
        operation: catalogueOperation('getPaymentInitiationStatus'),
        params: { 'payment-service': payment.paymentService ?? 'payments', 'payment-product': payment.paymentProduct, paymentId: payment.paymentId, 'X-BicFi': payment.bicFi },
      },
      { show: false },
    );
    if (!result?.ok) return undefined;
    const status = (result.exchange.json as { transactionStatus?: unknown } | undefined)?.transactionStatus;
    const text = typeof status === 'string' && /^[A-Z]{4}$/.test(status) ? status : 'unknown';
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Payment {0} at {1} has status {2}. X-Request-ID: {3}.', payment.paymentId, payment.bicFi, text, result.exchange.requestId),
    );
    return text;
  }

  private offerPaymentAuthorisation(record: ExchangeRecord): void {
    if (record.operation.id !== 'initiatePayment' || !record.result.ok) return;
    const paymentId = (record.result.exchange.json as { paymentId?: unknown } | undefined)?.paymentId;
    const params = record.input.params;
    const args = paymentArgs({ paymentId, bicFi: params['X-BicFi'], paymentProduct: params['payment-product'], paymentService: params['payment-service'] });
    if (!args) return;
    const action = vscode.l10n.t('Authorise Payment');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Payment {0} was created at {1}. Authorise it now?', args.paymentId, args.bicFi), action)
      .then((picked) => (picked === action ? this.sca.authorise({ kind: 'payment', ...args }) : undefined));
  }

  private async askPayment(): Promise<PaymentArgs | undefined> {
    const ask = (title: string, value?: string) => this.prompter.input({ title, value, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('This value is required.')) });
    const bicFi = await ask(vscode.l10n.t('Authorise Payment: BIC of the bank'));
    if (!bicFi) return undefined;
    const paymentProduct = await ask(vscode.l10n.t('Authorise Payment: payment product'), 'domestic');
    if (!paymentProduct) return undefined;
    const paymentId = await ask(vscode.l10n.t('Authorise Payment: paymentId'));
    if (!paymentId) return undefined;
    return { bicFi: bicFi.trim(), paymentProduct: paymentProduct.trim(), paymentId: paymentId.trim() };
  }
}

/** Accepts explicit arguments, or a payment item of the Banks view (which carries them as `payment`). */
function paymentArgs(value: unknown): PaymentArgs | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const outer = value as Record<string, unknown>;
  const v = typeof outer.payment === 'object' && outer.payment !== null ? (outer.payment as Record<string, unknown>) : outer;
  const text = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : undefined);
  const bicFi = text(v.bicFi);
  const paymentId = text(v.paymentId);
  const paymentProduct = text(v.paymentProduct);
  if (!bicFi || !paymentId || !paymentProduct) return undefined;
  return { bicFi, paymentId, paymentProduct, ...(text(v.paymentService) ? { paymentService: text(v.paymentService) } : {}) };
}

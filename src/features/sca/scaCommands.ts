// Authorise a consent or a payment (strong customer authentication), and the guided Create Consent.
import * as vscode from 'vscode';
import { catalogueOperation } from '../../client/catalogue/catalogue';
import { MAX_FREQUENCY_PER_DAY, ONE_OFF, RECURRING_DEFAULT, consentBody, defaultValidUntil, frequencyProblem, parseIbans, renewalBody, validUntilProblem, type AccessChoice, type Frequency } from '../../client/consents/consentDraft';
import type { ConsentRecord } from '../../client/consents/consentStore';
import type { Exchange } from '../../client/http/exchange';
import type { PsuContext } from '../../client/catalogue/operationTypes';
import type { BankPicker } from '../../host/bankPicker';
import type { ExchangeRecord } from '../../host/requestRunner';
import { subjectLabel } from './scaMessages';
import type { ScaSession } from './scaSession';
import { requestIdSuffix } from '../../host/failureMessages';
import { consentVerdict } from '../../client/sca/statusRules';
import type { ScaOutcome, ScaSubject } from '../../client/sca/types';
import { consentLabel } from '../../host/consentLabel';
import type { ConsentNode } from '../../host/treeNodes';
import type { Host } from '../../host/host';


export interface PaymentArgs {
  readonly bicFi: string;
  readonly paymentId: string;
  readonly paymentProduct: string;
  readonly paymentService?: string;
}

export class ScaCommands {
  constructor(
    private readonly host: Pick<Host, 'consents' | 'environment' | 'prompter' | 'requestSettings' | 'runner'>,
    private readonly sca: ScaSession,
    private readonly banks: BankPicker,
  ) {}

  /** A payment created with Send Request… is offered for authorisation straight away. */
  offerPaymentAuthorisations(): vscode.Disposable {
    return this.host.runner.onDidExchange((record) => this.offerPaymentAuthorisation(record));
  }

  async authoriseConsent(node?: ConsentNode): Promise<ScaOutcome | undefined> {
    const consent =
      node && 'consent' in node
        ? node.consent
        : (
            await this.host.prompter.pick(
              this.host.consents.list(this.host.environment.state.id).map((c) => ({ id: c.consentId, consent: c, label: consentLabel(c), description: c.consentId })),
              { title: vscode.l10n.t('Choose the consent to authorise') },
            )
          )?.consent;
    if (!consent) return undefined;
    // An ended consent never comes back: only a received consent can be authorised (BG, and the sandbox).
    if (consentVerdict(consent.status) === 'failed') return this.renewConsent(consent);
    return this.sca.authorise({ kind: 'consent', bicFi: consent.bicFi, consentId: consent.consentId }, consent.context);
  }

  /**
   * Authorising an ended consent again means a new consent with the same access (from the bank's Get Consent),
   * authorised in turn. When the bank no longer describes the old one, the guided Create Consent asks instead.
   */
  private async renewConsent(old: ConsentRecord): Promise<ScaOutcome | undefined> {
    const information = await this.host.runner.run(
      { operation: catalogueOperation('getConsentInformation'), params: { consentId: old.consentId, 'X-BicFi': old.bicFi }, context: old.context },
      { show: false, quietInView: 'openPayments.consents' },
    );
    const body = information?.ok ? renewalBody(information.exchange.json, new Date()) : undefined;
    if (!body) return this.createConsent(old.bicFi);
    return this.createAndAuthorise(old.bicFi, body, old.context);
  }

  /**
   * Asks what the consent covers, how often it may be read and until when, creates it, then authorises it.
   * Every question opens on its default, so Enter at each one creates the usual consent.
   */
  async createConsent(bicFi: string | undefined): Promise<ScaOutcome | undefined> {
    // Without a bank (the Command Palette, the view's + button) the bank is asked, the one selected in the Banks view first.
    const bank = bicFi ?? (await this.banks.pick(vscode.l10n.t('Create Consent: bank')));
    if (!bank) return undefined;
    const access = await this.askAccess(bank);
    if (!access) return undefined;
    // Three questions either way: the IBANs are part of the first (which accounts), so the counter never jumps.
    const frequency = await this.askFrequency(bank, 2, 3);
    if (!frequency) return undefined;
    const validUntil = await this.askValidUntil(bank, 3, 3);
    if (validUntil === undefined) return undefined;
    return this.createAndAuthorise(bank, consentBody({ access, frequency, validUntil }), this.host.requestSettings.read().context);
  }

  /**
   * Creates the consent at the bank, then authorises it, as one flow under one progress notification; a failed
   * create has been reported and ends the flow.
   */
  private createAndAuthorise(bicFi: string, body: unknown, context: PsuContext): Promise<ScaOutcome | undefined> {
    return this.sca.authorise({ kind: 'newConsent', bicFi, create: (signal) => this.createAt(bicFi, body, context, signal) }, context);
  }

  private async createAt(bicFi: string, body: unknown, context: PsuContext, signal: AbortSignal): Promise<ScaSubject | undefined> {
    const input = { operation: catalogueOperation('createConsent'), params: { 'X-BicFi': bicFi }, body, context };
    const result = await this.host.runner.run(input, { show: false, inFlowProgress: true, signal });
    if (!result?.ok) return undefined;
    const consentId = (result.exchange.json as { consentId?: unknown } | undefined)?.consentId;
    if (typeof consentId !== 'string' || consentId === '') {
      void this.reportMissingConsentId({ operation: input.operation, environmentId: this.host.environment.state.id, input, result }, result.exchange);
      return undefined;
    }
    return { kind: 'consent', bicFi, consentId };
  }

  /** A 2xx without a consentId leaves nothing to authorise; say so rather than end in silence. */
  private async reportMissingConsentId(record: ExchangeRecord, exchange: Exchange): Promise<void> {
    const showResponse = vscode.l10n.t('Show Response');
    const picked = await vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Create Consent answered HTTP {0} without a consentId, so there is nothing to authorise. Look at the response, then create the consent again.{1}',
        exchange.status,
        requestIdSuffix(exchange.requestId),
      ),
      showResponse,
    );
    if (picked === showResponse) this.host.runner.show(record);
  }

  private async askAccess(bank: string): Promise<AccessChoice | undefined> {
    const scope = await this.host.prompter.pick(
      [
        { id: 'all', label: vscode.l10n.t('All accounts'), description: vscode.l10n.t('default'), detail: vscode.l10n.t('The PSU chooses the accounts at the bank (access: {}).') },
        { id: 'ibans', label: vscode.l10n.t('Chosen IBANs…'), detail: vscode.l10n.t('Accounts, balances and transactions of the IBANs you enter.') },
      ],
      { title: vscode.l10n.t('Create Consent at {0} (1/3): accounts', bank), ignoreFocusOut: true },
    );
    if (!scope) return undefined;
    if (scope.id === 'all') return { kind: 'all' };
    const answer = await this.host.prompter.input({
      title: vscode.l10n.t('Create Consent at {0} (1/3): IBANs', bank),
      prompt: vscode.l10n.t('Enter one or more IBANs, separated by commas. Spaces inside an IBAN and lower case are fine.'),
      placeHolder: 'SE45 5000 0000 0583 9825 7466, SE2550000000054400047903',
      ignoreFocusOut: true,
      validateInput: (value) => {
        const parsed = parseIbans(value);
        if ('ibans' in parsed) return undefined;
        if (parsed.kind === 'empty') return vscode.l10n.t('Enter at least one IBAN.');
        return parsed.reason === 'checksum'
          ? vscode.l10n.t('{0} is not a valid IBAN: its check digits (the 3rd and 4th characters) do not match the rest, so a character is probably mistyped.', parsed.value)
          : vscode.l10n.t('{0} is not an IBAN: an IBAN is a country code, two check digits and up to 30 letters or digits, like SE45 5000 0000 0583 9825 7466.', parsed.value);
      },
    });
    if (answer === undefined) return undefined;
    const parsed = parseIbans(answer);
    return 'ibans' in parsed ? { kind: 'ibans', ibans: parsed.ibans } : undefined;
  }

  private async askFrequency(bank: string, step: number, steps: number): Promise<Frequency | undefined> {
    const title = vscode.l10n.t('Create Consent at {0} ({1}/{2}): how often', bank, String(step), String(steps));
    const picked = await this.host.prompter.pick(
      [
        {
          id: 'recurring',
          label: vscode.l10n.t('Recurring, up to {0} reads a day', String(RECURRING_DEFAULT.frequencyPerDay)),
          description: vscode.l10n.t('default'),
          detail: vscode.l10n.t('recurringIndicator true, frequencyPerDay {0}: the accounts may be read again without the PSU, until the consent expires.', String(RECURRING_DEFAULT.frequencyPerDay)),
        },
        {
          id: 'oneOff',
          label: vscode.l10n.t('One-off, 1 read'),
          detail: vscode.l10n.t('recurringIndicator false, frequencyPerDay 1: for a single read while the PSU is present.'),
        },
        {
          id: 'custom',
          label: vscode.l10n.t('Recurring, another number of reads a day…'),
          detail: vscode.l10n.t('recurringIndicator true, with the frequencyPerDay you enter.'),
        },
      ],
      { title, ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    if (picked.id === 'recurring') return RECURRING_DEFAULT;
    if (picked.id === 'oneOff') return ONE_OFF;
    const answer = await this.host.prompter.input({
      title,
      value: String(RECURRING_DEFAULT.frequencyPerDay),
      prompt: vscode.l10n.t('Reads a day without the PSU present (frequencyPerDay), 1 to {0}. Banks may allow fewer.', String(MAX_FREQUENCY_PER_DAY)),
      ignoreFocusOut: true,
      validateInput: (value) => {
        const problem = frequencyProblem(value);
        if (problem === 'integer') return vscode.l10n.t('Enter a whole number.');
        return problem === 'range' ? vscode.l10n.t('Enter a number from 1 to {0}.', String(MAX_FREQUENCY_PER_DAY)) : undefined;
      },
    });
    if (answer === undefined) return undefined;
    return { recurringIndicator: true, frequencyPerDay: Number(answer.trim()) };
  }

  private async askValidUntil(bank: string, step: number, steps: number): Promise<string | undefined> {
    const today = new Date();
    const answer = await this.host.prompter.input({
      title: vscode.l10n.t('Create Consent at {0} ({1}/{2}): valid until', bank, String(step), String(steps)),
      value: defaultValidUntil(today),
      prompt: vscode.l10n.t('Last day the consent is valid (yyyy-MM-dd). The default is 89 days from today; banks may shorten it.'),
      ignoreFocusOut: true,
      validateInput: (value) => {
        const problem = validUntilProblem(value, today);
        if (problem === 'format') return vscode.l10n.t('Enter a date as yyyy-MM-dd.');
        return problem === 'past' ? vscode.l10n.t('Enter today or a later day.') : undefined;
      },
    });
    return answer?.trim();
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
    const result = await this.host.runner.run(
      {
        operation: catalogueOperation('getPaymentInitiationStatus'),
        params: { 'payment-service': payment.paymentService ?? 'payments', 'payment-product': payment.paymentProduct, paymentId: payment.paymentId, 'X-BicFi': payment.bicFi },
      },
      { show: false },
    );
    if (!result?.ok) return undefined;
    const status = (result.exchange.json as { transactionStatus?: unknown } | undefined)?.transactionStatus;
    const text = typeof status === 'string' && /^[A-Z]{4}$/.test(status) ? status : 'unknown';
    const what = subjectLabel({ subject: { kind: 'payment', ...payment } });
    void vscode.window.showInformationMessage(vscode.l10n.t('The {0} has status {1}.{2}', what, text, requestIdSuffix(result.exchange.requestId)));
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
      .showInformationMessage(vscode.l10n.t('The {0} was created. Authorise it now?', subjectLabel({ subject: { kind: 'payment', ...args } })), action)
      .then((picked) => (picked === action ? this.sca.authorise({ kind: 'payment', ...args }) : undefined));
  }

  private async askPayment(): Promise<PaymentArgs | undefined> {
    const ask = (title: string, value?: string) => this.host.prompter.input({ title, value, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('This value is required.')) });
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

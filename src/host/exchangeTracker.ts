// Keeps the consent and payment stores in step with every exchange: whichever way a consent or payment
// was created, read or deleted (the views, Send Request…, history's send again, SCA polling), the views show it.
// When an account read says only that a consent is not valid (CONSENT_INVALID), it asks the bank which status
// the consent has, so a revoked or terminated consent shows as such.
import { catalogueOperation } from '../client/catalogue/catalogue';
import { consentEventOf } from '../client/consents/consentEvents';
import type { ConsentStore } from '../client/consents/consentStore';
import { paymentEventOf, type PaymentStore } from '../client/payments/paymentRecords';
import { Disposable } from './disposable';
import type { ExchangeRecord, RequestRunner } from './requestRunner';
import type { RequestSettingsReader } from './settings/requestSettings';

/** A tree may read many accounts of one consent at once; the bank is asked about it once in this window. */
const RECHECK_INTERVAL_MS = 60_000;

export interface ExchangeTrackerOptions {
  readonly now?: () => number;
}

export class ExchangeTracker extends Disposable {
  /** When each consent's status was last asked for, by environment and consentId. */
  private readonly rechecked = new Map<string, number>();
  private readonly now: () => number;

  constructor(
    private readonly runner: RequestRunner,
    private readonly store: ConsentStore,
    private readonly settings: RequestSettingsReader,
    private readonly payments: PaymentStore,
    options: ExchangeTrackerOptions = {},
  ) {
    super();
    this.now = options.now ?? Date.now;
    this._register(runner.onDidExchange((record) => void this.apply(record)));
  }

  private async apply(record: ExchangeRecord): Promise<void> {
    const exchange = record.result.ok ? record.result.exchange : record.result.failure.exchange;
    if (!exchange) return;
    const payment = paymentEventOf(record.operation.id, record.input.params, record.input.body, exchange);
    if (payment) await this.payments.apply(record.environmentId, payment);
    const event = consentEventOf(record.operation.id, record.input.params, record.input.body, exchange);
    if (!event) return;
    const env = record.environmentId;
    if (event.kind === 'created') {
      await this.store.add({
        consentId: event.consentId,
        bicFi: event.bicFi,
        environmentId: env,
        status: event.status,
        validUntil: event.validUntil,
        createdAt: new Date().toISOString(),
        context: record.input.context ?? this.settings.read().context,
      });
    } else if (event.kind === 'status') {
      await this.store.update(env, event.consentId, { status: event.status, ...(event.validUntil ? { validUntil: event.validUntil } : {}) });
    } else if (event.kind === 'invalid') {
      await this.recheck(env, event.consentId, event.bicFi);
    } else {
      await this.store.update(env, event.consentId, { status: 'terminatedByTpp' });
    }
  }

  /** Reads the consent's status; the answer comes back through apply() like any other status read. */
  private async recheck(environmentId: string, consentId: string, bicFi: string): Promise<void> {
    const consent = this.store.get(environmentId, consentId);
    // Only consents the user keeps here; a Consent-ID typed into Send Request… is the user's business.
    if (!consent || consent.bicFi !== bicFi) return;
    const key = `${environmentId}|${consentId}`;
    const last = this.rechecked.get(key);
    if (last !== undefined && this.now() - last < RECHECK_INTERVAL_MS) return;
    this.rechecked.set(key, this.now());
    await this.runner.run(
      { operation: catalogueOperation('getConsentStatus'), params: { consentId, 'X-BicFi': bicFi }, context: consent.context },
      { show: false, quietInView: 'openPayments.consents' },
    );
  }
}

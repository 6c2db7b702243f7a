// Keeps the consent and payment stores in step with every exchange: whichever way a consent or payment
// was created, read or deleted (the views, Send Request…, history's send again, SCA polling), the views show it.
import type * as vscode from 'vscode';
import { consentEventOf } from '../consents/consentEvents';
import type { ConsentStore } from '../consents/consentStore';
import { paymentEventOf, type PaymentStore } from '../payments/paymentRecords';
import type { ExchangeRecord, RequestRunner } from './requestRunner';
import type { RequestSettingsReader } from './requestSettings';

export class ExchangeTracker implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(
    runner: RequestRunner,
    private readonly store: ConsentStore,
    private readonly settings: RequestSettingsReader,
    private readonly payments: PaymentStore,
  ) {
    this.subscription = runner.onDidExchange((record) => void this.apply(record));
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
    } else {
      await this.store.update(env, event.consentId, { status: 'terminatedByTpp' });
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

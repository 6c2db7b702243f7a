// The payments the user initiated, per environment, kept in globalState: ids, bank, product, amount and the
// last status seen. No token, code or secret. Pure: it depends on the Memento's shape only.
import type { OperationId } from '../catalogue/catalogue';
import type { Exchange } from '../http/exchange';

export interface PaymentRecord {
  readonly paymentId: string;
  readonly bicFi: string;
  readonly paymentProduct: string;
  readonly paymentService: string;
  readonly environmentId: string;
  readonly status: string;
  readonly createdAt: string;
  readonly amount?: string;
  readonly creditorName?: string;
}

interface StateLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const KEY = 'openPayments.payments';
const MAX_PAYMENTS = 200;
const STATUS = /^[A-Z]{4}$/;

export type PaymentEvent =
  | { readonly kind: 'created'; readonly record: Omit<PaymentRecord, 'environmentId' | 'createdAt'> }
  | { readonly kind: 'status'; readonly paymentId: string; readonly status: string };

function field(json: unknown, name: string): unknown {
  return typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[name] : undefined;
}

/** What an exchange tells us about a payment: created, or its status read. */
export function paymentEventOf(operationId: OperationId, params: Readonly<Record<string, string | undefined>>, body: unknown, exchange: Exchange): PaymentEvent | undefined {
  if (exchange.status < 200 || exchange.status >= 300) return undefined;
  const status = field(exchange.json, 'transactionStatus');
  const knownStatus = typeof status === 'string' && STATUS.test(status) ? status : undefined;
  if (operationId === 'initiatePayment') {
    const paymentId = field(exchange.json, 'paymentId');
    const bicFi = params['X-BicFi'];
    const product = params['payment-product'];
    if (typeof paymentId !== 'string' || !bicFi || !product) return undefined;
    const amount = field(field(body, 'instructedAmount'), 'amount');
    const currency = field(field(body, 'instructedAmount'), 'currency');
    const creditor = field(body, 'creditorName');
    return {
      kind: 'created',
      record: {
        paymentId,
        bicFi,
        paymentProduct: product,
        paymentService: params['payment-service'] ?? 'payments',
        status: knownStatus ?? 'unknown',
        ...(typeof amount === 'string' ? { amount: `${amount} ${typeof currency === 'string' ? currency : ''}`.trim() } : {}),
        ...(typeof creditor === 'string' ? { creditorName: creditor.slice(0, 70) } : {}),
      },
    };
  }
  const paymentId = params.paymentId;
  if (paymentId && knownStatus && (operationId === 'getPaymentInitiationStatus' || operationId === 'getPaymentInformation')) {
    return { kind: 'status', paymentId, status: knownStatus };
  }
  return undefined;
}

export class PaymentStore {
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly state: StateLike) {}

  list(environmentId: string, bicFi?: string): PaymentRecord[] {
    return this.all().filter((p) => p.environmentId === environmentId && (!bicFi || p.bicFi === bicFi));
  }

  apply(environmentId: string, event: PaymentEvent, now = new Date()): Promise<void> {
    if (event.kind === 'created') {
      const record: PaymentRecord = { ...event.record, environmentId, createdAt: now.toISOString() };
      return this.write((all) => [record, ...all.filter((p) => !(p.environmentId === environmentId && p.paymentId === record.paymentId))].slice(0, MAX_PAYMENTS));
    }
    return this.write((all) => all.map((p) => (p.environmentId === environmentId && p.paymentId === event.paymentId ? { ...p, status: event.status } : p)));
  }

  /** Forgets every payment of every environment: the key leaves the state (Forget Everything). */
  clear(): Promise<void> {
    const next = this.writing.then(() => this.state.update(KEY, undefined)).then(() => this.listeners.forEach((l) => l()));
    this.writing = next.catch(() => undefined);
    return next;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private write(change: (all: PaymentRecord[]) => PaymentRecord[]): Promise<void> {
    const next = this.writing.then(() => this.state.update(KEY, change(this.all()))).then(() => this.listeners.forEach((l) => l()));
    this.writing = next.catch(() => undefined);
    return next;
  }

  private all(): PaymentRecord[] {
    const stored = this.state.get<unknown>(KEY);
    return Array.isArray(stored)
      ? stored.filter((p): p is PaymentRecord => typeof p === 'object' && p !== null && typeof (p as PaymentRecord).paymentId === 'string' && typeof (p as PaymentRecord).bicFi === 'string')
      : [];
  }
}

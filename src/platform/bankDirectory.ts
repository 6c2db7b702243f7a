// Loads and caches the bank directory (countries, ASPSPs, details) per environment through the request
// runner, so every load is an ordinary traced request. Nothing here knows about trees.
import * as vscode from 'vscode';
import { findOperation } from '../api/catalogue';
import { type AspspDetails, type AspspSummary, type Country, parseAspspDetails, parseAspsps, parseCountries } from '../api/aspspModels';
import type { Operation } from '../api/operationTypes';
import type { ActiveEnvironment } from './activeEnvironment';
import { describeFailure } from './failureMessages';
import type { ExchangeRecord, RequestRunner } from './requestRunner';

export type Loaded<T> = { readonly ok: true; readonly value: T; readonly record: ExchangeRecord } | { readonly ok: false; readonly message: string };

function operation(id: string): Operation {
  const found = findOperation(id);
  if (!found) throw new Error(`catalogue has no ${id}`);
  return found;
}

export class BankDirectory implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<Loaded<unknown>>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private environmentKey: string;

  constructor(
    private readonly runner: RequestRunner,
    private readonly environment: ActiveEnvironment,
    private readonly viewId: string,
  ) {
    this.environmentKey = this.keyOf();
    this.subscription = environment.onDidChange(() => {
      const key = this.keyOf();
      if (key !== this.environmentKey) {
        this.environmentKey = key;
        this.refresh();
      }
    });
  }

  countries(): Promise<Loaded<Country[]>> {
    return this.load('countries', 'getCountriesList', {}, parseCountries);
  }

  aspsps(isoCountryCode?: string): Promise<Loaded<AspspSummary[]>> {
    const params: Record<string, string> = isoCountryCode ? { isoCountryCodes: isoCountryCode } : {};
    return this.load(`aspsps:${isoCountryCode ?? '*'}`, 'getASPSPList', params, parseAspsps);
  }

  details(bicFi: string): Promise<Loaded<AspspDetails>> {
    return this.load(`details:${bicFi}`, 'getASPSPDetails', { bicFi }, (body) => parseAspspDetails(body));
  }

  refresh(): void {
    this.cache.clear();
    this.changed.fire();
  }

  private keyOf(): string {
    const state = this.environment.state;
    return state.resolution.ok ? `${state.id}|${state.resolution.environment.apiHost}|${state.hasCredentials}` : state.id;
  }

  private load<T>(key: string, operationId: string, params: Record<string, string>, parse: (body: unknown) => T | undefined): Promise<Loaded<T>> {
    const cached = this.cache.get(key) as Promise<Loaded<T>> | undefined;
    if (cached) return cached;
    const loading = this.fetch(operation(operationId), params, parse);
    this.cache.set(key, loading);
    // Failures are not cached: the retry action loads again.
    void loading.then((result) => {
      if (!result.ok && this.cache.get(key) === loading) this.cache.delete(key);
    });
    return loading;
  }

  private async fetch<T>(op: Operation, params: Record<string, string>, parse: (body: unknown) => T | undefined): Promise<Loaded<T>> {
    const result = await this.runner.run({ operation: op, params }, { show: false, quietInView: this.viewId });
    if (!result) {
      return { ok: false, message: vscode.l10n.t('Set client credentials and a valid environment to load banks.') };
    }
    if (!result.ok) return { ok: false, message: describeFailure(op.title, result.failure).text };
    const value = parse(result.exchange.json);
    if (value === undefined) {
      return { ok: false, message: vscode.l10n.t('{0} answered in an unexpected shape. X-Request-ID: {1}.', op.title, result.exchange.requestId) };
    }
    const state = this.environment.state;
    return { ok: true, value, record: { operation: op, environmentId: state.id, input: { operation: op, params }, result } };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

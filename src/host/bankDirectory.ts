// Loads and caches the bank directory (countries, ASPSPs, details) per environment through the request
// runner, so every load is an ordinary traced request. Nothing here knows about trees.
import * as vscode from 'vscode';
import type { OperationId } from '../client/catalogue/catalogue';
import { type AspspDetails, type AspspSummary, type Country, parseAspspDetails, parseAspsps, parseCountries } from '../client/models/aspspModels';
import type { ActiveEnvironment } from './activeEnvironment';
import { Disposable } from './disposable';
import type { RequestRunner } from './requestRunner';
import { type Loaded, ViewLoader } from './viewLoader';

/** The Banks view, where the directory's loads show their progress and errors. */
export const BANKS_VIEW_ID = 'openPayments.banks';

export class BankDirectory extends Disposable {
  private readonly cache = new Map<string, Promise<Loaded<unknown>>>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private environmentKey: string;
  private readonly loader: ViewLoader;
  /** Aborts the loads of one environment's directory: replaced on refresh or an environment switch, aborted on dispose. */
  private loads: { readonly key: string; readonly controller: AbortController };

  constructor(
    runner: RequestRunner,
    private readonly environment: ActiveEnvironment,
    viewId: string,
  ) {
    super();
    this.loader = new ViewLoader(runner, environment, viewId);
    this.environmentKey = this.keyOf();
    this.loads = { key: this.environmentKey, controller: new AbortController() };
    this._register(
      environment.onDidChange(() => {
        const key = this.keyOf();
        if (key !== this.environmentKey) {
          this.environmentKey = key;
          // A load started after the state changed (its event comes a moment later) is for this key already.
          if (this.loads.key !== key) this.abortLoads();
          this.cache.clear();
          this.changed.fire();
        }
      }),
    );
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

  /** The user's Refresh: whatever is still loading is for a tree about to be rebuilt, so it stops. */
  refresh(): void {
    this.abortLoads();
    this.cache.clear();
    this.changed.fire();
  }

  private abortLoads(): void {
    this.loads.controller.abort();
    this.loads = { key: this.keyOf(), controller: new AbortController() };
  }

  private keyOf(): string {
    const state = this.environment.state;
    return state.resolution.ok ? `${state.id}|${state.resolution.environment.apiHost}|${state.hasCredentials}` : state.id;
  }

  private load<T>(key: string, operationId: OperationId, params: Record<string, string>, parse: (body: unknown) => T | undefined): Promise<Loaded<T>> {
    const cached = this.cache.get(key) as Promise<Loaded<T>> | undefined;
    if (cached) return cached;
    if (this.loads.key !== this.keyOf()) this.abortLoads();
    const loading = this.loader.load(operationId, params, parse, undefined, this.loads.controller.signal);
    this.cache.set(key, loading);
    // Failures are not cached: the retry action loads again.
    void loading.then((result) => {
      if (!result.ok && this.cache.get(key) === loading) this.cache.delete(key);
    });
    return loading;
  }

  override dispose(): void {
    this.loads.controller.abort();
    super.dispose();
  }
}

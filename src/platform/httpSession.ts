// Owns the HTTP core for this window: built on first use (activation loads no HTTP code), rebuilt when the
// transport settings or the certificate passphrase change, and closed on dispose.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { BodySpillDirectory } from '../api/http/bodySpill';
import type { HttpCore } from '../api/http/httpCore';
import type { ApiRequest } from '../api/http/apiClient';
import type { ApiResult } from '../api/http/requestFailure';
import type { PsuContext } from '../api/operationTypes';
import type { CredentialStore } from '../auth/credentialStore';
import type { Environment } from '../core/environments';
import { isEnvironmentId } from '../core/environments';
import type { Redactor } from '../core/redaction';
import type { Logger } from './logger';
import type { RequestSettingsReader, TransportSettings } from './requestSettings';

export const CERTIFICATE_PASSPHRASE_KEY = 'openPayments.clientCertificatePassphrase';

export type SessionRequest = Omit<ApiRequest, 'environment' | 'context' | 'psuHeaders'> & {
  readonly context?: ApiRequest['context'];
};

interface PassphraseStore {
  get(key: string): Thenable<string | undefined>;
  onDidChange(listener: (event: { readonly key: string }) => unknown): vscode.Disposable;
}

/** The production client certificate (.pfx) named in the settings could not be loaded, so nothing can be sent. */
export class ClientCertificateError extends Error {
  constructor(readonly reason: 'missing' | 'unreadable') {
    super(`client certificate ${reason}`);
    this.name = 'ClientCertificateError';
  }
}

export class HttpSession implements vscode.Disposable {
  private core: Promise<HttpCore> | undefined;
  private coreForProduction = false;
  /** Where bodies over the size limit go; it outlives rebuilt cores, so a body shown stays openable. */
  private spill: BodySpillDirectory | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly settings: RequestSettingsReader,
    private readonly credentials: CredentialStore,
    private readonly secrets: PassphraseStore,
    private readonly redactor: Redactor,
    private readonly logger: Logger,
  ) {
    this.subscriptions.push(
      settings.onDidChangeTransport(() => void this.reset('transport settings changed')),
      // New credentials must never be served a token fetched with the old ones.
      credentials.onDidChange((environment) => void this.clearTokens(environment)),
      secrets.onDidChange((event) => {
        if (event.key === CERTIFICATE_PASSPHRASE_KEY) void this.reset('client certificate passphrase changed');
      }),
    );
  }

  async send(environment: Environment, request: SessionRequest): Promise<ApiResult> {
    const settings = this.settings.read();
    const core = await this.coreFor(environment, settings.transport);
    return core.client.send({
      ...request,
      environment: { id: environment.id, authHost: environment.authHost, apiHost: environment.apiHost },
      context: request.context ?? settings.context,
      psuHeaders: settings.psuHeaders,
    });
  }

  /**
   * A live token for an explicit user action (Copy as cURL with Live Token), for the PSU context of the call
   * it is meant for: the context setting may have changed since that call was sent.
   */
  async token(environment: Environment, product: ApiRequest['operation']['product'], context: PsuContext): Promise<string> {
    const core = await this.coreFor(environment, this.settings.read().transport);
    const token = await core.tokens.getToken({
      environmentId: environment.id,
      authHost: environment.authHost,
      product,
      // As for API calls: ASPSP Information tokens are always requested for the private context.
      context: product === 'aspspinformation' ? 'private' : context,
    });
    return token.value;
  }

  /** The auth host's fetch for the authorization-code exchange, sharing this session's transport settings. */
  async authFetch(environment: Environment): Promise<HttpCore['authFetch']> {
    const core = await this.coreFor(environment, this.settings.read().transport);
    return core.authFetch;
  }

  private coreFor(environment: Environment, transport: TransportSettings): Promise<HttpCore> {
    // The client certificate belongs to production only; switching in or out of production rebuilds.
    if (this.core && this.coreForProduction !== environment.isProduction) void this.reset('environment changed');
    this.coreForProduction = environment.isProduction;
    if (!this.core) {
      const building = this.build(environment.isProduction, transport);
      // A failed build (unreadable certificate) is not cached: the next request tries again.
      building.catch(() => {
        if (this.core === building) this.core = undefined;
      });
      this.core = building;
    }
    return this.core;
  }

  private async build(production: boolean, transport: TransportSettings): Promise<HttpCore> {
    const { createHttpCore, BodySpillDirectory } = await import('../api/http/httpCore');
    this.spill ??= new BodySpillDirectory();
    const clientCertificate = production ? await this.loadCertificate(transport.clientCertificatePath) : undefined;
    return createHttpCore({
      transport: {
        connectTimeoutMs: transport.connectTimeoutMs,
        headersTimeoutMs: transport.headersTimeoutMs,
        bodyTimeoutMs: transport.bodyTimeoutMs,
        deadlineMs: transport.deadlineMs,
        proxyUrl: transport.proxyUrl,
        clientCertificate,
      },
      bodyLimitBytes: transport.maxBodyBytes,
      spill: this.spill,
      credentials: async (environmentId) => (isEnvironmentId(environmentId) ? this.credentials.get(environmentId) : undefined),
      redactor: this.redactor,
      // The user is told "see the log"; this is what the log then has (redacted, as every line).
      onInternalError: (operationId, error) => this.logger.error(`${operationId} failed inside the extension`, error),
    });
  }

  private async loadCertificate(path: string | undefined): Promise<{ pfx: Buffer; passphrase?: string } | undefined> {
    if (!path) return undefined;
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      // The path goes to the log only: the user's message names the setting, where the path can be fixed.
      this.logger.warn(`The client certificate ${path} could not be read (${code ?? 'unknown error'}).`);
      throw new ClientCertificateError(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable');
    }
    const passphrase = await this.secrets.get(CERTIFICATE_PASSPHRASE_KEY);
    this.redactor.addSecret(passphrase);
    return { pfx: bytes, passphrase };
  }

  private async clearTokens(environment: string): Promise<void> {
    const core = await this.core?.catch(() => undefined);
    core?.tokens.clear(environment);
  }

  async reset(reason: string): Promise<void> {
    const previous = this.core;
    this.core = undefined;
    if (!previous) return;
    this.logger.debug(`HTTP connections rebuilt: ${reason}.`);
    const core = await previous.catch(() => undefined);
    await core?.close().catch(() => undefined);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    void this.reset('extension deactivated');
    // The temporary files of large bodies go with the window that received them.
    void this.spill?.dispose().catch(() => undefined);
  }
}

// Owns the HTTP core for this window: built on first use (activation loads no HTTP code), rebuilt when the
// transport settings or the certificate passphrase change, and closed on dispose. Production, and the custom
// environment when its settings name them, get a client certificate (.pfx) and, for custom, a private CA; both
// are checked when the core is built, so a wrong file or passphrase is named before anything is sent.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { BodySpillDirectory } from '../client/http/bodySpill';
import type { HttpCore } from '../client/http/httpCore';
import type { ApiRequest } from '../client/http/apiClient';
import { caCertificatesOf, checkClientCertificate } from '../client/http/clientCertificate';
import { ClientCertificateError, type CertificateFileProblem } from '../client/http/clientCertificateError';
import type { ApiResult } from '../client/http/requestFailure';
import type { PsuContext } from '../client/catalogue/operationTypes';
import type { CodeExchangeInput, CodeExchangeResult } from '../client/auth/authorizationCode/codeExchange';
import type { ClientCredentials, CredentialStore } from '../client/auth/credentialStore';
import type { ClientCredentialsTokens } from '../client/auth/tokens/clientCredentialsTokens';
import type { Environment } from '../client/environments/environments';
import { isEnvironmentId, isLoopbackHostname } from '../client/environments/environments';
import type { Redactor } from '../client/redaction/redaction';
import { Disposable } from './disposable';
import type { Logger } from './logger';
import type { RequestSettingsReader, TransportSettings } from './settings/requestSettings';

export const CERTIFICATE_PASSPHRASE_KEY = 'openPayments.clientCertificatePassphrase';

/** The settings that name each environment's certificate files; only production and custom have any. */
export const CERTIFICATE_SETTINGS = {
  productionClientCertificate: 'openPayments.production.clientCertificatePath',
  customClientCertificate: 'openPayments.custom.clientCertificatePath',
  customCaCertificate: 'openPayments.custom.caCertificatePath',
} as const;

/** Which certificate files a core is built with, and the settings that name them. */
interface CertificatePlan {
  /** Cores are kept per plan: switching between production, custom and the rest rebuilds. */
  readonly key: 'production' | 'custom' | 'none';
  readonly clientPath?: string;
  readonly clientSetting?: string;
  readonly caPath?: string;
  readonly caSetting?: string;
}

function certificatePlan(environment: Environment, transport: TransportSettings): CertificatePlan {
  if (environment.id === 'production') {
    return { key: 'production', clientPath: transport.clientCertificatePath, clientSetting: CERTIFICATE_SETTINGS.productionClientCertificate };
  }
  if (environment.id === 'custom') {
    return {
      key: 'custom',
      clientPath: transport.customClientCertificatePath,
      clientSetting: CERTIFICATE_SETTINGS.customClientCertificate,
      caPath: transport.customCaCertificatePath,
      caSetting: CERTIFICATE_SETTINGS.customCaCertificate,
    };
  }
  return { key: 'none' };
}

export type SessionRequest = Omit<ApiRequest, 'environment' | 'context' | 'psuHeaders'> & {
  readonly context?: ApiRequest['context'];
};

/** What the SCA flow knows of a code exchange; the session adds the environment, credentials and transport. */
export type SessionCodeExchange = Omit<CodeExchangeInput, 'environmentId' | 'authHost' | 'credentials' | 'fetch' | 'redactor'>;

interface PassphraseStore {
  get(key: string): Thenable<string | undefined>;
  onDidChange(listener: (event: { readonly key: string }) => unknown): vscode.Disposable;
}

export class HttpSession extends Disposable {
  private core: Promise<HttpCore<ClientCredentialsTokens>> | undefined;
  private builtFor: CertificatePlan['key'] = 'none';
  /** Where bodies over the size limit go; it outlives rebuilt cores, so a body shown stays openable. */
  private spill: BodySpillDirectory | undefined;

  constructor(
    private readonly settings: RequestSettingsReader,
    private readonly credentials: CredentialStore,
    private readonly secrets: PassphraseStore,
    private readonly redactor: Redactor,
    private readonly logger: Logger,
  ) {
    super();
    this._register(settings.onDidChangeTransport(() => void this.reset('transport settings changed')));
    // New credentials must never be served a token fetched with the old ones.
    this._register(credentials.onDidChange((environment) => void this.clearTokens(environment)));
    this._register(
      secrets.onDidChange((event) => {
        if (event.key === CERTIFICATE_PASSPHRASE_KEY) void this.reset('client certificate passphrase changed');
      }),
    );
  }

  async send(environment: Environment, request: SessionRequest): Promise<ApiResult> {
    const settings = this.settings.read();
    const core = await this.coreFor(environment, settings.transport);
    const result = await core.client.send({
      ...request,
      environment: { id: environment.id, authHost: environment.authHost, apiHost: environment.apiHost },
      context: request.context ?? settings.context,
      psuHeaders: settings.psuHeaders,
    });
    return withCertificateSettings(result, certificatePlan(environment, settings.transport));
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

  /** Fetches, ahead of a request, the token it will need (in the PSU context setting unless `context` is given). */
  async warmToken(environment: Environment, product: ApiRequest['operation']['product'], context?: PsuContext): Promise<void> {
    await this.token(environment, product, context ?? this.settings.read().context);
  }

  /**
   * The authorization-code exchange that activates a redirect SCA: the same stored credentials as the
   * client_credentials tokens (read when the code comes back) and the same auth transport.
   */
  async exchangeCode(environment: Environment, exchange: SessionCodeExchange): Promise<CodeExchangeResult> {
    const core = await this.coreFor(environment, this.settings.read().transport);
    // Loaded on first use: openid-client is not needed until a bank login comes back.
    const { exchangeAuthorizationCode } = await import('../client/auth/authorizationCode/codeExchange');
    return exchangeAuthorizationCode({
      ...exchange,
      environmentId: environment.id,
      authHost: environment.authHost,
      credentials: (environmentId) => this.storedCredentials(environmentId),
      fetch: core.authFetch,
      redactor: this.redactor,
    });
  }

  /** The one reader of the stored client credentials for the auth server: tokens and code exchange alike. */
  private async storedCredentials(environmentId: string): Promise<ClientCredentials | undefined> {
    return isEnvironmentId(environmentId) ? this.credentials.get(environmentId) : undefined;
  }

  /**
   * Loads the HTTP code ahead of a request the user is about to make (it is loaded on first use, not at
   * activation), so that request does not wait for it. Sends nothing.
   */
  warm(): void {
    void import('../client/http/httpCore').catch(() => undefined);
  }

  /**
   * Readies this window's first exchange with a loopback environment (the local sandbox, while the welcome
   * offers it) without acting for anyone: builds the core, which loads the HTTP and token code, and sends one
   * GET for the auth server's public discovery document, whose answer is dropped. A first exchange compiles
   * undici's HTTP parser (a WebAssembly module) and runs its code cold, 30-50 ms of the extension host's time
   * that otherwise fell on the user's click and held up the Banks view's first listing. Only loads code for a
   * host that is not loopback, or once a core is built.
   */
  warmFor(environment: Environment): void {
    if (this.core || !isLoopbackHostname(new URL(environment.authHost).hostname)) return this.warm();
    void this.coreFor(environment, this.settings.read().transport)
      .then((core) => core.warm(new URL('/.well-known/openid-configuration', environment.authHost)))
      .catch(() => undefined);
  }

  private coreFor(environment: Environment, transport: TransportSettings): Promise<HttpCore<ClientCredentialsTokens>> {
    const plan = certificatePlan(environment, transport);
    // Certificates belong to production and custom only; switching between them and the rest rebuilds.
    if (this.core && this.builtFor !== plan.key) void this.reset('environment changed');
    this.builtFor = plan.key;
    if (!this.core) {
      const building = this.build(plan, transport);
      // A failed build (unreadable certificate) is not cached: the next request tries again.
      building.catch(() => {
        if (this.core === building) this.core = undefined;
      });
      this.core = building;
    }
    return this.core;
  }

  private async build(plan: CertificatePlan, transport: TransportSettings): Promise<HttpCore<ClientCredentialsTokens>> {
    const { createHttpCore, BodySpillDirectory } = await import('../client/http/httpCore');
    const { ClientCredentialsTokens } = await import('../client/auth/tokens/clientCredentialsTokens');
    this.spill ??= new BodySpillDirectory();
    const clientCertificate = plan.clientSetting ? await this.loadCertificate(plan.clientPath, plan.clientSetting) : undefined;
    const extraCaCertificates = plan.caSetting ? await this.loadCa(plan.caPath, plan.caSetting) : undefined;
    return createHttpCore({
      transport: {
        connectTimeoutMs: transport.connectTimeoutMs,
        headersTimeoutMs: transport.headersTimeoutMs,
        bodyTimeoutMs: transport.bodyTimeoutMs,
        deadlineMs: transport.deadlineMs,
        proxyUrl: transport.proxyUrl,
        clientCertificate,
        extraCaCertificates,
      },
      bodyLimitBytes: transport.maxBodyBytes,
      spill: this.spill,
      tokens: (fetch) =>
        new ClientCredentialsTokens({
          credentials: (environmentId) => this.storedCredentials(environmentId),
          fetch,
          redactor: this.redactor,
        }),
      redactor: this.redactor,
      // The user is told "see the log"; this is what the log then has (redacted, as every line).
      onInternalError: (operationId, error) => this.logger.error(`${operationId} failed inside the extension`, error),
    });
  }

  private async loadCertificate(path: string | undefined, setting: string): Promise<{ pfx: Buffer; passphrase?: string } | undefined> {
    if (!path) return undefined;
    const bytes = await this.readNamedFile(path, setting, 'client certificate', { missing: 'missing', unreadable: 'unreadable' });
    // One passphrase for whichever .pfx is in use: production's, or the custom environment's.
    const passphrase = await this.secrets.get(CERTIFICATE_PASSPHRASE_KEY);
    this.redactor.addSecret(passphrase);
    const check = checkClientCertificate({ pfx: bytes, passphrase }, new Date());
    if (!check.ok) {
      this.logger.warn(`The client certificate ${path} cannot be used (${check.problem}${check.date ? ` ${check.date.toISOString()}` : ''}).`);
      throw new ClientCertificateError(check.problem, setting, check.date);
    }
    return { pfx: bytes, passphrase };
  }

  private async loadCa(path: string | undefined, setting: string): Promise<string[] | undefined> {
    if (!path) return undefined;
    const bytes = await this.readNamedFile(path, setting, 'CA certificate', { missing: 'caMissing', unreadable: 'caUnreadable' });
    const certificates = caCertificatesOf(bytes.toString('utf8'));
    if (!certificates) {
      this.logger.warn(`The CA certificate file ${path} holds no PEM certificate.`);
      throw new ClientCertificateError('caNotPem', setting);
    }
    return certificates;
  }

  private async readNamedFile(
    path: string,
    setting: string,
    what: string,
    reasons: { readonly missing: CertificateFileProblem; readonly unreadable: CertificateFileProblem },
  ): Promise<Buffer> {
    try {
      return await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      // The path goes to the log only: the user's message names the setting, where the path can be fixed.
      this.logger.warn(`The ${what} ${path} could not be read (${code ?? 'unknown error'}).`);
      throw new ClientCertificateError(code === 'ENOENT' || code === 'ENOTDIR' ? reasons.missing : reasons.unreadable, setting);
    }
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

  /**
   * Drops every cached access token (they live in the core, which goes) and the temporary files of large
   * response bodies, for Forget Everything. The next request builds a new core and asks for new tokens.
   */
  async forget(): Promise<void> {
    await this.reset('Forget Everything');
    const spill = this.spill;
    this.spill = undefined;
    await spill?.dispose().catch(() => undefined);
  }

  override dispose(): void {
    super.dispose();
    void this.reset('extension deactivated');
    // The temporary files of large bodies go with the window that received them.
    void this.spill?.dispose().catch(() => undefined);
  }
}

/**
 * A connection failure (TLS, or a connection the server dropped) while a client certificate or a private CA was
 * in play carries the settings that name them, so the message can point at the file to fix.
 */
function withCertificateSettings(result: ApiResult, plan: CertificatePlan): ApiResult {
  if (result.ok || plan.key === 'none') return result;
  const { failure } = result;
  const connection = failure.kind === 'tls' || failure.kind === 'reset' || (failure.kind === 'token' && failure.token?.transportKind === 'tls');
  if (!connection) return result;
  const certificateSettings = {
    ...(plan.clientPath && plan.clientSetting ? { clientCertificate: plan.clientSetting } : {}),
    ...(plan.caSetting ? { caCertificate: plan.caSetting } : {}),
  };
  if (!certificateSettings.clientCertificate && !certificateSettings.caCertificate) return result;
  return { ok: false, failure: { ...failure, certificateSettings } };
}

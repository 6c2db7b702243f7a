// The real pieces wired as the extension will wire them, against the local sandbox: the HTTP core's
// ApiClient, the loopback listener, openid-client's code exchange, and a scripted browser for the PSU.
import { CONSENT_BODY_TEMPLATE, catalogueOperation, paymentBodyTemplate, type OperationId } from '../../../../src/client/catalogue/catalogue';
import { createHttpCore, createTransportFetch, UndiciTransport, type ApiResult, type HttpCore, type PsuHeaderSettings } from '../../../../src/client/http';
import { exchangeAuthorizationCode } from '../../../../src/client/auth/authorizationCode';
import { ClientCredentialsTokens } from '../../../../src/client/auth/tokens/clientCredentialsTokens';
import { RedirectListeners } from '../../../../src/client/auth/loopback';
import { Redactor } from '../../../../src/client/redaction/redaction';
import { ScaFlow, type CodeExchangeRequest, type ScaChallenge, type ScaFlowDeps, type ScaProgress } from '../../../../src/client/sca';
import { start, type Sandbox } from '../../../../sandbox/index';
import { Browser } from '../../../sandbox/helpers/browser';

export const PSU: PsuHeaderSettings = { psuIpAddress: '192.168.0.1', psuUserAgent: 'mozilla/5.0', psuId: '199311219639' };

export interface PlayedLogin {
  /** The page the PSU's browser ends on after the listener's redirect. */
  readonly finishPage: string;
  readonly openedUrl: string;
}

export interface FlowOptions {
  readonly psuHeaders?: PsuHeaderSettings;
  readonly decision?: 'approve' | 'deny';
}

export interface FlowRecording {
  readonly flow: ScaFlow;
  readonly logins: Promise<PlayedLogin>[];
  readonly challenges: ScaChallenge[];
  readonly progress: ScaProgress[];
  readonly listenerLog: string[];
  /** What the flow handed to the code exchange (code, verifier), to check they were never logged. */
  readonly exchanged: CodeExchangeRequest[];
  /** Every request the code exchange sent to the auth host, by path and grant_type. */
  readonly authCalls: AuthCall[];
}

export interface AuthCall {
  readonly path: string;
  readonly grantType?: string;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Plays the PSU: opens the URL, logs in on the bank page, and follows the auth server back to the listener. */
export async function playBrowser(url: string, decision: 'approve' | 'deny'): Promise<PlayedLogin> {
  const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
  const result = await new Browser(redirectUri).authorise(url, { psuId: '198301014882', decision });
  const finish = await fetch(result.callback, { redirect: 'follow' });
  return { finishPage: await finish.text(), openedUrl: url };
}

export class ScaHarness {
  readonly redactor = new Redactor();
  private readonly authTransport = new UndiciTransport({});
  private constructor(
    readonly sandbox: Sandbox,
    readonly core: HttpCore,
  ) {}

  static async start(): Promise<ScaHarness> {
    const sandbox = await start({ authPort: 0, apiPort: 0, seed: 1, banks: 3 });
    const redactor = new Redactor();
    const core = createHttpCore({
      transport: { headersTimeoutMs: 5000 },
      tokens: (fetch) =>
        new ClientCredentialsTokens({ credentials: async () => ({ clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret }), fetch, redactor }),
      redactor,
    });
    return new ScaHarness(sandbox, core);
  }

  get environment(): { id: string; authHost: string; apiHost: string } {
    return { id: 'local', authHost: this.sandbox.authHost, apiHost: this.sandbox.apiHost };
  }

  send(operationId: OperationId, params: Record<string, string | undefined>, body: unknown, psuHeaders: PsuHeaderSettings, signal?: AbortSignal): Promise<ApiResult> {
    const operation = catalogueOperation(operationId);
    return this.core.client.send({ operation, params, body, environment: this.environment, context: 'private', psuHeaders, ...(signal ? { signal } : {}) });
  }

  async createConsent(bicFi: string, psuHeaders: PsuHeaderSettings = PSU): Promise<string> {
    const result = await this.send('createConsent', { 'X-BicFi': bicFi }, CONSENT_BODY_TEMPLATE, psuHeaders);
    if (!result.ok) throw new Error(result.failure.summary);
    return String((result.exchange.json as Record<string, unknown>)['consentId']);
  }

  /** A generated bank of the sandbox whose SCA is plain redirect (scaRedirect): the second generated one. */
  async scaRedirectBank(): Promise<string> {
    const result = await this.send('getASPSPList', {}, undefined, {});
    if (!result.ok) throw new Error(result.failure.summary);
    const aspsps = (result.exchange.json as { aspsps?: { bicFi?: string }[] }).aspsps ?? [];
    const bic = aspsps.map((a) => a.bicFi ?? '').find((b) => b.startsWith('AAAB') && b.endsWith('Z0'));
    if (!bic) throw new Error('no generated scaRedirect bank');
    return bic;
  }

  async createPayment(bicFi: string, psuHeaders: PsuHeaderSettings = PSU): Promise<string> {
    const params = { 'X-BicFi': bicFi, 'payment-service': 'payments', 'payment-product': 'domestic' };
    const result = await this.send('initiatePayment', params, paymentBodyTemplate('domestic', bicFi), psuHeaders);
    if (!result.ok) throw new Error(`${result.failure.summary} ${result.failure.exchange?.bodyText ?? ''}`);
    return String((result.exchange.json as Record<string, unknown>)['paymentId']);
  }

  flow(options: FlowOptions = {}, overrides: Partial<ScaFlowDeps> = {}): FlowRecording {
    const psuHeaders = options.psuHeaders ?? PSU;
    const logins: Promise<PlayedLogin>[] = [];
    const challenges: ScaChallenge[] = [];
    const progress: ScaProgress[] = [];
    const listenerLog: string[] = [];
    const exchanged: CodeExchangeRequest[] = [];
    const authCalls: AuthCall[] = [];
    const listeners = new RedirectListeners({ log: (line) => listenerLog.push(line) });
    const { client, authHost } = this.sandbox;
    const transportFetch = createTransportFetch(this.authTransport);
    const authFetch: typeof transportFetch = (url, options) => {
      const grantType = typeof options.body === 'string' || options.body instanceof URLSearchParams ? new URLSearchParams(options.body).get('grant_type') : null;
      authCalls.push({ path: new URL(url).pathname, ...(grantType ? { grantType } : {}) });
      return transportFetch(url, options);
    };
    const deps: ScaFlowDeps = {
      send: (operationId, params, body, signal) => this.send(operationId, params, body, psuHeaders, signal),
      openBrowser: async (url) => {
        logins.push(playBrowser(url, options.decision ?? 'approve'));
        return true;
      },
      startListener: (request) => listeners.listen({ redirectUri: 'http://127.0.0.1:0/callback', ...request }),
      exchangeCode: (request) => {
        exchanged.push(request);
        return exchangeAuthorizationCode({
          environmentId: 'local',
          authHost,
          credentials: async () => client,
          fetch: authFetch,
          context: 'private',
          redactor: this.redactor,
          ...request,
        });
      },
      sleep,
      onChallenge: (challenge) => challenges.push(challenge),
      onStatus: (status) => progress.push(status),
      ...overrides,
    };
    const flow = new ScaFlow(deps, { authHost, clientId: client.clientId, pollIntervalMs: 20, decoupledPollIntervalMs: 20, timeoutMs: 10_000 });
    return { flow, logins, challenges, progress, listenerLog, exchanged, authCalls };
  }

  async close(): Promise<void> {
    await Promise.all([this.core.close(), this.authTransport.close(), this.sandbox.close()]);
  }
}

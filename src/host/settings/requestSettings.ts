// Reads the settings that shape requests: PSU/TPP headers, the PSU context, timeouts, proxy and the
// client certificates' and the custom CA's paths. The certificate passphrase lives in SecretStorage, not here.
import * as vscode from 'vscode';
import type { PsuHeaderSettings } from '../../client/http/psuHeaderRules';
import type { PsuContext } from '../../client/catalogue/operationTypes';

const SECTION = 'openPayments';

export const MAX_RESPONSE_BODY_SETTING = 'openPayments.http.maxResponseBodyMB';
export const DEFAULT_REQUEST_DEADLINE_MS = 120_000;
export const DEFAULT_MAX_RESPONSE_BODY_MB = 20;

/** The setting each PSU/TPP header value comes from, by its full id (what Open Settings and messages name). */
export const PSU_HEADER_SETTING_IDS: Readonly<Record<keyof PsuHeaderSettings, string>> = {
  psuIpAddress: 'openPayments.psu.ipAddress',
  psuUserAgent: 'openPayments.psu.userAgent',
  psuId: 'openPayments.psu.id',
  psuCorporateId: 'openPayments.psu.corporateId',
  tppRedirectPreferred: 'openPayments.tppRedirectPreferred',
  affiliatedAspspId: 'openPayments.affiliatedAspspId',
};

/** The setting's name within the openPayments section. */
function key(setting: keyof PsuHeaderSettings): string {
  return PSU_HEADER_SETTING_IDS[setting].slice(SECTION.length + 1);
}

/** Saves a PSU/TPP header value in the user settings, where the request settings read it from. */
export async function savePsuHeaderSetting(setting: keyof PsuHeaderSettings, value: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key(setting), value, vscode.ConfigurationTarget.Global);
}

export interface TransportSettings {
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  /** From sending to the body's last byte, per attempt. */
  readonly deadlineMs: number;
  /** Larger bodies go, masked, to a temporary file; the response view shows the start. */
  readonly maxBodyBytes: number;
  readonly proxyUrl?: string;
  /** The production client certificate (.pfx). */
  readonly clientCertificatePath?: string;
  /** The custom environment's client certificate (.pfx) and private CA (PEM), when it needs them. */
  readonly customClientCertificatePath?: string;
  readonly customCaCertificatePath?: string;
}

export interface RequestSettings {
  readonly context: PsuContext;
  readonly psuHeaders: PsuHeaderSettings;
  readonly transport: TransportSettings;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export class RequestSettingsReader {
  read(): RequestSettings {
    const config = vscode.workspace.getConfiguration(SECTION);
    const redirect = config.get<string>(key('tppRedirectPreferred'));
    return {
      context: config.get<string>('psuContext') === 'corporate' ? 'corporate' : 'private',
      psuHeaders: {
        psuIpAddress: text(config.get<string>(key('psuIpAddress'))),
        psuUserAgent: text(config.get<string>(key('psuUserAgent'))),
        psuId: text(config.get<string>(key('psuId'))),
        psuCorporateId: text(config.get<string>(key('psuCorporateId'))),
        tppRedirectPreferred: redirect === 'true' ? true : redirect === 'false' ? false : undefined,
        affiliatedAspspId: text(config.get<string>(key('affiliatedAspspId'))),
      },
      transport: this.readTransport(),
    };
  }

  private readTransport(): TransportSettings {
    const config = vscode.workspace.getConfiguration(SECTION);
    return {
      connectTimeoutMs: positive(config.get<number>('http.connectTimeoutMs'), 10_000),
      headersTimeoutMs: positive(config.get<number>('http.responseTimeoutMs'), 30_000),
      bodyTimeoutMs: positive(config.get<number>('http.responseTimeoutMs'), 30_000),
      deadlineMs: positive(config.get<number>('http.requestDeadlineMs'), DEFAULT_REQUEST_DEADLINE_MS),
      maxBodyBytes: Math.round(positive(config.get<number>('http.maxResponseBodyMB'), DEFAULT_MAX_RESPONSE_BODY_MB) * 1024 * 1024),
      // VS Code's own proxy setting, so the extension goes where the rest of the editor goes.
      proxyUrl: text(vscode.workspace.getConfiguration('http').get<string>('proxy')),
      clientCertificatePath: text(config.get<string>('production.clientCertificatePath')),
      customClientCertificatePath: text(config.get<string>('custom.clientCertificatePath')),
      customCaCertificatePath: text(config.get<string>('custom.caCertificatePath')),
    };
  }

  /** Fires when anything that changes how the transport is built changed (new pools are needed). */
  onDidChangeTransport(listener: () => unknown): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        event.affectsConfiguration(`${SECTION}.http`) ||
        event.affectsConfiguration(`${SECTION}.production.clientCertificatePath`) ||
        event.affectsConfiguration(`${SECTION}.custom.clientCertificatePath`) ||
        event.affectsConfiguration(`${SECTION}.custom.caCertificatePath`) ||
        event.affectsConfiguration('http.proxy')
      ) {
        listener();
      }
    });
  }
}

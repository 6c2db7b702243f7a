// Reads the settings that shape requests: PSU/TPP headers, the PSU context, timeouts, proxy and the
// client certificates' and the custom CA's paths. The certificate passphrase lives in SecretStorage, not here.
import type * as vscode from 'vscode';
import type { PsuHeaderSettings } from '../../client/http/psuHeaderRules';
import type { PsuContext } from '../../client/catalogue/operationTypes';
import { type SettingKey, settingId, SETTINGS_SECTION, type SettingsReader } from './settingsReader';

export const MAX_RESPONSE_BODY_SETTING = settingId('http.maxResponseBodyMB');
export const DEFAULT_REQUEST_DEADLINE_MS = 120_000;
export const DEFAULT_MAX_RESPONSE_BODY_MB = 20;

/** The setting each PSU/TPP header value comes from, by its full id (what Open Settings and messages name). */
export const PSU_HEADER_SETTING_IDS: Readonly<Record<keyof PsuHeaderSettings, `${typeof SETTINGS_SECTION}.${SettingKey}`>> = {
  psuIpAddress: 'openPayments.psu.ipAddress',
  psuUserAgent: 'openPayments.psu.userAgent',
  psuId: 'openPayments.psu.id',
  psuCorporateId: 'openPayments.psu.corporateId',
  tppRedirectPreferred: 'openPayments.tppRedirectPreferred',
  affiliatedAspspId: 'openPayments.affiliatedAspspId',
};

/** The setting's name within the openPayments section. */
function key(setting: keyof PsuHeaderSettings): SettingKey {
  return PSU_HEADER_SETTING_IDS[setting].slice(SETTINGS_SECTION.length + 1) as SettingKey;
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
  constructor(private readonly settings: SettingsReader) {}

  read(): RequestSettings {
    const config = this.settings;
    const redirect = config.get(key('tppRedirectPreferred'));
    return {
      context: config.get('psuContext') === 'corporate' ? 'corporate' : 'private',
      psuHeaders: {
        psuIpAddress: text(this.text(key('psuIpAddress'))),
        psuUserAgent: text(this.text(key('psuUserAgent'))),
        psuId: text(this.text(key('psuId'))),
        psuCorporateId: text(this.text(key('psuCorporateId'))),
        tppRedirectPreferred: redirect === 'true' ? true : redirect === 'false' ? false : undefined,
        affiliatedAspspId: text(this.text(key('affiliatedAspspId'))),
      },
      transport: this.readTransport(),
    };
  }

  /** Saves a PSU/TPP header value in the user settings, where read() finds it. */
  async savePsuHeader(setting: keyof PsuHeaderSettings, value: string): Promise<void> {
    await this.settings.update(key(setting), value, 'user');
  }

  /** A PSU header's setting as the string it is declared to be. */
  private text(setting: SettingKey): string | undefined {
    const value = this.settings.get(setting);
    return typeof value === 'string' ? value : undefined;
  }

  private readTransport(): TransportSettings {
    const config = this.settings;
    return {
      connectTimeoutMs: positive(config.get('http.connectTimeoutMs'), 10_000),
      headersTimeoutMs: positive(config.get('http.responseTimeoutMs'), 30_000),
      bodyTimeoutMs: positive(config.get('http.responseTimeoutMs'), 30_000),
      deadlineMs: positive(config.get('http.requestDeadlineMs'), DEFAULT_REQUEST_DEADLINE_MS),
      maxBodyBytes: Math.round(positive(config.get('http.maxResponseBodyMB'), DEFAULT_MAX_RESPONSE_BODY_MB) * 1024 * 1024),
      proxyUrl: text(config.proxy()),
      clientCertificatePath: text(config.get('production.clientCertificatePath')),
      customClientCertificatePath: text(config.get('custom.clientCertificatePath')),
      customCaCertificatePath: text(config.get('custom.caCertificatePath')),
    };
  }

  /** Fires when anything that changes how the transport is built changed (new pools are needed). */
  onDidChangeTransport(listener: () => unknown): vscode.Disposable {
    return this.settings.onDidChange(
      ['openPayments.http', 'openPayments.production.clientCertificatePath', 'openPayments.custom.clientCertificatePath', 'openPayments.custom.caCertificatePath', 'http.proxy'],
      listener,
    );
  }
}

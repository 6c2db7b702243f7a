// Reads the settings that shape requests: PSU/TPP headers, the PSU context, timeouts, proxy and the
// production client certificate's path. The certificate's passphrase lives in SecretStorage, not here.
import * as vscode from 'vscode';
import type { PsuHeaderSettings } from '../api/http/psuHeaderRules';
import type { PsuContext } from '../api/operationTypes';

const SECTION = 'openPayments';

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
  readonly proxyUrl?: string;
  readonly clientCertificatePath?: string;
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
      // VS Code's own proxy setting, so the extension goes where the rest of the editor goes.
      proxyUrl: text(vscode.workspace.getConfiguration('http').get<string>('proxy')),
      clientCertificatePath: text(config.get<string>('production.clientCertificatePath')),
    };
  }

  /** Fires when anything that changes how the transport is built changed (new pools are needed). */
  onDidChangeTransport(listener: () => unknown): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        event.affectsConfiguration(`${SECTION}.http`) ||
        event.affectsConfiguration(`${SECTION}.production.clientCertificatePath`) ||
        event.affectsConfiguration('http.proxy')
      ) {
        listener();
      }
    });
  }
}

// Words a failed request for the user: what failed, the X-Request-ID, and what to do next. Built only from
// our own sentences plus values that pass the notification-safe checks; server text never goes in, because
// notifications render markdown links and command: URIs.
import * as vscode from 'vscode';
import type { RequestFailure } from '../client/http/requestFailure';
import { DEADLINE_EXCEEDED } from '../client/http/transportErrors';
import { PRODUCT_NAMES } from '../client/catalogue/productNames';
import { tlsFailureMeaning } from '../client/http/clientCertificate';
import type { TokenErrorDetails } from '../client/http/tokenError';
import { ENVIRONMENT_LABELS, isEnvironmentId } from '../client/environments/environments';
import { notificationSafeId, notificationSafeRequestId } from '../client/text/notificationSafe';
import { settingsHeaderNamed } from '../client/http/psuHeaderRules';
import { PSU_HEADER_SETTING_IDS } from './settings/requestSettings';

/** The overall per-request deadline; a request it stopped is worded with it. */
export const REQUEST_DEADLINE_SETTING = 'openPayments.http.requestDeadlineMs';

/** The setting that names the production client certificate (.pfx); its problems are worded below. */
export const CLIENT_CERTIFICATE_SETTING = 'openPayments.production.clientCertificatePath';

/** Settings other messages name; Open Settings opens exactly the one a message is about. */
export const ENVIRONMENT_SETTING = 'openPayments.environment';
export const API_HOST_SETTING = 'openPayments.apiHost';
export const AUTH_HOST_SETTING = 'openPayments.authHost';
export const RESPONSE_TIMEOUT_SETTING = 'openPayments.http.responseTimeoutMs';

/** causeCode of a request that was not sent because a certificate file named in the settings cannot be used. */
export const CLIENT_CERTIFICATE_CAUSES = {
  missing: 'CLIENT_CERTIFICATE_MISSING',
  unreadable: 'CLIENT_CERTIFICATE_UNREADABLE',
  passphrase: 'CLIENT_CERTIFICATE_PASSPHRASE',
  notPkcs12: 'CLIENT_CERTIFICATE_NOT_PKCS12',
  expired: 'CLIENT_CERTIFICATE_EXPIRED',
  notYetValid: 'CLIENT_CERTIFICATE_NOT_YET_VALID',
  caMissing: 'CA_CERTIFICATE_MISSING',
  caUnreadable: 'CA_CERTIFICATE_UNREADABLE',
  caNotPem: 'CA_CERTIFICATE_NOT_PEM',
} as const;

function codes(failure: RequestFailure): string {
  const list = [...new Set((failure.tppMessages ?? []).map((m) => notificationSafeId(m.code)).filter((c): c is string => c !== undefined))];
  return list.length ? ` (${list.join(', ')})` : '';
}

/**
 * " X-Request-ID: ….", the end of every message about a sent request, or "" when `requestId` is not a UUID.
 * Always pass the id this client sent; the check keeps anything else (a server's echo) out even if one slips in.
 */
export function requestIdSuffix(requestId: string | undefined): string {
  const safe = notificationSafeRequestId(requestId);
  return safe ? ` ${vscode.l10n.t('X-Request-ID: {0}.', safe)}` : '';
}

export type FailureAction = 'showResponse' | 'showLog' | 'retry' | 'openSettings' | 'setCredentials' | 'setCertificatePassphrase';

export interface FailureMessage {
  readonly text: string;
  readonly actions: readonly FailureAction[];
  /** The one setting "Open Settings" opens; every message with that action names it in its text. */
  readonly setting?: string;
}

/** The setting a header's value comes from, when it comes from one (PSU-IP-Address: openPayments.psu.ipAddress). */
export function settingOfHeader(header: string | undefined): string | undefined {
  const rule = header === undefined ? undefined : settingsHeaderNamed(header);
  return rule ? PSU_HEADER_SETTING_IDS[rule.setting] : undefined;
}

export function describeFailure(title: string, failure: RequestFailure): FailureMessage {
  const trace = requestIdSuffix(failure.requestId);
  switch (failure.kind) {
    case 'validation':
      return validationMessage(title, failure);
    case 'token': {
      const caCertificate = failure.certificateSettings?.caCertificate;
      if (caCertificate && failure.token?.transportKind === 'tls' && tlsFailureMeaning(failure.token.causeCode) === 'serverNotTrusted') {
        return fixInSetting(
          vscode.l10n.t(
            'The token request for {0} failed: the auth host\'s certificate is not trusted. If this environment uses a private CA, set {1} to that CA\'s certificate (PEM); otherwise check the hosts and proxy.{2}',
            PRODUCT_NAMES[failure.token.product],
            caCertificate,
            trace,
          ),
          caCertificate,
          ['showLog'],
        );
      }
      return tokenMessage(title, failure.token, trace);
    }
    case 'dns':
      return fixInSetting(
        vscode.l10n.t('{0} failed: the host name could not be resolved. Check the environment ({1}), its hosts and your network or proxy.{2}', title, ENVIRONMENT_SETTING, trace),
        ENVIRONMENT_SETTING,
        ['retry', 'showLog'],
      );
    case 'refused':
      return { text: vscode.l10n.t('{0} failed: the connection was refused. Is the server (or the local sandbox) running?{1}', title, trace), actions: ['retry', 'showLog'] };
    case 'reset': {
      const certificate = failure.certificateSettings?.clientCertificate;
      if (certificate) {
        // A server that refuses a client certificate after the TLS handshake (TLS 1.3) just closes the connection.
        return fixInSetting(
          vscode.l10n.t(
            '{0} failed: the server closed the connection without answering. With a client certificate this usually means the server does not accept the certificate named in the setting {1}: point it at the .pfx the Developer Portal issued for this environment, then send again.{2}',
            title,
            certificate,
            trace,
          ),
          certificate,
          ['retry', 'showLog'],
        );
      }
      return { text: vscode.l10n.t('{0} failed: the connection was closed before a response arrived. Try again.{1}', title, trace), actions: ['retry', 'showLog'] };
    }
    case 'tls':
      return tlsMessage(title, failure, trace);
    case 'timeout':
      if (failure.causeCode === DEADLINE_EXCEEDED) {
        return fixInSetting(
          vscode.l10n.t('{0} did not finish within the request deadline set in {1}. Try again, or raise the deadline if this server is slow.{2}', title, REQUEST_DEADLINE_SETTING, trace),
          REQUEST_DEADLINE_SETTING,
          ['retry', 'showLog'],
        );
      }
      return {
        text: vscode.l10n.t('{0} timed out. Try again, or raise the setting {1}.{2}', title, RESPONSE_TIMEOUT_SETTING, trace),
        actions: ['retry', 'openSettings', 'showLog'],
        setting: RESPONSE_TIMEOUT_SETTING,
      };
    case 'cancelled':
      return { text: vscode.l10n.t('{0} was cancelled.{1}', title, trace), actions: [] };
    case 'http':
      return httpMessage(title, failure, trace);
    case 'non_json':
      return { text: vscode.l10n.t('{0} answered HTTP {1} with a body that is not JSON.{2}', title, String(failure.status ?? ''), trace), actions: ['showResponse', 'showLog'] };
    case 'empty_body':
      return { text: vscode.l10n.t('{0} answered HTTP {1} with an empty body where JSON was expected.{2}', title, String(failure.status ?? ''), trace), actions: ['showResponse', 'showLog'] };
    default:
      return { text: vscode.l10n.t('{0} failed unexpectedly. See the Open Payments log for details.{1}', title, trace), actions: ['showLog'] };
  }
}

/** A failure one setting most likely fixes: Open Settings on exactly that setting first, then the other actions. */
function fixInSetting(text: string, setting: string, then: readonly FailureAction[]): FailureMessage {
  return { text, actions: ['openSettings', ...then], setting };
}

function tlsMessage(title: string, failure: RequestFailure, trace: string): FailureMessage {
  const { clientCertificate, caCertificate } = failure.certificateSettings ?? {};
  const meaning = tlsFailureMeaning(failure.causeCode);
  if (meaning === 'serverNotTrusted') {
    return caCertificate
      ? fixInSetting(
          vscode.l10n.t(
            '{0} failed: the server\'s certificate is not trusted. If this environment uses a private CA, set {1} to that CA\'s certificate (PEM); otherwise check the hosts and proxy.{2}',
            title,
            caCertificate,
            trace,
          ),
          caCertificate,
          ['showLog'],
        )
      : { text: vscode.l10n.t('{0} failed: the server\'s certificate is not trusted. Check the environment\'s hosts and your proxy.{1}', title, trace), actions: ['openSettings', 'showLog'] };
  }
  if (clientCertificate && meaning === 'clientCertificateExpired') {
    return fixInSetting(
      vscode.l10n.t('{0} failed: the server says the client certificate named in the setting {1} has expired. Download a new one from the Developer Portal and point the setting at it.{2}', title, clientCertificate, trace),
      clientCertificate,
      ['showLog'],
    );
  }
  if (clientCertificate && meaning === 'clientCertificateRefused') {
    return fixInSetting(
      vscode.l10n.t(
        '{0} failed: the server does not accept the client certificate named in the setting {1}. Point it at the .pfx the Developer Portal issued for this environment, then send again.{2}',
        title,
        clientCertificate,
        trace,
      ),
      clientCertificate,
      ['showLog'],
    );
  }
  return fixInSetting(
    vscode.l10n.t('{0} failed: the secure connection could not be established (certificate or TLS problem). Check the client certificate ({1}) and your proxy.{2}', title, CLIENT_CERTIFICATE_SETTING, trace),
    CLIENT_CERTIFICATE_SETTING,
    ['showLog'],
  );
}

function validationMessage(title: string, failure: RequestFailure): FailureMessage {
  // Parameter and header names come from the catalogue and the header rules, never from a server.
  const param = failure.param ?? '';
  switch (failure.causeCode) {
    case 'MISSING_PARAM': {
      const setting = settingOfHeader(failure.param);
      if (setting) {
        return {
          text: vscode.l10n.t('{0} was not sent: it requires the header {1}, and the setting {2} that fills it is empty. Set {2}, or send again and give the value when asked.', title, param, setting),
          actions: ['openSettings', 'retry'],
          setting,
        };
      }
      return { text: vscode.l10n.t('{0} was not sent: the required parameter {1} is missing.', title, param), actions: ['retry'] };
    }
    case 'MISSING_BANK_HEADER': {
      // The BIC can come from the bank directory, i.e. from a server.
      const bank = notificationSafeId(failure.bicFi);
      const setting = settingOfHeader(failure.param);
      if (!setting) {
        return {
          text: bank
            ? vscode.l10n.t('{0} was not sent: {1} requires the header {2}.', title, bank, param)
            : vscode.l10n.t('{0} was not sent: the bank requires the header {1}.', title, param),
          actions: ['retry'],
        };
      }
      return {
        text: bank
          ? vscode.l10n.t('{0} was not sent: {1} requires the header {2}, and the setting {3} that fills it is empty. Set {3}, or send again and give the value when asked.', title, bank, param, setting)
          : vscode.l10n.t('{0} was not sent: the bank requires the header {1}, and the setting {2} that fills it is empty. Set {2}, or send again and give the value when asked.', title, param, setting),
        actions: ['openSettings', 'retry'],
        setting,
      };
    }
    case 'INVALID_REQUEST_ID':
      return { text: vscode.l10n.t('{0} was not sent: an X-Request-ID must be a UUID, for example 1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10.', title), actions: ['retry'] };
    case 'INSECURE_HOST':
    case 'INVALID_HOST':
      return {
        text: vscode.l10n.t('{0} was not sent: the API host ({1}) must use https (plain http only for loopback addresses).', title, API_HOST_SETTING),
        actions: ['openSettings'],
        setting: API_HOST_SETTING,
      };
    case 'INVALID_BODY':
      return { text: vscode.l10n.t('{0} was not sent: the request body is not valid JSON.', title), actions: ['retry'] };
    default: {
      const certificate = certificateMessage(title, failure);
      if (certificate) return certificate;
      return { text: vscode.l10n.t('{0} was not sent: the value of {1} is not valid.', title, param), actions: ['retry'] };
    }
  }
}

/** A certificate file named in a setting that cannot be used; `param` is that setting (ours, never a server's). */
function certificateMessage(title: string, failure: RequestFailure): FailureMessage | undefined {
  const setting = failure.param ?? CLIENT_CERTIFICATE_SETTING;
  const onSetting = (text: string): FailureMessage => fixInSetting(text, setting, []);
  switch (failure.causeCode) {
    case CLIENT_CERTIFICATE_CAUSES.missing:
      return onSetting(
        vscode.l10n.t('{0} was not sent: the client certificate file named in the setting {1} does not exist. Set it to the path of the .pfx file from the Developer Portal, then send again.', title, setting),
      );
    case CLIENT_CERTIFICATE_CAUSES.unreadable:
      return onSetting(
        vscode.l10n.t(
          '{0} was not sent: the client certificate file named in the setting {1} could not be read. Check that it is a .pfx file VS Code may read, or point the setting at another copy, then send again.',
          title,
          setting,
        ),
      );
    case CLIENT_CERTIFICATE_CAUSES.passphrase:
      return {
        text: vscode.l10n.t(
          '{0} was not sent: the client certificate named in the setting {1} does not open with the stored passphrase. Run "Set Client Certificate Passphrase" with the passphrase that came with the .pfx, then send again.',
          title,
          setting,
        ),
        actions: ['setCertificatePassphrase', 'openSettings'],
        setting,
      };
    case CLIENT_CERTIFICATE_CAUSES.notPkcs12:
      return onSetting(
        vscode.l10n.t(
          '{0} was not sent: the file named in the setting {1} is not a PKCS#12 (.pfx) certificate. Point the setting at the .pfx file from the Developer Portal (a .pem or .cer file holds no private key), then send again.',
          title,
          setting,
        ),
      );
    case CLIENT_CERTIFICATE_CAUSES.expired:
      return onSetting(
        vscode.l10n.t(
          '{0} was not sent: the client certificate named in the setting {1} expired on {2}. Download a new one from the Developer Portal and point the setting at it.',
          title,
          setting,
          failure.certificateDate ?? '?',
        ),
      );
    case CLIENT_CERTIFICATE_CAUSES.notYetValid:
      return onSetting(
        vscode.l10n.t('{0} was not sent: the client certificate named in the setting {1} is valid only from {2}. Check the computer\'s clock, or use the certificate in force today.', title, setting, failure.certificateDate ?? '?'),
      );
    case CLIENT_CERTIFICATE_CAUSES.caMissing:
      return onSetting(vscode.l10n.t('{0} was not sent: the CA certificate file named in the setting {1} does not exist. Set it to the path of the CA\'s PEM file, or clear it, then send again.', title, setting));
    case CLIENT_CERTIFICATE_CAUSES.caUnreadable:
      return onSetting(vscode.l10n.t('{0} was not sent: the CA certificate file named in the setting {1} could not be read. Check that VS Code may read it, then send again.', title, setting));
    case CLIENT_CERTIFICATE_CAUSES.caNotPem:
      return onSetting(
        vscode.l10n.t('{0} was not sent: the file named in the setting {1} holds no PEM certificate (-----BEGIN CERTIFICATE-----). Point it at the CA\'s certificate in PEM form, then send again.', title, setting),
      );
    default:
      return undefined;
  }
}

/** A token request that failed outside an API call (Copy as cURL with Live Token), worded as within one. */
export function describeTokenError(title: string, token: TokenErrorDetails): FailureMessage {
  return tokenMessage(title, token, requestIdSuffix(token.requestId));
}

function tokenMessage(title: string, token: TokenErrorDetails | undefined, trace: string): FailureMessage {
  const product = token ? PRODUCT_NAMES[token.product] : '';
  switch (token?.kind) {
    case 'no_credentials':
      return { text: vscode.l10n.t('{0} needs client credentials for this environment. Set them first.', title), actions: ['setCredentials'] };
    case 'invalid_client': {
      // Both values are ours: a product name and the label of a configured environment.
      const environment = isEnvironmentId(token.environmentId) ? ENVIRONMENT_LABELS[token.environmentId] : undefined;
      const text = environment
        ? vscode.l10n.t(
            'The token request for {0} was refused (invalid_client): the auth server did not accept the client ID and client secret stored for the {1} environment. Set the client credentials for {1} again, exactly as the Developer Portal shows them for that environment.{2}',
            product,
            environment,
            trace,
          )
        : vscode.l10n.t(
            'The token request for {0} was refused (invalid_client): the auth server did not accept the stored client ID and client secret. Set the client credentials again, exactly as the Developer Portal shows them for this environment.{1}',
            product,
            trace,
          );
      return { text, actions: ['setCredentials', 'showLog'] };
    }
    case 'invalid_scope':
      return { text: vscode.l10n.t('The token request for {0} was refused (invalid_scope): your client is not registered for the {0} product. Add that API product to your client in the Developer Portal.{1}', product, trace), actions: ['showLog'] };
    case 'insecure_host':
      return {
        text: vscode.l10n.t('No token was requested: the auth host ({0}) must use https (plain http only for loopback addresses).', AUTH_HOST_SETTING),
        actions: ['openSettings'],
        setting: AUTH_HOST_SETTING,
      };
    case 'cancelled':
      return { text: vscode.l10n.t('{0} was cancelled.{1}', title, trace), actions: [] };
    case 'network':
      return {
        text: vscode.l10n.t('The token request for {0} could not reach the auth host. Check the environment ({1}), your network and proxy.{2}', product, ENVIRONMENT_SETTING, trace),
        actions: ['retry', 'openSettings', 'showLog'],
        setting: ENVIRONMENT_SETTING,
      };
    default:
      return { text: vscode.l10n.t('The token request for {0} failed. See the Open Payments log for details.{1}', product, trace), actions: ['retry', 'showLog'] };
  }
}

function httpMessage(title: string, failure: RequestFailure, trace: string): FailureMessage {
  const status = String(failure.status ?? '');
  const found = codes(failure);
  if (failure.status === 429) {
    const wait = failure.retryAfterMs !== undefined ? vscode.l10n.t(' The server asked to wait {0} s.', Math.ceil(failure.retryAfterMs / 1000)) : '';
    return { text: vscode.l10n.t('{0} was rate limited (HTTP 429){1}.{2}{3}', title, found, wait, trace), actions: ['showResponse', 'retry'] };
  }
  if (failure.status !== undefined && failure.status >= 500) {
    return { text: vscode.l10n.t('{0} failed on the server (HTTP {1}){2}. Try again later; quote the X-Request-ID to support.{3}', title, status, found, trace), actions: ['showResponse', 'retry', 'showLog'] };
  }
  return { text: vscode.l10n.t('{0} was rejected with HTTP {1}{2}. The response explains why.{3}', title, status, found, trace), actions: ['showResponse', 'showLog'] };
}

// ScaSession with the fake VS Code against the real local sandbox: consents and payments created through
// the extension's runner, a PSU browser that plays the bank page, and free loopback ports so these tests
// never need the fixed port other runs may hold.
import net from 'node:net';
import { catalogueOperation, CONSENT_BODY_TEMPLATE, paymentBodyTemplate } from '../../../src/client/catalogue/catalogue';
import { HttpSession } from '../../../src/host/httpSession';
import { Logger } from '../../../src/host/logger';
import { SettingsReader } from '../../../src/host/settings/settingsReader';
import { RequestSettingsReader } from '../../../src/host/settings/requestSettings';
import { ScaSession, type ScaSessionOptions } from '../../../src/features/sca/scaSession';
import { ChallengePanel } from '../../../src/features/sca/challengePanel';
import { Browser } from '../../sandbox/helpers/browser';
import assert from 'node:assert/strict';
import type { ScaOutcome } from '../../../src/client/sca/types';
import { eventually, type Activated } from '../fakes/activate';
import { fake, viewsFake } from '../fakes/vscode';

export const PSU_SETTINGS = { 'psu.ipAddress': '192.168.0.1', 'psu.userAgent': 'mozilla/5.0', 'psu.id': '199311219639' };

export function usePsuSettings(): void {
  for (const [key, value] of Object.entries(PSU_SETTINGS)) fake.settings.set(`openPayments.${key}`, { global: value });
}

export function setRedirectUri(uri: string): void {
  fake.settings.set('openPayments.redirectUri', { global: uri });
}

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function createConsent(ext: Activated, bicFi: string): Promise<string> {
  const result = await ext.api.runner.run({ operation: catalogueOperation('createConsent'), params: { 'X-BicFi': bicFi }, body: CONSENT_BODY_TEMPLATE }, { show: false });
  if (!result?.ok) throw new Error(`createConsent failed: ${result ? result.failure.summary : 'not attempted'}`);
  return String((result.exchange.json as { consentId: string }).consentId);
}

/**
 * Creates a consent at SWEDSESS and starts its decoupled SCA (the animated QR method chosen), resolving once the
 * challenge panel shows the QR code; `outcome` settles when the flow ends.
 */
export async function startDecoupledConsent(ext: Activated): Promise<{ consentId: string; outcome: Promise<ScaOutcome | undefined> }> {
  fake.settings.set('openPayments.tppRedirectPreferred', { global: 'false' });
  fake.answers.length = 0;
  fake.answers.push('mbid_animated_qr_token');
  viewsFake.reset();
  const consentId = await createConsent(ext, 'SWEDSESS');
  const outcome = ext.api.sca.authorise({ kind: 'consent', bicFi: 'SWEDSESS', consentId });
  await eventually(() => assert.match(ext.api.challenges.lastHtml ?? '', /<svg/), 5_000);
  return { consentId, outcome };
}

export async function createPayment(ext: Activated, bicFi: string): Promise<string> {
  const params = { 'X-BicFi': bicFi, 'payment-service': 'payments', 'payment-product': 'domestic' };
  const result = await ext.api.runner.run({ operation: catalogueOperation('initiatePayment'), params, body: paymentBodyTemplate('domestic', bicFi) }, { show: false });
  if (!result?.ok) throw new Error(`initiatePayment failed: ${result ? result.failure.summary : 'not attempted'}`);
  return String((result.exchange.json as { paymentId: string }).paymentId);
}

/** Plays the PSU: approves on the bank page and follows the auth server back to the listener. */
export async function approveInBrowser(url: string, psuId = '198301014882'): Promise<void> {
  const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
  const result = await new Browser(redirectUri).authorise(url, { psuId, decision: 'approve' });
  await fetch(result.callback, { redirect: 'follow' });
}

/** A second ScaSession over the activated extension's runner and stores, with the given timing. */
export function sessionWith(ext: Activated, options: ScaSessionOptions): { session: ScaSession; dispose(): void } {
  const { api } = ext;
  const logger = new Logger(ext.log as never, api.redactor);
  const http = new HttpSession(new RequestSettingsReader(new SettingsReader()), api.credentials, ext.context.secrets, api.redactor, logger);
  const session = new ScaSession(api.runner, http, api.credentials, api.environment, api.prompter, logger, (title, onClosed) => new ChallengePanel(title, onClosed), new SettingsReader(), options);
  return {
    session,
    dispose: () => {
      session.dispose();
      http.dispose();
    },
  };
}

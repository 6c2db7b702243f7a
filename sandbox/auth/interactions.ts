// The bank login step of redirect SCA: oidc-provider hands the browser to /interaction/<uid>; we show the
// bank page for the BIC in acr_values and finish the interaction with the PSU's decision.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import { readBody } from '../http/body';
import { contentSecurityPolicy } from '../http/html';
import { parseAcrValues } from './acr';
import type { ScaBridge, ScaTarget } from './bridge';
import { loginAccepted, renderLoginPage } from './loginPage';

export const INTERACTION_PREFIX = '/interaction/';
export const ACR_PARAM = 'platform_acr';

export interface InteractionDeps {
  readonly provider: Provider;
  readonly bridge: ScaBridge;
  /** Remembers which authorisation a grant (and so its code) belongs to, for the code exchange. */
  readonly rememberGrant: (grantId: string, target: ScaTarget) => void;
}

function sendHtml(res: ServerResponse, status: number, html: string, nonce: string, formTargets: string[]): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(nonce, formTargets),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(html);
}

function targetOf(interaction: Interaction): ScaTarget | undefined {
  const raw = interaction.params[ACR_PARAM] ?? interaction.params['acr_values'];
  return typeof raw === 'string' ? parseAcrValues(raw) : undefined;
}

function redirectOrigin(interaction: Interaction): string[] {
  try {
    return [new URL(String(interaction.params['redirect_uri'])).origin];
  } catch {
    return [];
  }
}

/** Plain redirect SCA (scaRedirect): back to the TPP with scope and state only, no code (reference §6.1). */
function redirectWithoutCode(res: ServerResponse, interaction: Interaction): void {
  const url = new URL(String(interaction.params['redirect_uri']));
  url.searchParams.set('scope', String(interaction.params['scope'] ?? ''));
  if (typeof interaction.params['state'] === 'string') url.searchParams.set('state', interaction.params['state']);
  res.writeHead(303, { location: url.toString(), 'cache-control': 'no-store' });
  res.end();
}

export async function handleInteraction(deps: InteractionDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { provider, bridge } = deps;
  const interaction = await provider.interactionDetails(req, res);
  const target = targetOf(interaction);
  const check = target ? bridge.check(target, String(interaction.params['client_id'] ?? '')) : { ok: false as const, reason: 'acr_values must name a consent or payment authorisation' };
  if (!target || !check.ok) {
    await provider.interactionFinished(req, res, { error: 'invalid_request', error_description: check.ok ? '' : check.reason });
    return;
  }
  const nonce = crypto.randomBytes(12).toString('base64');
  const action = `${INTERACTION_PREFIX}${encodeURIComponent(interaction.uid)}`;
  const formTargets = redirectOrigin(interaction);

  if (req.method === 'GET') {
    bridge.loginShown(target);
    sendHtml(res, 200, renderLoginPage({ action, bank: check.bank, target, subject: check.subject, styleNonce: nonce }), nonce, formTargets);
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, POST' }).end();
    return;
  }

  const form = new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8'));
  const psuId = (form.get('psuId') ?? '').trim();
  if (form.get('decision') === 'deny') {
    bridge.psuDecided(target, false, psuId);
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The PSU denied the authorisation' });
    return;
  }
  if (!loginAccepted(check.bank, psuId, form.get('password') ?? '')) {
    const page = renderLoginPage({ action, bank: check.bank, target, subject: check.subject, styleNonce: nonce, psuId, error: 'Login failed. Check the PSU id.' });
    sendHtml(res, 401, page, nonce, formTargets);
    return;
  }
  bridge.psuDecided(target, true, psuId);
  if (check.flow === 'redirect') {
    redirectWithoutCode(res, interaction);
    return;
  }
  const grant = new provider.Grant({ accountId: psuId, clientId: String(interaction.params['client_id']) });
  grant.addOIDCScope(String(interaction.params['scope'] ?? ''));
  const grantId = await grant.save();
  deps.rememberGrant(grantId, target);
  await provider.interactionFinished(req, res, { login: { accountId: psuId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

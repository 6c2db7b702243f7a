// Consent Service (reference §4.3): create, read, delete, status and the consent's SCA authorisations.
import crypto from 'node:crypto';
import type { OperationIdIn } from '../../src/client';
import type { Account, Bank } from '../data/types';
import { created, noContent, ok, type Reply } from '../http/reply';
import { ApiError, formatError } from '../http/tppMessages';
import type { AccountReference, Consent, ConsentAccess } from '../state/types';
import { requireCorporateSupport, requirePsuHeaders } from './checks';
import { redirectPreferred, type BankHandler, type BankContext, type SandboxEnv } from './context';
import { authorisationHandlers } from './authorisations';
import { approachOf, flowFor, SCA_METHODS, scaParent, type Outcome, type ScaParent } from './sca';
import { accountReference, date, object, requiredOf } from './validate';

export const CONSENT_BASE = '/psd2/consent/v1/consents';
const ACCESS_LISTS = ['accounts', 'balances', 'transactions'] as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function consentOutcomeFor(env: SandboxEnv): Outcome {
  return (auth, approved) => {
    const consent = env.store.consents.get(auth.parentId);
    if (consent && consent.status === 'received') consent.status = approved ? 'valid' : 'rejected';
  };
}

function matches(account: Account, ref: AccountReference): boolean {
  const id = (ref.iban !== undefined && ref.iban === account.iban) || (ref.bban !== undefined && ref.bban === account.bban);
  return id && (ref.currency === undefined || ref.currency === account.currency);
}

function resolveGrants(access: ConsentAccess, accounts: readonly Account[]): Consent['grants'] {
  const explicit = ACCESS_LISTS.some((list) => (access[list]?.length ?? 0) > 0);
  if (!explicit) {
    // Empty access (Postman, samples) or availableAccounts/allPsd2: every account the PSU has at the bank.
    const all = new Set(accounts.map((a) => a.resourceId));
    return { accounts: all, balances: new Set(all), transactions: new Set(all) };
  }
  const resolve = (list: (typeof ACCESS_LISTS)[number]) =>
    new Set(
      (access[list] ?? []).map((ref, i) => {
        const account = accounts.find((a) => matches(a, ref));
        if (!account) throw new ApiError(400, 'RESOURCE_UNKNOWN', `access.${list}[${i}] is not an account at this bank.`, `access.${list}[${i}]`);
        return account.resourceId;
      }),
    );
  const grants = { accounts: resolve('accounts'), balances: resolve('balances'), transactions: resolve('transactions') };
  for (const list of ['balances', 'transactions'] as const) {
    for (const id of grants[list]) {
      if (!grants.accounts.has(id)) throw new ApiError(400, 'PARAMETER_NOT_CONSISTENT', `access.${list} must be a subset of access.accounts.`, `access.${list}`);
    }
  }
  return grants;
}

function parseAccess(value: unknown): ConsentAccess {
  const access = object(value, 'access');
  const result: ConsentAccess = {};
  for (const list of ACCESS_LISTS) {
    const items = access[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) throw formatError(`access.${list}`, `access.${list} must be an array.`);
    result[list] = items.map((item, i) => accountReference(item, `access.${list}[${i}]`));
  }
  for (const key of ['availableAccounts', 'allPsd2'] as const) {
    const v = access[key];
    if (v === undefined) continue;
    if (v !== 'allAccounts' && v !== 'allAccountsWithBalances') throw formatError(`access.${key}`, `access.${key} has an unsupported value.`);
    result[key] = v;
  }
  return result;
}

function createConsent(ctx: BankContext): Reply {
  const { env, bank } = ctx;
  requireCorporateSupport(bank, ctx.token);
  requirePsuHeaders(ctx.headers, bank, ctx.op, true);
  const body = object(ctx.body, 'body');
  const access = parseAccess(body['access']);
  const recurringIndicator = requiredOf<boolean>(body, 'recurringIndicator', 'boolean');
  const frequencyPerDay = requiredOf<number>(body, 'frequencyPerDay', 'number');
  const combinedServiceIndicator = requiredOf<boolean>(body, 'combinedServiceIndicator', 'boolean');
  if (typeof body['validUntil'] !== 'string') throw formatError('validUntil', 'validUntil is required (yyyy-MM-dd).');
  const validUntil = date(body['validUntil'], 'validUntil');
  if (frequencyPerDay < 0) throw formatError('frequencyPerDay', 'frequencyPerDay must not be negative.');
  if (isoDay(validUntil) < isoDay(env.today)) throw formatError('validUntil', 'validUntil is in the past.');
  const preferRedirect = redirectPreferred(ctx.headers);
  const consent: Consent = {
    id: crypto.randomUUID(),
    bicFi: bank.bicFi,
    clientId: ctx.token.clientId,
    context: ctx.token.context,
    access,
    recurringIndicator,
    // As sent: Get Consent answers "the exact same body" (§4.3.2), and the reference documents no lifetime cap
    // (§8 question 8), so a date past 180 days is the bank's business, not the sandbox's.
    validUntil: isoDay(validUntil),
    // Kept as sent, 0 included: the platform accepts the Postman environment's 0 although the OAS minimum is 1
    // (reference §4.3.1), and Get Consent returns "the exact same body" as created (§4.3.2).
    frequencyPerDay,
    combinedServiceIndicator,
    ...(preferRedirect === undefined ? {} : { redirectPreferred: preferRedirect }),
    status: 'received',
    lastActionDate: isoDay(env.today),
    authorisationIds: [],
    grants: resolveGrants(access, env.accounts.accountsOf(bank)),
    unattendedReads: new Map(),
    statementsPastScaWindow: new Set(),
  };
  env.store.consents.set(consent.id, consent);
  const self = `${CONSENT_BASE}/${consent.id}`;
  const body201 = {
    consentStatus: consent.status,
    consentId: consent.id,
    scaMethods: SCA_METHODS,
    _links: {
      self: { href: self },
      status: { href: `${self}/status` },
      startAuthorisation: { href: `${self}/authorisations` },
    },
  };
  return created(body201, self, { 'ASPSP-SCA-Approach': approachOf(flowFor(bank, preferRedirect)) });
}

/** Marks a consent expired once its validUntil day has passed. */
export function refreshConsent(consent: Consent, today: Date): Consent {
  if (consent.status === 'valid' && consent.validUntil < isoDay(today)) consent.status = 'expired';
  return consent;
}

/**
 * The consent as the calling client may see it. Another client's consent answers exactly like an unknown one,
 * CONSENT_UNKNOWN, which Berlin Group defines as not matching "relative to the TPP" (reference §5, §7.3), so a
 * client cannot even learn that the id exists.
 */
export function findConsent(env: SandboxEnv, bank: Bank, consentId: string, where: string, clientId: string): Consent {
  const consent = env.store.consents.get(consentId);
  if (!consent || consent.bicFi !== bank.bicFi || consent.clientId !== clientId) {
    throw new ApiError(403, 'CONSENT_UNKNOWN', `Consent ${consentId} is not known for ${bank.bicFi}.`, where);
  }
  return refreshConsent(consent, env.today);
}

function consentParent(consent: Consent): ScaParent {
  return scaParent('consent', consent, `${CONSENT_BASE}/${consent.id}`);
}

const pathConsent = (ctx: BankContext) => {
  requirePsuHeaders(ctx.headers, ctx.bank, ctx.op, false);
  return findConsent(ctx.env, ctx.bank, ctx.params['consentId']!, 'consentId', ctx.token.clientId);
};

const consentAuthorisations = authorisationHandlers({
  resolve: (ctx) => {
    const c = pathConsent(ctx);
    return {
      parent: consentParent(c),
      ...(c.status === 'received' ? {} : { notStartable: `The consent is ${c.status}; only a received consent can be authorised.` }),
    };
  },
  outcome: (ctx) => consentOutcomeFor(ctx.env),
});

export const consentHandlers: Readonly<Record<OperationIdIn<'Consent'>, BankHandler>> = {
  createConsent,
  getConsentInformation: (ctx) => {
    const c = pathConsent(ctx);
    return ok({
      consentId: c.id,
      access: c.access,
      recurringIndicator: c.recurringIndicator,
      validUntil: c.validUntil,
      frequencyPerDay: c.frequencyPerDay,
      lastActionDate: c.lastActionDate,
      consentStatus: c.status,
    });
  },
  deleteConsent: (ctx) => {
    const c = pathConsent(ctx);
    if (c.status === 'received' || c.status === 'valid') c.status = 'terminatedByTpp';
    return noContent();
  },
  getConsentStatus: (ctx) => ok({ consentStatus: pathConsent(ctx).status }),
  startConsentAuthorisation: consentAuthorisations.start,
  getConsentAuthorisation: consentAuthorisations.list,
  getConsentScaStatus: consentAuthorisations.status,
  updateConsentsPsuData: consentAuthorisations.update,
};

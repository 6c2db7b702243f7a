// SCA for consents and payments: one status machine, because the platform runs the same authorisation
// resource behind both (reference §6.1: "payment is identical with the PIS paths"). It also implements the
// bridge the auth host calls when the PSU approves or denies on the bank page.
import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SCA_METHOD_TABLE, challengeRuleOf, scaMethodRow } from '../../src/client';
import type { ScaBridge, ScaTarget } from '../auth/bridge';
import { consentSubject, paymentSubject, type LoginSubject } from '../auth/loginSubject';
import type { Bank, ScaFlow } from '../data/types';
import { ApiError } from '../http/tppMessages';
import type { Authorisation, AuthorisationKind, ScaStatus } from '../state/types';
import { header, redirectPreferred, type SandboxEnv } from './context';
import { object, requiredString } from './validate';

/** The methods every bank offers: the client's SCA-method table, in the shape of scaMethods[] (reference §4.3.5). */
export const SCA_METHODS = SCA_METHOD_TABLE.map(({ authenticationType, authenticationMethodId, name }) => ({ authenticationType, authenticationMethodId, name }));

const TERMINAL: ReadonlySet<ScaStatus> = new Set(['finalised', 'failed', 'exempted']);
/** Decoupled steps after the method is chosen (SWEDSESS, reference §6.2). */
const DECOUPLED_STEPS: readonly ScaStatus[] = ['authenticationStarted', 'started', 'finalised'];
// A 1×1 transparent PNG: OAS `challengeData.image` is base64 PNG data.
const QR_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** The parent resource an authorisation belongs to, as the SCA code needs to see it. */
export interface ScaParent {
  readonly kind: AuthorisationKind;
  readonly id: string;
  readonly bicFi: string;
  readonly clientId: string;
  readonly context: Authorisation['context'];
  readonly redirectPreferred?: boolean;
  readonly authorisationIds: string[];
  /** Path of the parent resource, e.g. /psd2/consent/v1/consents/{id}. */
  readonly basePath: string;
}

/** The SCA view of a consent or payment. */
export function scaParent(
  kind: AuthorisationKind,
  resource: Pick<ScaParent, 'id' | 'bicFi' | 'clientId' | 'context' | 'redirectPreferred' | 'authorisationIds'>,
  basePath: string,
): ScaParent {
  const { id, bicFi, clientId, context, redirectPreferred: preferred, authorisationIds } = resource;
  return { kind, id, bicFi, clientId, context, ...(preferred === undefined ? {} : { redirectPreferred: preferred }), authorisationIds, basePath };
}

export type Outcome = (auth: Authorisation, approved: boolean) => void;

export function approachOf(flow: ScaFlow): 'REDIRECT' | 'DECOUPLED' {
  return flow === 'decoupled' ? 'DECOUPLED' : 'REDIRECT';
}

export function flowFor(bank: Bank, preferRedirect: boolean | undefined): ScaFlow {
  return bank.decoupledWhenRedirectNotPreferred && preferRedirect === false ? 'decoupled' : bank.scaFlow;
}

function authPath(parent: ScaParent, auth: Authorisation): string {
  return `${parent.basePath}/authorisations/${auth.id}`;
}

function scaLinkTemplate(env: SandboxEnv, parent: ScaParent, auth: Authorisation): string {
  // [CLIENT_ID], [TPP_REDIRECT_URI] and [TPP_STATE] are left for the TPP to fill (reference §3.7).
  const product = parent.kind === 'consent' ? 'accountinformation' : 'paymentinitiation';
  const ids =
    parent.kind === 'consent'
      ? `consentId:${parent.id}%20consentAuthorisationId:${auth.id}`
      : `paymentId:${parent.id}%20paymentAuthorisationId:${auth.id}`;
  return (
    `${env.authHost}/connect/authorize?client_id=[CLIENT_ID]&scope=${product}%20${auth.context}&response_type=code` +
    `&redirect_uri=[TPP_REDIRECT_URI]&state=[TPP_STATE]&acr_values=idp:${parent.bicFi}%20${ids}`
  );
}

function challengeData(auth: Authorisation): Record<string, unknown> {
  // Animated QR codes change on every read; a plain autostart token stays the same until SCA completes.
  const animated = scaMethodRow(auth.methodId)?.animated ?? false;
  const seed = animated ? `${auth.id}:${auth.reads}` : auth.id;
  const token = crypto.createHash('sha256').update(seed).digest('hex').slice(0, 32);
  const data = [`${token.slice(0, 8)}-${token.slice(8, 12)}-4${token.slice(13, 16)}-a${token.slice(17, 20)}-${token.slice(20, 32)}`];
  return challengeRuleOf(auth.methodId).image ? { data, image: QR_PNG } : { data };
}

export function startAuthorisation(env: SandboxEnv, bank: Bank, parent: ScaParent, headers: IncomingHttpHeaders, outcome: Outcome) {
  const preferRedirect = redirectPreferred(headers) ?? parent.redirectPreferred;
  const psuId = header(headers, 'psu-id');
  const auth: Authorisation = {
    id: crypto.randomUUID(),
    kind: parent.kind,
    parentId: parent.id,
    bicFi: bank.bicFi,
    clientId: parent.clientId,
    context: parent.context,
    flow: flowFor(bank, preferRedirect),
    scaStatus: 'received',
    ...(psuId ? { psuId } : {}),
    reads: 0,
    psuApproved: false,
    loginShown: false,
  };
  env.store.authorisations.set(auth.id, auth);
  parent.authorisationIds.push(auth.id);
  // HANDSESS sandbox: "automatically approved and finalized by ASPSP directly when calling Start" (reference §6.2).
  if (bank.autoApprove && auth.flow === 'decoupled') settle(auth, true, outcome);
  const link = { href: authPath(parent, auth) };
  const body = {
    authorisationId: auth.id,
    scaStatus: auth.scaStatus,
    // Listed even when the bank finalised at once: clients (the Postman collection) read scaMethods[0].
    scaMethods: SCA_METHODS,
    _links:
      parent.kind === 'consent'
        ? { scaStatus: link, selectAuthenticationMethod: link }
        : { scaStatus: link, selectAuthenticationMethod: link, authoriseTransaction: link },
  };
  return { auth, body, location: link.href, approach: approachOf(auth.flow) };
}

export function findAuthorisation(env: SandboxEnv, parent: ScaParent, authorisationId: string): Authorisation {
  const auth = env.store.authorisations.get(authorisationId);
  if (!auth || auth.parentId !== parent.id || auth.kind !== parent.kind) {
    throw new ApiError(404, 'RESOURCE_UNKNOWN', `No authorisation ${authorisationId} for this resource.`, 'authorisationId');
  }
  return auth;
}

function settle(auth: Authorisation, approved: boolean, outcome: Outcome): void {
  auth.scaStatus = approved ? 'finalised' : 'failed';
  outcome(auth, approved);
}

/** Update PSU Data: the TPP picks a method; the answer tells it how SCA continues. */
export function selectMethod(env: SandboxEnv, bank: Bank, parent: ScaParent, auth: Authorisation, body: unknown) {
  const request = object(body, 'body');
  if (request['psuData'] !== undefined || request['scaAuthenticationData'] !== undefined) {
    throw new ApiError(400, 'SERVICE_INVALID', 'The platform supports SCA method selection only (no embedded SCA).');
  }
  const methodId = requiredString(request, 'authenticationMethodId', '');
  const method = SCA_METHODS.find((m) => m.authenticationMethodId === methodId);
  if (!method) throw new ApiError(400, 'SCA_METHOD_UNKNOWN', `Unknown authenticationMethodId "${methodId}".`, 'authenticationMethodId');
  const self = { href: authPath(parent, auth) };
  const approach = approachOf(auth.flow);
  if (auth.scaStatus === 'finalised' && bank.autoApprove) {
    return { approach, body: { scaStatus: auth.scaStatus, chosenScaMethod: method, _links: { scaStatus: self } } };
  }
  if (TERMINAL.has(auth.scaStatus)) {
    throw new ApiError(409, 'STATUS_INVALID', `The authorisation is already ${auth.scaStatus}.`);
  }
  auth.methodId = methodId;
  if (auth.flow === 'decoupled') {
    auth.scaStatus = DECOUPLED_STEPS[0]!;
    auth.reads = 0;
    auth.methodChosenAt = env.clock();
    return {
      approach,
      body: {
        scaStatus: auth.scaStatus,
        chosenScaMethod: method,
        challengeData: challengeData(auth),
        _links: { scaStatus: self },
        psuMessage: 'Open the BankID app to sign.',
      },
    };
  }
  auth.scaStatus = 'scaMethodSelected';
  const link = auth.flow === 'oauth' ? 'scaOAuth' : 'scaRedirect';
  return {
    approach,
    body: {
      scaStatus: auth.scaStatus,
      chosenScaMethod: method,
      _links: { scaStatus: self, [link]: { href: scaLinkTemplate(env, parent, auth) } },
      psuMessage: 'Please confirm with your bank app',
    },
  };
}

/** Get SCA Status: decoupled SCA advances here, as the PSU would act in the app between polls. */
export function readScaStatus(env: SandboxEnv, auth: Authorisation, outcome: Outcome): Record<string, unknown> {
  if (auth.flow === 'decoupled' && !TERMINAL.has(auth.scaStatus) && auth.methodId !== undefined) {
    auth.reads += 1;
    if (auth.pendingDecision) {
      settle(auth, auth.pendingDecision === 'approve', outcome);
    } else {
      const next = nextDecoupledStep(env, auth);
      if (next === 'finalised') settle(auth, true, outcome);
      else auth.scaStatus = next;
    }
  }
  const pending = auth.flow === 'decoupled' && auth.methodId !== undefined && !TERMINAL.has(auth.scaStatus);
  return pending ? { scaStatus: auth.scaStatus, challengeData: challengeData(auth) } : { scaStatus: auth.scaStatus };
}

/**
 * Where a decoupled authorisation stands at this read: paced in time (the PSU takes `decoupledSeconds` to
 * sign, `started` halfway), or one step per `decoupledReadsPerStep` reads when the pace is 0.
 */
function nextDecoupledStep(env: SandboxEnv, auth: Authorisation): ScaStatus {
  if (env.decoupledSeconds > 0) {
    const elapsed = (env.clock() - (auth.methodChosenAt ?? env.clock())) / 1000;
    if (elapsed >= env.decoupledSeconds) return 'finalised';
    return elapsed >= env.decoupledSeconds / 2 ? 'started' : 'authenticationStarted';
  }
  if (auth.reads % env.decoupledReadsPerStep !== 0) return auth.scaStatus;
  return DECOUPLED_STEPS[DECOUPLED_STEPS.indexOf(auth.scaStatus) + 1] ?? 'finalised';
}

/** Admin helper: answer a decoupled SCA as the PSU would in the app (applied at the next status read). */
export function decideDecoupled(env: SandboxEnv, authorisationId: string, approve: boolean): Authorisation | undefined {
  const auth = env.store.authorisations.get(authorisationId);
  if (auth) auth.pendingDecision = approve ? 'approve' : 'deny';
  return auth;
}

function loginSubjectOf(env: SandboxEnv, auth: Authorisation): LoginSubject | undefined {
  if (auth.kind === 'consent') {
    const consent = env.store.consents.get(auth.parentId);
    return consent && consentSubject(consent);
  }
  const payment = env.store.payments.get(auth.parentId);
  return payment && paymentSubject(payment);
}

export function createScaBridge(env: SandboxEnv, outcomes: Record<AuthorisationKind, Outcome>): ScaBridge {
  const find = (target: ScaTarget): Authorisation | undefined => {
    const auth = env.store.authorisations.get(target.authorisationId);
    return auth && auth.kind === target.kind && auth.parentId === target.parentId && auth.bicFi === target.bicFi ? auth : undefined;
  };
  return {
    check(target, clientId) {
      const auth = find(target);
      const bank = env.directory.bank(target.bicFi);
      // Another client's authorisation reads as unknown, as its consent or payment does on the API.
      if (!auth || !bank || auth.clientId !== clientId) return { ok: false, reason: `Unknown ${target.kind} authorisation ${target.authorisationId} at ${target.bicFi}` };
      if (auth.flow === 'decoupled') return { ok: false, reason: 'This authorisation uses decoupled SCA' };
      if (auth.scaStatus !== 'scaMethodSelected') {
        return { ok: false, reason: `The authorisation is ${auth.scaStatus}; select an SCA method first` };
      }
      const subject = loginSubjectOf(env, auth);
      if (!subject) return { ok: false, reason: `Unknown ${target.kind} ${target.parentId} at ${target.bicFi}` };
      return { ok: true, bank, flow: auth.flow, subject };
    },
    loginShown(target) {
      const auth = find(target);
      if (auth) auth.loginShown = true;
    },
    psuDecided(target, approved, psuId) {
      const auth = find(target);
      if (!auth) return;
      if (psuId) auth.psuId = psuId;
      if (!approved) settle(auth, false, outcomes[auth.kind]);
      else if (auth.flow === 'redirect') settle(auth, true, outcomes[auth.kind]);
      else {
        auth.psuApproved = true;
        auth.scaStatus = 'psuAuthenticated';
      }
    },
    activate(target) {
      const auth = find(target);
      if (auth?.psuApproved && !TERMINAL.has(auth.scaStatus)) settle(auth, true, outcomes[auth.kind]);
    },
  };
}


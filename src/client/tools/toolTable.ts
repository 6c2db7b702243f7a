// The one table of the assistant's tools: name, description, input schema (from the catalogue) and what each
// does, written once for the MCP server and for VS Code's language-model tools, which only adapt it.
import { PAYMENT_BODY_TEMPLATES, catalogueOperation, findOperation, type Operation, type OperationId } from '../catalogue/catalogue';
import type { PsuContext } from '../catalogue/operationTypes';
import { debtorAccountKind } from '../catalogue/paymentAccountForms';
import { fillScaTemplate } from '../auth/authorizationCode/scaOAuthTemplate';
import type { Exchange } from '../http/exchange';
import { BANK_REQUIRED_SETTINGS, SETTINGS_HEADERS } from '../http/psuHeaderRules';
import type { RequestFailure } from '../http/requestFailure';
import { tokenScopeString } from '../http/tokenError';
import { parseAspspDetails, parseAspsps, type AspspDetails } from '../models/aspspModels';
import { SCENARIO_FAULT_KINDS, type AdminFailure, type ScenarioFault, type ScenarioFaultKind } from '../sandboxAdmin/sandboxAdmin';
import { describeChallenge } from '../sca/challenge';
import { preferredMethod } from '../sca/methodChoice';
import { SCA_OPERATIONS, subjectParams } from '../sca/operations';
import { approachOf, bodyOf, challengeDataOf, scaMethodsOf, stringField } from '../sca/responses';
import { routeOf } from '../sca/scaFlow';
import type { ScaSubject } from '../sca/types';
import { explainTppMessages, failureMessage, failureSentences } from './failureExplanation';
import {
  CONFIRM_PRODUCTION_PROPERTY,
  CONFIRM_PRODUCTION_SCHEMA,
  catalogueParam,
  checkObject,
  operationIdSchema,
  operationParamsSchema,
  paramSchema,
  type ObjectSchema,
  type PropertySchema,
} from './inputSchema';
import type { ToolContext } from './toolContext';
import { ToolError } from './toolError';

export type ToolInput = Readonly<Record<string, unknown>>;
export type ToolResult = Readonly<Record<string, unknown>>;

export interface ToolDefinition {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: ObjectSchema;
  /** It calls the environment's API, so the production guard applies to it. */
  readonly sendsRequests: boolean;
  /** It only reads: nothing is created or changed at the bank. */
  readonly readOnly: boolean;
  /** Runs on an input that fits inputSchema (runTool checks it first). */
  run(context: ToolContext, input: ToolInput): Promise<ToolResult>;
}

/** The biggest list findBanks returns; a country has a few dozen banks, the whole directory thousands. */
export const MAX_BANKS = 50;

const text = (input: ToolInput, name: string): string | undefined => (typeof input[name] === 'string' ? (input[name] as string) : undefined);
const required = (input: ToolInput, name: string): string => text(input, name) ?? '';

/** An object schema with the production confirmation added to tools that call the API. */
function inputs(properties: Readonly<Record<string, PropertySchema>>, requiredNames: readonly string[], sendsRequests = true): ObjectSchema {
  return {
    type: 'object',
    properties: sendsRequests ? { ...properties, [CONFIRM_PRODUCTION_PROPERTY]: CONFIRM_PRODUCTION_SCHEMA } : properties,
    required: requiredNames,
    additionalProperties: false,
  };
}

const param = (operationId: OperationId, name: string, description?: string): PropertySchema => paramSchema(catalogueParam(operationId, name), description);

/** A sent call's exchange, or a tool error that says what failed and what to do next. */
async function sendOk(context: ToolContext, operationId: OperationId, params: Record<string, string>, body?: unknown): Promise<Exchange> {
  const result = await context.send({ operation: catalogueOperation(operationId), params, ...(body === undefined ? {} : { body }) });
  if (result.ok) return result.exchange;
  throw failureError(result.failure);
}

function failureError(failure: RequestFailure): ToolError {
  return new ToolError(failure.kind === 'validation' ? 'invalid_input' : 'request_failed', failureMessage(failure), failure.requestId);
}

function bankSummary(details: AspspDetails): Record<string, unknown> {
  return { bicFi: details.bicFi, name: details.name, ...(details.country ? { country: details.country } : {}), ...(details.city ? { city: details.city } : {}) };
}

async function bankDetails(context: ToolContext, bicFi: string): Promise<AspspDetails> {
  const exchange = await sendOk(context, 'getASPSPDetails', { bicFi });
  const details = parseAspspDetails(exchange.json);
  if (!details) throw new ToolError('not_found', `The directory has no readable details for ${bicFi} (X-Request-ID ${exchange.requestId}).`, exchange.requestId);
  return details;
}

const findBanks: ToolDefinition = {
  name: 'findBanks',
  title: 'Find banks',
  description: `Finds banks (ASPSPs) of the Open Payments directory by country, by part of their name, or by BIC; at most ${MAX_BANKS} are listed.`,
  inputSchema: inputs(
    {
      country: param('getCountryDetails', 'isoCountryCode', 'ISO 3166 alpha-2 country code, e.g. SE or FI.'),
      name: { type: 'string', description: 'Part of the bank\'s name or BIC, in any case.' },
      bic: param('getASPSPDetails', 'bicFi', 'The bank\'s BIC, exactly.'),
    },
    [],
  ),
  sendsRequests: true,
  readOnly: true,
  async run(context, input) {
    const bic = text(input, 'bic');
    if (bic !== undefined) {
      const result = await context.send({ operation: catalogueOperation('getASPSPDetails'), params: { bicFi: bic } });
      // An unknown BIC is an answer (no such bank), not a failure of the tool.
      if (!result.ok && (result.failure.status === 404 || result.failure.tppMessages?.some((m) => m.code === 'RESOURCE_UNKNOWN'))) {
        return { environment: context.environment.id, banks: [], total: 0, requestId: result.failure.requestId };
      }
      if (!result.ok) throw failureError(result.failure);
      const details = parseAspspDetails(result.exchange.json);
      return { environment: context.environment.id, banks: details ? [bankSummary(details)] : [], total: details ? 1 : 0, requestId: result.exchange.requestId };
    }
    const country = text(input, 'country')?.toUpperCase();
    const exchange = await sendOk(context, 'getASPSPList', country ? { isoCountryCodes: country } : {});
    const needle = text(input, 'name')?.toLowerCase();
    const found = parseAspsps(exchange.json).filter((b) => !needle || b.name.toLowerCase().includes(needle) || b.bicFi.toLowerCase().includes(needle));
    return {
      environment: context.environment.id,
      banks: found.slice(0, MAX_BANKS),
      total: found.length,
      ...(found.length > MAX_BANKS ? { truncated: `Only the first ${MAX_BANKS} of ${found.length} are listed; narrow by country or name.` } : {}),
      requestId: exchange.requestId,
    };
  },
};

const bankRequirements: ToolDefinition = {
  name: 'bankRequirements',
  title: 'What a bank requires',
  description:
    'What one bank requires of an integration: its SCA approaches, payment products, the PSU headers it rejects calls without, and the known rules for it.',
  inputSchema: inputs({ bicFi: param('getASPSPDetails', 'bicFi') }, ['bicFi']),
  sendsRequests: true,
  readOnly: true,
  async run(context, input) {
    const details = await bankDetails(context, required(input, 'bicFi'));
    const requiredSettings = BANK_REQUIRED_SETTINGS[details.bicFi.toUpperCase()] ?? [];
    const requiredPsuHeaders = SETTINGS_HEADERS.filter((h) => (requiredSettings as readonly string[]).includes(h.setting)).map((h) => ({
      header: h.header,
      meaning: h.meaning,
      example: h.example,
    }));
    const rules: string[] = [];
    if (requiredPsuHeaders.length > 0) {
      rules.push(`Every Consent, Account Information and Payment Initiation call must carry ${requiredPsuHeaders.map((h) => h.header).join(', ')}; the bank refuses calls without.`);
    }
    for (const product of details.paymentProducts) {
      if (debtorAccountKind(details.bicFi, product) === 'bban') rules.push(`For ${product} payments the debtor account is given as a BBAN ({"bban": ...}), not an IBAN.`);
    }
    if (details.affiliatedAspsps.length > 0) rules.push('Consents and payments for an affiliated bank name it in X-AffiliatedASPSP-ID.');
    return {
      bicFi: details.bicFi,
      name: details.name,
      ...(details.country ? { country: details.country } : {}),
      scaApproaches: details.authorizationMethods,
      paymentProducts: details.paymentProducts,
      requiredPsuHeaders,
      affiliatedAspsps: details.affiliatedAspsps,
      rules,
    };
  },
};

function bodyTemplateOf(operation: Operation): unknown {
  if (operation.id === 'initiatePayment') return PAYMENT_BODY_TEMPLATES;
  return operation.bodyTemplate;
}

const describeOperation: ToolDefinition = {
  name: 'describeOperation',
  title: 'Describe an API operation',
  description: 'Describes one Open Payments API operation from the catalogue: method, path, parameters and headers, body template, and the token scope it needs.',
  inputSchema: inputs({ operationId: operationIdSchema('The operation, by its OpenAPI operationId.') }, ['operationId'], false),
  sendsRequests: false,
  readOnly: true,
  async run(_context, input) {
    const operation = catalogueOperation(required(input, 'operationId') as OperationId);
    const template = bodyTemplateOf(operation);
    return {
      operationId: operation.id,
      title: operation.title,
      group: operation.group,
      method: operation.method,
      path: operation.path,
      scope: operation.product === 'aspspinformation' ? tokenScopeString(operation.product, 'private') : `${operation.product} private, or ${operation.product} corporate`,
      parameters: operation.params.map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required,
        description: p.description,
        ...(p.enum ? { enum: p.enum } : {}),
        ...(p.pattern ? { pattern: p.pattern } : {}),
        ...(p.example ? { example: p.example } : {}),
      })),
      alwaysSent: ['Authorization: Bearer <token for the scope>', 'X-Request-ID: a new UUID per attempt'],
      ...(template === undefined ? {} : { bodyTemplate: operation.id === 'initiatePayment' ? { byPaymentProduct: template } : template }),
      supportedByPlatform: operation.supportedByPlatform,
    };
  },
};

/** The body as the caller gave it, or a short preview of a large one. */
function bodyOfExchange(exchange: Exchange): unknown {
  if (exchange.json !== undefined) return exchange.json;
  return exchange.bodyText.length > 4000 ? `${exchange.bodyText.slice(0, 4000)}...` : exchange.bodyText;
}

const sendRequest: ToolDefinition = {
  name: 'sendRequest',
  title: 'Send an API request',
  description:
    'Sends one Open Payments API operation (see describeOperation for its parameters) through the extension\'s pipeline, and returns the status, the X-Request-ID, the response body with secrets masked, and the tppMessages with what each code means.',
  inputSchema: inputs(
    {
      operationId: operationIdSchema('The operation, by its OpenAPI operationId.'),
      params: { type: 'object', description: 'Path, query and header values by wire name (see describeOperation).', properties: {}, additionalProperties: { type: 'string' } },
      body: { type: ['object', 'string'], description: 'The JSON body of a POST or PUT operation.' },
      context: { type: 'string', enum: ['private', 'corporate'], description: 'The PSU context of the token; private unless told.' },
    },
    ['operationId'],
  ),
  sendsRequests: true,
  readOnly: false,
  async run(context, input) {
    const operation = catalogueOperation(required(input, 'operationId') as OperationId);
    const params = (input.params ?? {}) as Record<string, string>;
    const problem = checkObject(operationParamsSchema(operation), params, 'params');
    if (problem) throw new ToolError('invalid_input', `${problem} describeOperation lists the parameters of ${operation.id}.`);
    const psuContext = text(input, 'context') as PsuContext | undefined;
    const result = await context.send({ operation, params, ...(input.body === undefined ? {} : { body: input.body }), ...(psuContext ? { context: psuContext } : {}) });
    if (!result.ok && result.failure.kind === 'validation') throw failureError(result.failure);
    const exchange = result.ok ? result.exchange : result.failure.exchange;
    return {
      environment: context.environment.id,
      operationId: operation.id,
      ok: result.ok,
      ...(exchange ? { status: exchange.status, requestId: exchange.requestId, body: bodyOfExchange(exchange) } : {}),
      ...(exchange && exchange.attempts.length > 1 ? { attempts: exchange.attempts.map((a) => a.requestId) } : {}),
      tppMessages: explainTppMessages(operation.id, exchange?.tppMessages ?? (result.ok ? undefined : result.failure.tppMessages)),
      ...(result.ok ? {} : { failure: { kind: result.failure.kind, requestId: result.failure.requestId, explanation: failureSentences(result.failure) } }),
    };
  },
};

const explainFailure: ToolDefinition = {
  name: 'explainFailure',
  title: 'Explain a failed call',
  description: 'Explains a call from History by its X-Request-ID: what was called, what the server answered, what each error code means, and what to do next.',
  inputSchema: inputs(
    { requestId: { type: 'string', description: 'The X-Request-ID (a UUID) of any attempt of the call.', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' } },
    ['requestId'],
    false,
  ),
  sendsRequests: false,
  readOnly: true,
  async run(context, input) {
    const requestId = required(input, 'requestId');
    const call = await context.history.findByRequestId(requestId);
    if (!call) {
      throw new ToolError('not_found', `History has no call with X-Request-ID ${requestId}. It keeps the most recent calls only; send the call again to see its outcome.`);
    }
    const failed = call.failureKind !== undefined;
    const explanation = failed
      ? failureSentences({ ...call, kind: call.failureKind ?? 'internal' })
      : [`The call succeeded with HTTP ${call.status ?? 'status unknown'}.`];
    return {
      operationId: call.operationId,
      title: findOperation(call.operationId)?.title,
      time: call.time,
      environment: call.environmentId,
      ...(call.status !== undefined ? { status: call.status } : {}),
      requestId: call.requestId,
      attemptRequestIds: call.attemptRequestIds,
      outcome: failed ? call.failureKind : 'success',
      tppMessages: explainTppMessages(call.operationId, call.tppMessages),
      explanation,
    };
  },
};

const consentStatus: ToolDefinition = {
  name: 'consentStatus',
  title: 'Consent status',
  description: 'Reads a consent\'s status (received, valid, rejected, expired, revokedByPsu, terminatedByTpp) from its bank.',
  inputSchema: inputs({ consentId: param('getConsentStatus', 'consentId'), bicFi: param('getConsentStatus', 'X-BicFi') }, ['consentId', 'bicFi']),
  sendsRequests: true,
  readOnly: true,
  async run(context, input) {
    const consentId = required(input, 'consentId');
    const exchange = await sendOk(context, 'getConsentStatus', { consentId, 'X-BicFi': required(input, 'bicFi') });
    return { consentId, consentStatus: stringField(bodyOf(exchange), 'consentStatus'), requestId: exchange.requestId };
  },
};

const paymentStatus: ToolDefinition = {
  name: 'paymentStatus',
  title: 'Payment status',
  description: 'Reads a payment initiation\'s transaction status (RCVD, ACTC, ACSC, RJCT, ...) from its bank.',
  inputSchema: inputs(
    {
      paymentId: param('getPaymentInitiationStatus', 'paymentId'),
      bicFi: param('getPaymentInitiationStatus', 'X-BicFi'),
      paymentProduct: param('getPaymentInitiationStatus', 'payment-product'),
      paymentService: param('getPaymentInitiationStatus', 'payment-service'),
    },
    ['paymentId', 'bicFi', 'paymentProduct'],
  ),
  sendsRequests: true,
  readOnly: true,
  async run(context, input) {
    const paymentId = required(input, 'paymentId');
    const exchange = await sendOk(context, 'getPaymentInitiationStatus', {
      paymentId,
      'X-BicFi': required(input, 'bicFi'),
      'payment-product': required(input, 'paymentProduct'),
      'payment-service': text(input, 'paymentService') ?? 'payments',
    });
    return { paymentId, transactionStatus: stringField(bodyOf(exchange), 'transactionStatus'), requestId: exchange.requestId };
  },
};

function subjectOf(input: ToolInput): ScaSubject {
  const bicFi = required(input, 'bicFi');
  if (required(input, 'kind') === 'consent') {
    const consentId = text(input, 'consentId');
    if (!consentId) throw new ToolError('invalid_input', 'The input lacks "consentId", which a consent\'s authorisation needs.');
    return { kind: 'consent', bicFi, consentId };
  }
  const paymentId = text(input, 'paymentId');
  const paymentProduct = text(input, 'paymentProduct');
  if (!paymentId || !paymentProduct) throw new ToolError('invalid_input', 'The input lacks "paymentId" or "paymentProduct", which a payment\'s authorisation needs.');
  return { kind: 'payment', bicFi, paymentId, paymentProduct, ...(text(input, 'paymentService') ? { paymentService: text(input, 'paymentService') } : {}) };
}

const startAuthorisation: ToolDefinition = {
  name: 'startAuthorisation',
  title: 'Start an SCA',
  description:
    'Starts the authorisation (SCA) of a consent or payment and returns what the user must do: a bank link to open in the browser, or a BankID QR text/app link. The tool never completes SCA itself; follow it with consentStatus or paymentStatus.',
  inputSchema: inputs(
    {
      kind: { type: 'string', enum: ['consent', 'payment'], description: 'What to authorise.' },
      bicFi: param('startConsentAuthorisation', 'X-BicFi'),
      consentId: param('startConsentAuthorisation', 'consentId'),
      paymentId: param('startPaymentAuthorisation', 'paymentId'),
      paymentProduct: param('startPaymentAuthorisation', 'payment-product'),
      paymentService: param('startPaymentAuthorisation', 'payment-service'),
      authenticationMethodId: { type: 'string', description: 'The SCA method to choose among those the bank offers; the usual one for the approach when absent.' },
      approach: {
        type: 'string',
        enum: ['redirect', 'decoupled'],
        description: 'The approach to ask the bank for (TPP-Redirect-Preferred): decoupled for app-based SCA such as BankID with a QR code; the bank decides. The settings\' preference when absent.',
      },
    },
    ['kind', 'bicFi'],
  ),
  sendsRequests: true,
  readOnly: false,
  async run(context, input) {
    const subject = subjectOf(input);
    const ops = SCA_OPERATIONS[subject.kind];
    // The schema's enum has checked it: redirect, decoupled, or absent.
    const asked = text(input, 'approach');
    // Every call of the SCA carries the preference, as the bank may decide again when a method is chosen.
    const params = { ...(subjectParams(subject) as Record<string, string>), ...(asked ? { 'TPP-Redirect-Preferred': asked === 'redirect' ? 'true' : 'false' } : {}) };
    const started = await sendOk(context, ops.start, params);
    const startBody = bodyOf(started);
    const authorisationId = stringField(startBody, 'authorisationId');
    if (!authorisationId) throw new ToolError('request_failed', `${ops.start} answered without an authorisationId (X-Request-ID ${started.requestId}).`, started.requestId);
    const methods = scaMethodsOf(startBody);
    const base = { kind: subject.kind, authorisationId, scaMethods: methods, requestId: started.requestId };
    let selection = { body: startBody, approach: approachOf(started) };
    let methodId: string | undefined;
    if (methods.length > 0) {
      methodId = text(input, 'authenticationMethodId') ?? preferredMethod(methods, selection.approach);
      if (!methods.some((m) => m.authenticationMethodId === methodId)) {
        throw new ToolError('invalid_input', `The bank offers the SCA methods ${methods.map((m) => `"${m.authenticationMethodId}"`).join(', ')}; "${methodId}" is not one of them.`);
      }
      const selected = await sendOk(context, ops.update, { ...params, authorisationId }, { authenticationMethodId: methodId });
      selection = { body: bodyOf(selected), approach: approachOf(selected) ?? selection.approach };
    }
    const route = routeOf(selection);
    const scaStatus = stringField(selection.body, 'scaStatus') ?? stringField(startBody, 'scaStatus');
    const follow = subject.kind === 'consent' ? 'consentStatus' : 'paymentStatus';
    if ('problem' in route) throw new ToolError('request_failed', `The bank's answer does not say how the user can authorise (${route.problem}).`, started.requestId);
    if (route.route === 'decoupled') {
      const data = challengeDataOf(selection.body);
      const challenge = data ? describeChallenge(methodId, data) : undefined;
      return {
        ...base,
        approach: 'DECOUPLED',
        ...(methodId ? { methodId } : {}),
        scaStatus,
        ...(challenge?.qrText ? { qrText: challenge.qrText } : {}),
        ...(challenge?.autostartUrl ? { appLink: challenge.autostartUrl } : {}),
        next: `Show the user the QR text (or the app link on their device) to approve in their BankID app, then call ${follow} until it is final.`,
      };
    }
    if (route.route === 'scaOAuth' || route.route === 'scaRedirect') {
      if (!context.client) throw new ToolError('unavailable', 'No client credentials are set for this environment, so no bank link can be made; set them first.');
      const link = fillScaTemplate({
        template: route.template ?? '',
        authHost: context.environment.authHost,
        clientId: context.client.clientId,
        redirectUri: context.client.redirectUri,
        state: context.newState?.() ?? globalThis.crypto.randomUUID(),
      });
      if (!link.ok) throw new ToolError('request_failed', `The bank link in the answer cannot be used (${link.problem}); it is not opened.`, started.requestId);
      return {
        ...base,
        approach: 'REDIRECT',
        ...(methodId ? { methodId } : {}),
        scaStatus,
        bankLink: link.url,
        next: `Give the user this link to log in at the bank. After the bank redirects to ${context.client.redirectUri}, the code there must be exchanged by the app that owns that address (in VS Code: the Authorise command does all of this); then call ${follow}.`,
      };
    }
    return { ...base, approach: 'NONE', scaStatus, next: `The bank needs nothing from the user; call ${follow}.` };
  },
};

/** Each action of sandboxScenario, with the id it needs (if any) and the sentence-part that names it. */
const SCENARIO_ACTIONS = {
  expireConsent: 'consentId',
  revokeConsent: 'consentId',
  approveAuthorisation: 'authorisationId',
  denyAuthorisation: 'authorisationId',
  settlePayment: 'paymentId',
  rejectPayment: 'paymentId',
  injectFault: 'kind',
  clearFaults: undefined,
  reset: undefined,
} as const;
type ScenarioAction = keyof typeof SCENARIO_ACTIONS;

const FAULT_ANSWERS: Readonly<Record<ScenarioFaultKind, string>> = {
  'rate-limit': '429 with Retry-After',
  'server-error': '500 Internal Server Error',
  unavailable: '503 with Retry-After',
  'token-expired': '401 TOKEN_EXPIRED',
  slow: 'a slow answer',
  reset: 'a connection reset',
};

/** The admin client's refusal as a tool error the assistant can act on; `what` names the resource asked about. */
function scenarioError(failure: AdminFailure, what: string): ToolError {
  switch (failure.reason) {
    case 'notLoopback':
      return new ToolError('unavailable', 'sandboxScenario works only against the local sandbox (plain http on a loopback address), so nothing was sent.');
    case 'unreachable':
      return new ToolError('unavailable', 'The local sandbox is not answering. Ask the user to start it (npm run sandbox in the extension\'s folder), then call sandboxScenario again.');
    case 'notSandbox':
      return new ToolError('request_failed', 'The server on the API host did not answer like the local sandbox, so nothing was changed.');
    default:
      if (failure.status === 404) return new ToolError('not_found', `The local sandbox holds no ${what}: it was never created there, or the sandbox was restarted or reset.`);
      if (failure.status === 409) return new ToolError('request_failed', `The local sandbox refused: ${what} is in a state that does not allow this (already decided or settled, rejected, future-dated, or a redirect SCA).`);
      return new ToolError('invalid_input', `The local sandbox refused the request (HTTP ${failure.status}); check the ids and numbers given.`);
  }
}

const sandboxScenario: ToolDefinition = {
  name: 'sandboxScenario',
  title: 'Local sandbox scenario',
  description:
    'Local sandbox only: triggers what an integrator tests their error handling with. Expire or revoke a consent, approve or deny a decoupled authorisation, settle or reject a payment, inject a fault for the next calls of an operation, clear faults, or reset the sandbox.',
  inputSchema: inputs(
    {
      action: { type: 'string', enum: Object.keys(SCENARIO_ACTIONS) },
      consentId: { type: 'string', description: 'expireConsent, revokeConsent.' },
      authorisationId: { type: 'string', description: 'approveAuthorisation, denyAuthorisation: a decoupled one.' },
      paymentId: { type: 'string', description: 'settlePayment, rejectPayment.' },
      kind: { type: 'string', enum: SCENARIO_FAULT_KINDS, description: 'injectFault: 429, 500, 503, 401 token expired, slow, connection reset.' },
      operationId: operationIdSchema('injectFault: the operation it answers; every one when absent.'),
      times: { type: 'integer', minimum: 1, maximum: 1000, description: 'injectFault: how many calls; 1 when absent.' },
      retryAfterSeconds: { type: 'integer', minimum: 0, maximum: 86400, description: 'injectFault rate-limit, unavailable.' },
      delayMs: { type: 'integer', minimum: 0, maximum: 600000, description: 'injectFault slow.' },
    },
    ['action'],
    false,
  ),
  sendsRequests: false,
  readOnly: false,
  async run(context, input) {
    const action = required(input, 'action') as ScenarioAction;
    const admin = context.sandboxAdmin;
    // Production is never a loopback host; the second check keeps it so whatever a context supplies.
    if (!admin?.isLoopback || context.environment.isProduction) {
      throw new ToolError(
        'unavailable',
        `sandboxScenario works only against the local sandbox (plain http on a loopback address); the ${context.environment.label} environment is not it, so nothing was sent. Ask the user to choose the Local Sandbox environment.`,
      );
    }
    const needs = SCENARIO_ACTIONS[action];
    const id = needs ? text(input, needs) : undefined;
    if (needs && !id) throw new ToolError('invalid_input', `sandboxScenario: ${action} needs "${needs}".`);
    const given = id ?? '';
    const base = { environment: context.environment.id, action };
    const check = <T>(result: { ok: true; value: T } | AdminFailure, what: string): T => {
      if (!result.ok) throw scenarioError(result, what);
      return result.value;
    };
    switch (action) {
      case 'expireConsent':
      case 'revokeConsent': {
        const consentStatus = check(await admin.consent(given, action === 'expireConsent' ? 'expire' : 'revoke'), `consent ${given}`);
        return { ...base, consentId: given, consentStatus, changed: `Consent ${given} is now ${consentStatus}; its bank answers so from now on (consentStatus reads it).` };
      }
      case 'approveAuthorisation':
      case 'denyAuthorisation': {
        const answer = check(await admin.authorisation(given, action === 'approveAuthorisation' ? 'approve' : 'deny'), `decoupled authorisation ${given}`);
        return {
          ...base,
          authorisationId: given,
          changed: `The PSU ${answer === 'approve' ? 'approved' : 'denied'} authorisation ${given} in the bank's app: its next SCA status read shows it ${answer === 'approve' ? 'finalised' : 'failed'}.`,
        };
      }
      case 'settlePayment':
      case 'rejectPayment': {
        const transactionStatus = check(await admin.payment(given, action === 'settlePayment' ? 'settle' : 'reject'), `payment ${given}`);
        return { ...base, paymentId: given, transactionStatus, changed: `Payment ${given} now reads ${transactionStatus} (paymentStatus reads it).` };
      }
      case 'injectFault': {
        const kind = given as ScenarioFaultKind;
        const operationId = text(input, 'operationId');
        const times = typeof input.times === 'number' ? input.times : 1;
        const fault: ScenarioFault = {
          kind,
          operations: operationId ? [operationId] : [],
          times,
          ...(typeof input.retryAfterSeconds === 'number' ? { retryAfterSeconds: input.retryAfterSeconds } : {}),
          ...(typeof input.delayMs === 'number' ? { delayMs: input.delayMs } : {}),
        };
        const faultsSet = check(await admin.addFault(fault), 'fault');
        const calls = times === 1 ? 'The next call' : `The next ${times} calls`;
        return { ...base, fault, faultsSet, changed: `${calls} of ${operationId ?? 'any operation'} ${times === 1 ? 'answers' : 'answer'} ${FAULT_ANSWERS[kind]}.` };
      }
      case 'clearFaults':
        check(await admin.clearFaults(), 'fault');
        return { ...base, faultsSet: 0, changed: 'No fault is set any more: the sandbox answers every call normally.' };
      default: {
        const removed = check(await admin.reset(), 'state');
        return { ...base, removed, changed: 'The sandbox forgot every consent, payment, authorisation and fault; access tokens stay valid.' };
      }
    }
  },
};

/** Every tool, in the order an assistant usually needs them. */
export const TOOLS: readonly ToolDefinition[] = Object.freeze([
  findBanks,
  bankRequirements,
  describeOperation,
  sendRequest,
  explainFailure,
  consentStatus,
  paymentStatus,
  startAuthorisation,
  sandboxScenario,
]);

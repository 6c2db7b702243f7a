// The Local Sandbox view's commands: each asks for what its scenario needs (a consent, an authorisation, a
// payment, a fault), sends it to the sandbox's loopback admin endpoints, says what changed and brings the
// extension's own records in step. Ids shown in notifications come from the sandbox and pass notificationSafeId.
import * as vscode from 'vscode';
import { OPERATIONS } from '../../client/catalogue/catalogue';
import { toConsentStatus } from '../../client/consents/consentStore';
import {
  type AdminFailure,
  type AuthorisationScenario,
  type ConsentScenario,
  type PaymentScenario,
  SandboxAdmin,
  type ScenarioFault,
  type ScenarioFaultKind,
} from '../../client/sandboxAdmin/sandboxAdmin';
import { notificationSafeId } from '../../client/text/notificationSafe';
import type { Host } from '../../host/host';

type Subject = 'consent' | 'authorisation' | 'payment' | 'fault';
interface Picked<T> extends vscode.QuickPickItem {
  readonly value: T;
}

const DECIDED_SCA = new Set(['finalised', 'failed', 'exempted']);
const MAX_FAULT_CALLS = 1000;

/** A command argument naming a resource: its id, or a tree node or record carrying it. */
function idFrom(arg: unknown, key: string): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const record = arg as Record<string, unknown>;
  const nested = (record['consent'] ?? record['payment']) as Record<string, unknown> | undefined;
  const value = record[key] ?? nested?.[key];
  return typeof value === 'string' ? value : undefined;
}

export class ScenarioCommands {
  constructor(private readonly host: Host) {}

  /** The local sandbox's admin endpoints, or undefined (said to the user) when the environment is not it. */
  private admin(): SandboxAdmin | undefined {
    const { resolution } = this.host.environment.state;
    const admin = resolution.ok ? new SandboxAdmin(resolution.environment.apiHost) : undefined;
    if (admin?.isLoopback) return admin;
    void this.failed({ ok: false, reason: 'notLoopback' });
    return undefined;
  }

  private apiHost(): string {
    const { resolution } = this.host.environment.state;
    return resolution.ok ? resolution.environment.apiHost : '';
  }

  async consent(scenario: ConsentScenario, arg?: unknown): Promise<string | undefined> {
    const admin = this.admin();
    if (!admin) return undefined;
    const envId = this.host.environment.state.id;
    const consentId = await this.choose('consent', idFrom(arg, 'consentId'), async () => {
      const listed = await admin.consents();
      if (!listed.ok) return listed;
      return { ok: true, value: listed.value.map((c) => ({ label: `${c.bicFi} · ${c.consentStatus}`, description: c.consentId, value: c.consentId })) };
    });
    if (!consentId) return undefined;
    const result = await admin.consent(consentId, scenario);
    if (!result.ok) return this.failed(result, 'consent', consentId);
    await this.host.consents.update(envId, consentId, { status: toConsentStatus(result.value) });
    this.done(vscode.l10n.t('Consent {0} is now {1} in the local sandbox. Refresh the Consents & Accounts view to see it.', consentId, result.value), vscode.l10n.t('Refresh Consents'), 'openPayments.consents.refresh');
    return result.value;
  }

  async authorisation(scenario: AuthorisationScenario, arg?: unknown): Promise<AuthorisationScenario | undefined> {
    const admin = this.admin();
    if (!admin) return undefined;
    const authorisationId = await this.choose('authorisation', idFrom(arg, 'authorisationId'), async () => {
      const listed = await admin.authorisations();
      if (!listed.ok) return listed;
      const waiting = listed.value.filter((a) => a.flow === 'decoupled' && !DECIDED_SCA.has(a.scaStatus));
      return { ok: true, value: waiting.map((a) => ({ label: `${a.bicFi} · ${a.kind} ${a.parentId}`, description: `${a.authorisationId} · ${a.scaStatus}`, value: a.authorisationId })) };
    });
    if (!authorisationId) return undefined;
    const result = await admin.authorisation(authorisationId, scenario);
    if (!result.ok) return this.failed(result, 'authorisation', authorisationId);
    this.done(
      scenario === 'approve'
        ? vscode.l10n.t('The PSU approved authorisation {0} in the bank\'s app: its next SCA status read shows it finalised.', authorisationId)
        : vscode.l10n.t('The PSU denied authorisation {0} in the bank\'s app: its next SCA status read shows it failed.', authorisationId),
    );
    return scenario;
  }

  async payment(scenario: PaymentScenario, arg?: unknown): Promise<string | undefined> {
    const admin = this.admin();
    if (!admin) return undefined;
    const envId = this.host.environment.state.id;
    const paymentId = await this.choose('payment', idFrom(arg, 'paymentId'), async () => {
      const listed = await admin.payments();
      if (!listed.ok) return listed;
      return { ok: true, value: listed.value.map((p) => ({ label: `${p.bicFi} · ${p.transactionStatus} · ${p.paymentProduct}`, description: p.paymentId, value: p.paymentId })) };
    });
    if (!paymentId) return undefined;
    const result = await admin.payment(paymentId, scenario);
    if (!result.ok) return this.failed(result, 'payment', paymentId, scenario);
    await this.host.payments.apply(envId, { kind: 'status', paymentId, status: result.value });
    this.done(vscode.l10n.t('Payment {0} now reads {1} in the local sandbox. Refresh the Banks view to see it under its bank.', paymentId, result.value), vscode.l10n.t('Refresh Banks'), 'openPayments.banks.refresh');
    return result.value;
  }

  async injectFault(): Promise<ScenarioFault | undefined> {
    const admin = this.admin();
    if (!admin) return undefined;
    const t = vscode.l10n.t;
    const kinds: Picked<ScenarioFaultKind>[] = [
      { label: t('429 with Retry-After'), value: 'rate-limit' },
      { label: t('500 Internal Server Error'), value: 'server-error' },
      { label: t('503 with Retry-After'), value: 'unavailable' },
      { label: t('401 TOKEN_EXPIRED'), value: 'token-expired' },
      { label: t('A slow answer'), value: 'slow' },
      { label: t('A connection reset'), value: 'reset' },
    ].map((item) => ({ ...item, id: item.value }) as Picked<ScenarioFaultKind>);
    const kind = await this.host.prompter.pick(kinds, { title: t('Inject a Fault'), placeHolder: t('What the next calls answer') });
    if (!kind) return undefined;
    // Every operation the catalogue has, by its id, so a fault can name exactly the call under test.
    const operations: Picked<string>[] = [{ label: t('Every operation'), value: '' }, ...OPERATIONS.map((op) => ({ label: op.id, description: op.title, value: op.id }))].map((item) => ({ ...item, id: item.value || '*' }));
    const operation = await this.host.prompter.pick(operations, { title: t('Inject a Fault'), placeHolder: t('Which operation it answers'), matchOnDescription: true });
    if (!operation) return undefined;
    const times = await this.number(t('For how many calls? (1 to {0})', MAX_FAULT_CALLS), '1', 1, MAX_FAULT_CALLS);
    if (times === undefined) return undefined;
    const fault: { -readonly [K in keyof ScenarioFault]: ScenarioFault[K] } = { kind: kind.value, operations: operation.value ? [operation.value] : [], times };
    if (kind.value === 'rate-limit' || kind.value === 'unavailable') {
      const seconds = await this.number(t('Retry-After, in seconds'), '5', 0, 86_400);
      if (seconds === undefined) return undefined;
      fault.retryAfterSeconds = seconds;
    } else if (kind.value === 'slow') {
      const delayMs = await this.number(t('How long each answer waits, in milliseconds'), '3000', 0, 600_000);
      if (delayMs === undefined) return undefined;
      fault.delayMs = delayMs;
    }
    const result = await admin.addFault(fault);
    if (!result.ok) return this.failed(result, 'fault');
    const target = operation.value || t('any operation');
    this.done(
      times === 1
        ? t('The next call of {0} answers: {1}. Faults set in the local sandbox: {2}.', target, kind.label, result.value)
        : t('The next {0} calls of {1} answer: {2}. Faults set in the local sandbox: {3}.', times, target, kind.label, result.value),
      t('Clear All Faults'),
      'openPayments.localSandbox.clearFaults',
    );
    return fault;
  }

  async clearFaults(): Promise<boolean> {
    const admin = this.admin();
    const result = admin && (await admin.clearFaults());
    if (!result?.ok) return result ? this.failed(result, 'fault').then(() => false) : false;
    this.done(vscode.l10n.t('No fault is set in the local sandbox any more: it answers every call normally.'));
    return true;
  }

  async reset(): Promise<boolean> {
    const admin = this.admin();
    if (!admin) return false;
    const confirmed = await this.host.prompter.confirm(
      vscode.l10n.t('Reset the local sandbox?'),
      vscode.l10n.t('Every consent, payment, authorisation and fault in the sandbox is removed; access tokens stay valid.'),
      vscode.l10n.t('Reset'),
    );
    if (!confirmed) return false;
    const result = await admin.reset();
    if (!result.ok) return this.failed(result).then(() => false);
    const { consents, payments, authorisations, faults } = result.value;
    this.done(vscode.l10n.t('The local sandbox was reset: {0} consents, {1} payments, {2} authorisations and {3} faults removed.', consents, payments, authorisations, faults));
    return true;
  }

  /** The id given, or one picked from the sandbox's list; undefined (said to the user) when there is none. */
  private async choose(subject: Exclude<Subject, 'fault'>, given: string | undefined, list: () => Promise<{ ok: true; value: Picked<string>[] } | AdminFailure>): Promise<string | undefined> {
    if (given !== undefined) {
      if (notificationSafeId(given)) return given;
      void vscode.window.showErrorMessage(vscode.l10n.t('That is not a {0} id of the local sandbox. Run the command from the Local Sandbox view to pick one.', subject));
      return undefined;
    }
    const listed = await list();
    if (!listed.ok) return this.failed(listed, subject);
    // Ids that could be markup are never offered: they would go into the notifications.
    const items = listed.value.filter((item) => notificationSafeId(item.value)).map((item) => ({ ...item, id: item.value }));
    if (items.length === 0) {
      // Only decoupled authorisations still waiting are offered.
      void vscode.window.showInformationMessage(vscode.l10n.t('The local sandbox holds no {0} to pick. Create one first, then try again.', subject === 'authorisation' ? vscode.l10n.t('decoupled authorisation waiting for the PSU') : subject));
      return undefined;
    }
    return (await this.host.prompter.pick(items, { title: vscode.l10n.t('Local Sandbox'), placeHolder: vscode.l10n.t('Pick the {0}', subject), matchOnDescription: true }))?.value;
  }

  private async number(prompt: string, value: string, min: number, max: number): Promise<number | undefined> {
    const answer = await this.host.prompter.input({
      prompt,
      value,
      validateInput: (text) => (/^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max ? undefined : vscode.l10n.t('Enter a whole number from {0} to {1}.', min, max)),
    });
    return answer === undefined ? undefined : Number(answer.trim());
  }

  private done(message: string, action?: string, command?: string): void {
    void vscode.window.showInformationMessage(message, ...(action ? [action] : [])).then((picked) => {
      if (picked && picked === action && command) void vscode.commands.executeCommand(command);
    });
  }

  private async failed(failure: AdminFailure, subject?: Subject, id?: string, scenario?: PaymentScenario): Promise<undefined> {
    const t = vscode.l10n.t;
    const host = this.apiHost();
    this.host.logger.warn(`Local sandbox scenario at ${host}: ${failure.reason}${failure.reason === 'refused' ? ` ${failure.status}` : ''}.`);
    let message: string;
    let action: [string, string] | undefined;
    if (failure.reason === 'notLoopback') {
      message = t('Sandbox scenarios work only against the local sandbox (http on a loopback address), so nothing was sent. Choose the environment Local Sandbox.');
      action = [t('Choose Environment'), 'openPayments.chooseEnvironment'];
    } else if (failure.reason === 'unreachable') {
      message = t('The local sandbox is not answering at {0}. Start it with "npm run sandbox" (or "npm start") in the extension\'s folder, then try again.', host);
    } else if (failure.reason === 'notSandbox') {
      message = t('The server at {0} did not answer like the local sandbox, so nothing was changed.', host);
    } else if (failure.status === 404) {
      message = t('The local sandbox no longer holds {0} {1}: it was restarted or reset. Run the command again to pick another.', subject ?? '', id ?? '');
    } else if (failure.status === 409 && subject === 'payment') {
      message = scenario === 'settle'
        ? t('Payment {0} cannot settle: it was rejected, or is future-dated.', id ?? '')
        : t('Payment {0} cannot be rejected: it has settled.', id ?? '');
    } else if (failure.status === 409) {
      message = t('Authorisation {0} is already finalised or failed, or uses redirect SCA (answered on the bank\'s page).', id ?? '');
    } else {
      message = t('The local sandbox refused the request ({0}).', failure.status);
    }
    const picked = await vscode.window.showErrorMessage(message, ...(action ? [action[0]] : []));
    if (action && picked === action[0]) void vscode.commands.executeCommand(action[1]);
    return undefined;
  }
}

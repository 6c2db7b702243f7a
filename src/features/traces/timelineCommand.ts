// Show Timeline: for the consent or payment a tree item names, or one picked from those of the active
// environment when run from the Command Palette.
import * as vscode from 'vscode';
import type { ConsentStore } from '../../client/consents/consentStore';
import type { PaymentStore } from '../../client/payments/paymentRecords';
import type { TimelineStep, TimelineSubject } from '../../client/traces/timeline';
import type { Prompter } from '../../host/prompter';
import type { TimelineDocuments } from './timelineDocuments';

export class TimelineCommand {
  constructor(
    private readonly documents: TimelineDocuments,
    private readonly consents: ConsentStore,
    private readonly payments: PaymentStore,
    private readonly prompter: Prompter,
    private readonly environmentId: () => string,
  ) {}

  async run(arg?: unknown): Promise<readonly TimelineStep[] | undefined> {
    const subject = subjectOfNode(arg) ?? (await this.pick());
    return subject ? this.documents.show(subject) : undefined;
  }

  private async pick(): Promise<TimelineSubject | undefined> {
    const environmentId = this.environmentId();
    const items = [
      ...this.consents.list(environmentId).map((c) => ({
        label: vscode.l10n.t('Consent {0}', c.consentId),
        description: `${c.bicFi} · ${c.status}`,
        subject: { kind: 'consent', id: c.consentId, environmentId } as const,
      })),
      ...this.payments.list(environmentId).map((p) => ({
        label: vscode.l10n.t('Payment {0}', p.paymentId),
        description: `${p.bicFi} · ${p.status}${p.amount ? ` · ${p.amount}` : ''}`,
        subject: { kind: 'payment', id: p.paymentId, environmentId } as const,
      })),
    ];
    if (items.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('There are no consents or payments in this environment yet. Create a consent or initiate a payment from the Banks view, then show its timeline.'),
      );
      return undefined;
    }
    return (await this.prompter.pick(items, { placeHolder: vscode.l10n.t('Choose the consent or payment whose timeline to show') }))?.subject;
  }
}

/** The subject a Consents & Accounts consent item or a Banks payment item names. */
function subjectOfNode(arg: unknown): TimelineSubject | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as { kind?: unknown; consent?: { consentId?: unknown; environmentId?: unknown }; payment?: { paymentId?: unknown; environmentId?: unknown } };
  if (node.kind === 'consent' && typeof node.consent?.consentId === 'string' && typeof node.consent.environmentId === 'string') {
    return { kind: 'consent', id: node.consent.consentId, environmentId: node.consent.environmentId };
  }
  if (node.kind === 'payment' && typeof node.payment?.paymentId === 'string' && typeof node.payment.environmentId === 'string') {
    return { kind: 'payment', id: node.payment.paymentId, environmentId: node.payment.environmentId };
  }
  return undefined;
}

// The SCA feature: creating and authorising consents and payments (redirect, OAuth and decoupled approaches),
// the challenge panel of a decoupled flow, and the offer to authorise a payment just created.
import type * as vscode from 'vscode';
import { BankPicker } from '../../host/bankPicker';
import { registerCommands } from '../../host/commands';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import type { ConsentNode } from '../../host/treeNodes';
import { ChallengePanels } from './challengePanel';
import { ScaCommands } from './scaCommands';
import { ScaSession } from './scaSession';

export interface ScaFeature extends vscode.Disposable {
  readonly session: ScaSession;
  readonly challenges: ChallengePanels;
}

export function register(host: Host): ScaFeature {
  const group = new DisposableGroup();
  const challenges = new ChallengePanels();
  const session = group.add(
    new ScaSession(host.runner, host.session, host.credentials, host.environment, host.prompter, host.logger.for('sca'), challenges.create, host.settings),
  );
  const commands = new ScaCommands(host, session, new BankPicker(host.directory, host.bankSelection, host.prompter));
  group.add(commands.offerPaymentAuthorisations());
  group.add(
    registerCommands({
      'openPayments.consents.authorise': (node?: ConsentNode) => commands.authoriseConsent(node),
      'openPayments.consents.create': (bicFi?: unknown) => commands.createConsent(typeof bicFi === 'string' ? bicFi : undefined),
      'openPayments.payments.authorise': (args?: unknown) => commands.authorisePayment(args),
      'openPayments.payments.status': (args?: unknown) => commands.paymentStatus(args),
    }, host.activity),
  );
  return { session, challenges, dispose: () => group.dispose() };
}

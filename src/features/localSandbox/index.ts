// The Local Sandbox feature: a view and commands that trigger, against the local sandbox only, what an
// integrator needs to test their own error handling (expired or revoked consents, the PSU's answer to a
// decoupled SCA, settled or rejected payments, faults, a reset). The view and the commands in the palette show
// only while the environment's API host is plain http on a loopback address (see localSandboxContext).
import * as vscode from 'vscode';
import { registerCommands } from '../../host/commands';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { LocalSandboxContext } from './localSandboxContext';
import { ScenarioCommands } from './scenarioCommands';
import { LOCAL_SANDBOX_VIEW_ID, ScenarioTreeProvider } from './scenarioTree';

export function register(host: Host): vscode.Disposable {
  const group = new DisposableGroup();
  group.add(vscode.window.createTreeView(LOCAL_SANDBOX_VIEW_ID, { treeDataProvider: new ScenarioTreeProvider() }));
  group.add(new LocalSandboxContext(host.environment));
  const commands = new ScenarioCommands(host);
  group.add(
    registerCommands({
      'openPayments.localSandbox.expireConsent': (arg?: unknown) => commands.consent('expire', arg),
      'openPayments.localSandbox.revokeConsent': (arg?: unknown) => commands.consent('revoke', arg),
      'openPayments.localSandbox.approveAuthorisation': (arg?: unknown) => commands.authorisation('approve', arg),
      'openPayments.localSandbox.denyAuthorisation': (arg?: unknown) => commands.authorisation('deny', arg),
      'openPayments.localSandbox.settlePayment': (arg?: unknown) => commands.payment('settle', arg),
      'openPayments.localSandbox.rejectPayment': (arg?: unknown) => commands.payment('reject', arg),
      'openPayments.localSandbox.injectFault': () => commands.injectFault(),
      'openPayments.localSandbox.clearFaults': () => commands.clearFaults(),
      'openPayments.localSandbox.reset': () => commands.reset(),
    }, host.activity),
  );
  return group;
}

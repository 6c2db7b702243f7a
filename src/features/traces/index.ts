// The traces feature: what a user hands to support. Find X-Request-ID… opens the exchange of any id from
// History; Show Timeline lists every exchange that touched a consent or payment; Copy Support Bundle copies
// one exchange, masked, with the versions support asks for.
import * as vscode from 'vscode';
import { registerCommands } from '../../host/commands';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { FindRequestId } from './findRequestId';
import { SupportBundleCommand } from './supportBundleCommand';
import { TimelineCommand } from './timelineCommand';
import { TimelineDocuments } from './timelineDocuments';
import { TRACE_COMMANDS } from './traceCommandIds';

export function register(host: Host): vscode.Disposable {
  const group = new DisposableGroup();
  const find = new FindRequestId(host.history, host.responses, host.prompter);
  const documents = group.add(new TimelineDocuments(host.history));
  const timeline = new TimelineCommand(documents, host.consents, host.payments, host.prompter, () => host.environment.state.id);
  const bundle = new SupportBundleCommand(host.history, host.responses, host.prompter, host.redactor, () => ({
    extension: String((host.context.extension?.packageJSON as { version?: unknown } | undefined)?.version ?? 'unknown'),
    vscode: vscode.version,
  }));
  group.add(
    registerCommands({
      [TRACE_COMMANDS.findRequestId]: (arg?: unknown) => find.run(arg),
      [TRACE_COMMANDS.showTimeline]: (arg?: unknown) => timeline.run(arg),
      [TRACE_COMMANDS.copySupportBundle]: (arg?: unknown) => bundle.run(arg),
    }, host.activity),
  );
  return group;
}

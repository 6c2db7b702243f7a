// The language-model tools feature (issue 14): the tool table's tools as VS Code tools, so agent mode and other
// extensions can call them. Their names come from the manifest, which `npm run generate:tools` writes from the
// table, so activation does not load the table itself.
import * as vscode from 'vscode';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { SandboxAdmin } from '../../client/sandboxAdmin/sandboxAdmin';
import { coreToolName } from '../../client/tools/languageModelToolsManifest';
import { ProductionConfirmations } from './productionConfirmations';
import { LanguageModelToolAdapter } from './toolAdapter';
import type { ToolHostParts } from './toolHostParts';

/** The tool names the manifest contributes; VS Code refuses to register any other. */
function contributedNames(packageJSON: unknown): string[] {
  const tools = (packageJSON as { contributes?: { languageModelTools?: unknown } } | undefined)?.contributes?.languageModelTools;
  if (!Array.isArray(tools)) return [];
  return tools.map((tool) => (tool as { name?: unknown }).name).filter((name): name is string => typeof name === 'string');
}

export function register(host: Host): vscode.Disposable {
  const group = new DisposableGroup();
  const parts: ToolHostParts = {
    environment: host.environment,
    runner: host.runner,
    history: host.history,
    redactor: host.redactor,
    credentials: host.credentials,
    redirectUri: () => host.settings.get('redirectUri')?.trim() || undefined,
    logger: host.logger.for('tools'),
    sandboxAdmin: (apiHost) => new SandboxAdmin(apiHost),
  };
  const confirmations = new ProductionConfirmations();
  for (const name of contributedNames(host.context.extension?.packageJSON)) {
    const coreName = coreToolName(name);
    if (coreName) group.add(vscode.lm.registerTool(name, new LanguageModelToolAdapter(coreName, parts, confirmations)));
  }
  return group;
}

// Creates the host and lets each feature register itself; no logic lives here.
import * as vscode from 'vscode';
import * as assistant from './features/assistant';
import * as banks from './features/banks';
import * as consents from './features/consents';
import * as copyAsCode from './features/copyAsCode';
import * as history from './features/history';
import * as languageModelTools from './features/languageModelTools';
import * as localSandbox from './features/localSandbox';
import * as payments from './features/payments';
import * as postmanImport from './features/postmanImport';
import * as requestFiles from './features/requestFiles';
import * as requests from './features/requests';
import * as sca from './features/sca';
import * as setup from './features/setup';
import * as traces from './features/traces';
import { Host } from './host/host';
import type { TestApi } from './testApi';

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const host = new Host(context);
  const setupFeature = setup.register(host);
  const requestsFeature = requests.register(host);
  const banksFeature = banks.register(host);
  const paymentsFeature = payments.register(host);
  const consentsFeature = consents.register(host);
  const scaFeature = sca.register(host);
  const historyFeature = history.register(host);
  const copyAsCodeFeature = copyAsCode.register(host);
  const tracesFeature = traces.register(host);
  const requestFilesFeature = requestFiles.register(host);
  const postmanImportFeature = postmanImport.register(host);
  const localSandboxFeature = localSandbox.register(host);
  const assistantFeature = assistant.register(host);
  const languageModelToolsFeature = languageModelTools.register(host);
  // Released in this order: each feature before the host it was built on.
  context.subscriptions.push(languageModelToolsFeature, assistantFeature, localSandboxFeature, postmanImportFeature, requestFilesFeature, tracesFeature, copyAsCodeFeature, historyFeature, scaFeature, consentsFeature, paymentsFeature, banksFeature, requestsFeature, setupFeature, host);

  // Only the extension-host tests get a handle on internals; installed copies export nothing.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return {
      prompter: host.prompter,
      dialogs: host.dialogs,
      environment: host.environment,
      activity: host.activity,
      redactor: host.redactor,
      credentials: host.credentials,
      runner: host.runner,
      banks: banksFeature.tree,
      consents: consentsFeature.tree,
      history: host.history,
      responsePanel: requestsFeature.responsePanel,
      sca: scaFeature.session,
      challenges: scaFeature.challenges,
      logUri: context.logUri,
      storage: context,
      mcpServers: assistantFeature.mcpServers,
    };
  }
  return undefined;
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}

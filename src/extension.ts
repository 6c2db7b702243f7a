// Wires the extension's objects together and registers their disposables; no logic lives here.
import * as vscode from 'vscode';
import { CredentialStore } from './client/auth/credentialStore';
import { BankCommands } from './features/banks/bankCommands';
import { BankPicker } from './host/bankPicker';
import { CertificateCommands } from './features/setup/certificateCommands';
import { ConsentCommands } from './features/consents/consentCommands';
import { ScaCommands } from './features/sca/scaCommands';
import { ConsentStore } from './client/consents/consentStore';
import { CredentialsCommands } from './features/setup/credentialsCommands';
import { EnvironmentCommands } from './features/setup/environmentCommands';
import { LocalSandboxCommand } from './features/setup/localSandboxCommand';
import { BodyEditor } from './features/requests/sendRequest/bodyEditor';
import { SendRequestCommand } from './features/requests/sendRequest/sendRequestCommand';
import { PRESET_HOSTS } from './client/environments/environments';
import { Redactor } from './client/redaction/redaction';
import { ActiveEnvironment } from './host/activeEnvironment';
import { BankDirectory } from './host/bankDirectory';
import { ExchangeTracker } from './host/exchangeTracker';
import { PaymentStore } from './client/payments/paymentRecords';
import { ScaSession } from './features/sca/scaSession';
import { ViewLoader } from './host/viewLoader';
import { EnvironmentSettings } from './host/settings/environmentSettings';
import { HttpSession } from './host/httpSession';
import { StoredSecretsLearner } from './features/setup/storedSecretsLearner';
import { Logger } from './host/logger';
import { MissingHeaderPrompt } from './host/missingHeaderPrompt';
import { SettledState } from './client/text/settledState';
import { ParamMemory } from './host/paramMemory';
import { RequestRunner } from './host/requestRunner';
import { RequestSettingsReader } from './host/settings/requestSettings';
import { SwitchablePrompter, WindowPrompter } from './host/prompter';
import type { TestApi } from './testApi';
import { BANKS_VIEW_ID, BanksTreeProvider } from './features/banks/banksTree';
import { ChallengePanels } from './features/sca/challengePanel';
import { CONSENTS_VIEW_ID, ConsentsTreeProvider } from './features/consents/consentsTree';
import { ResponsePanel } from './features/requests/response/responsePanel';
import { DirectoryFiles } from './client/history/directoryFiles';
import { HistoryStore } from './client/history/historyStore';
import { HistoryCommands } from './features/history/historyCommands';
import { callDefaultsFromSettings, HistorySettings } from './host/settings/historySettings';
import { SettingsReader } from './host/settings/settingsReader';
import { HistoryTreeProvider } from './features/history/historyTree';
import { EnvironmentStatusBar } from './features/setup/environmentStatusBar';

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const redactor = new Redactor();
  const channel = vscode.window.createOutputChannel('Open Payments', { log: true });
  const logger = new Logger(channel, redactor);
  const credentials = new CredentialStore(context.secrets, redactor);
  const storedSecrets = new StoredSecretsLearner(credentials, context.secrets, redactor, logger);
  const settingsReader = new SettingsReader();
  const settings = new EnvironmentSettings(settingsReader);
  const historySettings = new HistorySettings(settingsReader);
  const environment = new ActiveEnvironment(settings, credentials, logger);
  const prompter = new SwitchablePrompter(new WindowPrompter());
  const credentialsCommands = new CredentialsCommands(credentials, environment, prompter, logger);
  const environmentCommands = new EnvironmentCommands(settings, environment, prompter);
  const requestSettings = new RequestSettingsReader(settingsReader);
  const session = new HttpSession(requestSettings, credentials, context.secrets, redactor, logger);
  const responsePanel = new ResponsePanel(context.extensionUri, redactor, logger);
  const runner = new RequestRunner(session, environment, logger, responsePanel, new MissingHeaderPrompt(prompter, logger, (setting, value) => requestSettings.savePsuHeader(setting, value)));
  const bodies = new BodyEditor(runner, settingsReader);
  // Every store reads back what it wrote, which VS Code's globalState alone does not promise (see settledState).
  const globalState = new SettledState(context.globalState);
  const memory = new ParamMemory(globalState);
  const sendRequest = new SendRequestCommand(runner, bodies, environment, requestSettings, prompter, memory);
  const payments = new PaymentStore(globalState);
  const directory = new BankDirectory(runner, environment, BANKS_VIEW_ID);
  const banksTree = new BanksTreeProvider(directory, payments, environment);
  const banksView = vscode.window.createTreeView(BANKS_VIEW_ID, { treeDataProvider: banksTree, showCollapseAll: true });
  const history = new HistoryStore({
    state: globalState,
    files: new DirectoryFiles(vscode.Uri.joinPath(context.globalStorageUri, 'history').fsPath),
    redactor,
    maxEntries: () => historySettings.maxEntries(),
    log: logger,
    callDefaults: callDefaultsFromSettings(settings, requestSettings),
  });
  const consents = new ConsentStore(globalState);
  const challenges = new ChallengePanels();
  const sca = new ScaSession(runner, session, credentials, environment, prompter, redactor, logger, challenges.create, settingsReader);
  const consentsTree = new ConsentsTreeProvider(consents, environment, new ViewLoader(runner, environment, CONSENTS_VIEW_ID));
  const consentsView = vscode.window.createTreeView(CONSENTS_VIEW_ID, { treeDataProvider: consentsTree, showCollapseAll: true });

  context.subscriptions.push(
    credentials,
    storedSecrets,
    channel,
    environment,
    new EnvironmentStatusBar(environment),
    credentialsCommands.register(),
    environmentCommands.register(),
    new CertificateCommands(context.secrets, prompter, redactor, logger).register(),
    new LocalSandboxCommand(credentials, settings, environment, logger, PRESET_HOSTS.local.apiHost, () => session.warm(), () => directory.countries()).register(),
    session,
    runner,
    bodies.register(),
    sendRequest.register(),
    vscode.commands.registerCommand('openPayments.showLog', () => logger.show()),
    directory,
    banksTree,
    banksView,
    new BankCommands(directory, banksTree, banksView, runner, environment, memory, prompter).register(),
    new ExchangeTracker(runner, consents, requestSettings, payments),
    consentsTree,
    consentsView,
    consentsTree.followVisibility(consentsView),
    new ConsentCommands(consents, consentsTree, runner, environment, prompter, consentsView, memory).register(),
    sca,
    new ScaCommands(sca, runner, consents, environment, requestSettings, prompter, new BankPicker(directory, banksView, prompter)).register(),
    responsePanel,
    runner.onDidExchange((call) => void history.record(call)),
    new HistoryTreeProvider(history, historySettings).register(),
    new HistoryCommands(history, responsePanel, prompter, settings, (scope, env) => session.token(env, scope.product, scope.context), redactor, logger).register(),
  );

  // Only the extension-host tests get a handle on internals; installed copies export nothing.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return { prompter, environment, redactor, credentials, runner, banks: banksTree, consents: consentsTree, history, responsePanel, sca, challenges, logUri: context.logUri };
  }
  return undefined;
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}

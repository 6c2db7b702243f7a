// Everything the features share, created in one place: the log, the settings, prompts, secrets, the active
// environment, the HTTP session and request runner, the stores (consents, payments, history, bank directory)
// and the relays through which features meet (the response view, the bank selected). A feature receives the
// host in its register(host) and builds its trees, commands and panels from it; it never imports another feature.
import * as vscode from 'vscode';
import { QuietMoment } from '../client/activity/quietMoment';
import { CredentialStore } from '../client/auth/credentialStore';
import { ConsentStore } from '../client/consents/consentStore';
import { DirectoryFiles } from '../client/history/directoryFiles';
import { HistoryStore } from '../client/history/historyStore';
import { PaymentStore } from '../client/payments/paymentRecords';
import { Redactor } from '../client/redaction/redaction';
import { SettledState } from './settledState';
import { ActiveEnvironment } from './activeEnvironment';
import { BANKS_VIEW_ID, BankDirectory } from './bankDirectory';
import { BankSelection } from './bankSelection';
import { Disposable } from './disposable';
import { ExchangeTracker } from './exchangeTracker';
import { SwitchableFileDialogs } from './fileDialogs';
import { HttpSession } from './httpSession';
import { Logger } from './logger';
import { MissingHeaderPrompt } from './missingHeaderPrompt';
import { ParamMemory } from './paramMemory';
import { SwitchablePrompter, WindowPrompter } from './prompter';
import { RequestRunner } from './requestRunner';
import { ResponseViews } from './responseViews';
import { EnvironmentSettings } from './settings/environmentSettings';
import { callDefaultsFromSettings, HistorySettings } from './settings/historySettings';
import { RequestSettingsReader } from './settings/requestSettings';
import { SettingsReader } from './settings/settingsReader';

/**
 * How long without a command, expansion or selection of ours counts as a pause. Longer than a person takes
 * between two clicks that follow each other, shorter than reading a result.
 */
const PAUSE_MS = 2000;

export class Host extends Disposable {
  readonly redactor = new Redactor();
  readonly logger: Logger;
  readonly settings = new SettingsReader();
  readonly environmentSettings = new EnvironmentSettings(this.settings);
  readonly requestSettings = new RequestSettingsReader(this.settings);
  readonly historySettings = new HistorySettings(this.settings);
  /** Client credentials, kept only in VS Code's SecretStorage. */
  readonly credentials: CredentialStore;
  /** VS Code's SecretStorage, for the secrets that are not client credentials (the certificate passphrase). */
  readonly secrets: vscode.SecretStorage;
  /** Tests swap the window's prompts for scripted answers here. */
  readonly prompter = new SwitchablePrompter(new WindowPrompter());
  /** The open-file dialog; tests swap in scripted answers here too. */
  readonly dialogs = new SwitchableFileDialogs();
  readonly environment: ActiveEnvironment;
  readonly session: HttpSession;
  /** The response view; the requests feature attaches it. */
  readonly responses = new ResponseViews();
  readonly runner: RequestRunner;
  /** Every store reads back what it wrote, which VS Code's globalState alone does not promise (see settledState). */
  readonly globalState: SettledState;
  /** Parameter values remembered per environment, prefilled by Send Request… */
  readonly memory: ParamMemory;
  readonly consents: ConsentStore;
  readonly payments: PaymentStore;
  readonly history: HistoryStore;
  readonly directory: BankDirectory;
  /** The bank selected in the Banks view; the banks feature provides it. */
  readonly bankSelection = new BankSelection();

  /**
   * Pauses in the user's use of the extension, for writes that hold the window up (the environment setting
   * after Use Local Sandbox). A window that loses focus or closes ends every wait at once.
   */
  readonly activity: QuietMoment;

  constructor(readonly context: vscode.ExtensionContext) {
    super();
    this.activity = this._register(new QuietMoment(PAUSE_MS));
    this._register(vscode.window.onDidChangeWindowState((state) => state.focused || this.activity.flush()));
    const channel = this._register(vscode.window.createOutputChannel('Open Payments', { log: true }));
    this.logger = new Logger(channel, this.redactor, 'host');
    this.secrets = context.secrets;
    this.credentials = this._register(new CredentialStore(context.secrets, this.redactor));
    this.environment = this._register(new ActiveEnvironment(this.environmentSettings, this.credentials, this.logger));
    this.session = this._register(new HttpSession(this.requestSettings, this.credentials, context.secrets, this.redactor, this.logger.for('http')));
    const missingHeaders = new MissingHeaderPrompt(this.prompter, this.logger.for('http'), (setting, value) => this.requestSettings.savePsuHeader(setting, value));
    this.runner = this._register(new RequestRunner(this.session, this.environment, this.logger.for('http'), this.responses, missingHeaders));
    this.globalState = new SettledState(context.globalState);
    this.memory = new ParamMemory(this.globalState);
    this.consents = new ConsentStore(this.globalState);
    this.payments = new PaymentStore(this.globalState);
    this.history = new HistoryStore({
      state: this.globalState,
      files: new DirectoryFiles(vscode.Uri.joinPath(context.globalStorageUri, 'history').fsPath),
      redactor: this.redactor,
      maxEntries: () => this.historySettings.maxEntries(),
      log: this.logger.for('history'),
      callDefaults: callDefaultsFromSettings(this.environmentSettings, this.requestSettings),
    });
    this.directory = this._register(new BankDirectory(this.runner, this.environment, BANKS_VIEW_ID));
    // Keeps the consent and payment stores in step with every exchange, whichever feature sent it.
    this._register(new ExchangeTracker(this.runner, this.consents, this.requestSettings, this.payments));
  }
}
